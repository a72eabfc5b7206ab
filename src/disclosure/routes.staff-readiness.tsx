import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { submitForm, type FormState } from '../core/http/form.js';
import { can } from '../core/auth/permissions.js';
import { listUnits } from '../core/agencies/units.js';
import { estimateReadiness } from './estimate-readiness.js';
import { remindDisclosureDeadlines, RemindForm } from './send-disclosure-reminders.js';
import { startFiscalYear, StartYearForm } from './start-fiscal-year.js';
import { fedFor, openableYear, pickYear } from './staff-request.js';
import { ReadinessPage } from './views/readiness-page.js';
import { NewYearPage } from './views/new-year-page.js';
import { STAFF_BASE as BASE } from './views/staff-parts.js';

/** The readiness dashboard of a year; after a refused reminder form, with its message. */
async function readinessPage(c: Context<AppEnv>, year: number, form?: FormState) {
  const ctx = c.get('ctx');
  const fed = await fedFor(c, year);
  const r = await estimateReadiness(ctx.db, ctx.agencyId, year, {
    now: ctx.now(),
    fed: fed.byItem,
  });
  const units = await listUnits(ctx.db, ctx.agencyId);
  return (
    <ReadinessPage
      r={r}
      unitName={new Map(units.map((u) => [u.id, u.nameTh]))}
      canRemind={can(ctx.actor, 'disclosure.manage')}
      failedFeeds={fed.failures}
      requestId={c.get('requestId')}
      form={form}
    />
  );
}

/**
 * The year as a whole: readiness and its reminder e-mails, and opening a new fiscal year from
 * the one before. Mounted by routes.staff.tsx at /staff/disclosure.
 */
export const readinessRoutes = new Hono<AppEnv>()
  .get('/readiness', async (c) => c.render(await readinessPage(c, await pickYear(c))))
  .post('/readiness/remind', requirePermission('disclosure.manage'), async (c) => {
    const config = c.get('config');
    return submitForm(c, {
      schema: RemindForm,
      run: ({ year }) =>
        remindDisclosureDeadlines(c.get('ctx'), c.get('agency')!, {
          ...(year === undefined ? {} : { fiscalYear: year }),
          mail: config,
          baseUrl: config.baseUrl ?? new URL(c.req.url).origin,
          modules: c.get('modules'),
        }),
      redirect: (notice) => `${BASE}/readiness?notice=${notice}`,
      page: async (form) => readinessPage(c, await pickYear(c), form),
    });
  })
  .get('/new-year', requirePermission('disclosure.manage'), async (c) =>
    c.render(<NewYearPage year={await pickYear(c)} />),
  )
  .post('/new-year', requirePermission('disclosure.manage'), async (c) =>
    submitForm(c, {
      schema: StartYearForm,
      run: async ({ year }) => {
        await startFiscalYear(c.get('ctx'), openableYear(year));
        return year;
      },
      redirect: (year) => `${BASE}?year=${year}&notice=disclosure.newYear.started`,
      page: async (form) => <NewYearPage year={await pickYear(c)} form={form} />,
    }),
  );
