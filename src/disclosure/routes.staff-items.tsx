import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { uuidParam } from '../core/http/params.js';
import { submitForm, type FormState } from '../core/http/form.js';
import { can } from '../core/auth/permissions.js';
import { listUnits } from '../core/agencies/units.js';
import { listOitItemStates } from './item-status.js';
import { approveEntry, returnEntry, submitEntry } from './review-entry.js';
import { ItemForm, saveItemForm } from './save-item-form.js';
import { getEntry, loadItemForStaff } from './staff-queries.js';
import { codeParam, fedFor, pickYear, yearParam } from './staff-request.js';
import { ItemsPage } from './views/items-page.js';
import { ItemFormPage } from './views/item-form-page.js';
import { STAFF_BASE as BASE } from './views/staff-parts.js';

/** The item page as GET shows it; a refused form passes what was typed and why. */
async function itemPage(c: Context<AppEnv>, year: number, code: string, form?: FormState) {
  const ctx = c.get('ctx');
  const fed = (await fedFor(c, year)).byItem.get(code) ?? [];
  const loaded = await loadItemForStaff(ctx, year, code, fed);
  return (
    <ItemFormPage
      year={year}
      code={code}
      {...loaded}
      {...(form && {
        values: form.values,
        errors: form.errors,
        message: form.message,
        chosenFiles: form.chosenFiles.file,
      })}
    />
  );
}

/** The item page of an entry (this agency's, else 404), after a refused submit or review. */
async function entryPage(c: Context<AppEnv>, entryId: string, form: FormState) {
  const entry = await getEntry(c.get('ctx').db, c.get('ctx').agencyId, entryId);
  return itemPage(c, entry.fiscalYear, entry.itemCode, form);
}

/**
 * The items of a year and each item's page: edit (officers of its unit, admins), submit, and
 * the approver's approve or return. Mounted by routes.staff.tsx at /staff/disclosure.
 */
export const itemRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const ctx = c.get('ctx');
    const year = await pickYear(c);
    const fed = (await fedFor(c, year)).byItem;
    const units = await listUnits(ctx.db, ctx.agencyId);
    return c.render(
      <ItemsPage
        year={year}
        statuses={await listOitItemStates(ctx.db, ctx.agencyId, year, { fed })}
        unitName={new Map(units.map((u) => [u.id, u.nameTh]))}
        canManage={can(ctx.actor, 'disclosure.manage')}
      />,
    );
  })
  .get('/items/:year/:code', async (c) => {
    const year = yearParam(c);
    return c.render(await itemPage(c, year, codeParam(c, year)));
  })
  .post('/items/:year/:code', requirePermission('disclosure.edit'), async (c) => {
    const year = yearParam(c);
    const code = codeParam(c, year);
    return submitForm(c, {
      schema: ItemForm,
      run: (form) =>
        saveItemForm(c.get('ctx'), { dataDir: c.get('config').dataDir, year, code }, form),
      redirect: () => `${BASE}/items/${year}/${code}?notice=disclosure.form.saved`,
      page: (form) => itemPage(c, year, code, form),
    });
  })
  .post('/entries/:id/submit', requirePermission('disclosure.edit'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: z.object({}),
      run: () => submitEntry(c.get('ctx'), id),
      redirect: (entry) =>
        `${BASE}/items/${entry.fiscalYear}/${entry.itemCode}?notice=disclosure.form.submitted`,
      page: (form) => entryPage(c, id, form),
    });
  })
  .post('/entries/:id/approve', requirePermission('disclosure.review'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: z.object({}),
      run: () => approveEntry(c.get('ctx'), id),
      redirect: (entry) =>
        `${BASE}/review?year=${entry.fiscalYear}&notice=disclosure.form.approved`,
      page: (form) => entryPage(c, id, form),
    });
  })
  .post('/entries/:id/return', requirePermission('disclosure.review'), async (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: z.object({ comment: z.string().default('') }),
      run: ({ comment }) => returnEntry(c.get('ctx'), id, comment),
      redirect: (entry) =>
        `${BASE}/review?year=${entry.fiscalYear}&notice=disclosure.form.sentBack`,
      page: (form) => entryPage(c, id, form),
    });
  });
