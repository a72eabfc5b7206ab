import { Hono, type Context } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { FRESH_FORM, submitForm, type FormState } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { can } from '../core/auth/permissions.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError } from '../core/errors.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { normalizeTypedNumber } from '../core/validation/typed-number.js';
import { sendStoredFile } from '../core/files/index.js';
import { recordActivity, type PhotoUpload } from './record-activity.js';
import { recordGift } from './record-gift.js';
import { declareInterests } from './declare-interests.js';
import { getActivity, listActivities, listDeclarations, listGifts } from './measures-queries.js';
import { ACTIVITY_KINDS, activityPhotos } from './schema.js';
import { ActivitiesPage, ActivityPage, GiftsPage, InterestsPage } from './views/measure-pages.js';

const BASE = '/staff/integrity';
const Any = z.record(z.string(), z.unknown());

function yearOf(c: Context<AppEnv>): number {
  const year = Number(normalizeTypedNumber(c.req.query('year') ?? ''));
  return Number.isInteger(year) && year >= 2500 && year <= 2700
    ? year
    : currentFiscalYear(c.get('ctx').now());
}

/** The files chosen in the photos field (none, one or many), read into memory. */
async function photosOf(value: unknown): Promise<PhotoUpload[]> {
  const files = ([] as unknown[]).concat(value ?? []).filter((f): f is File => f instanceof File);
  return Promise.all(
    files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** A fresh activity form, with the kind preselected when a document page linked here. */
function freshActivityForm(c: Context<AppEnv>): FormState {
  const kind = c.req.query('kind');
  return ACTIVITY_KINDS.some((k) => k === kind) ? { ...FRESH_FORM, values: { kind } } : FRESH_FORM;
}

async function activitiesPage(c: Context<AppEnv>, form: FormState = freshActivityForm(c)) {
  const ctx = c.get('ctx');
  const year = yearOf(c);
  const list = await listActivities(ctx.db, ctx.agencyId, year);
  const canRecord = can(ctx.actor, 'integrity.record');
  return <ActivitiesPage year={year} activities={list} canRecord={canRecord} form={form} />;
}

async function giftsPage(c: Context<AppEnv>, form: FormState = FRESH_FORM) {
  const ctx = c.get('ctx');
  const year = yearOf(c);
  const list = await listGifts(ctx.db, ctx.agencyId, year);
  const publicHref = `/a/${c.get('agency')!.slug}/integrity/gifts/${year}`;
  const canRecord = can(ctx.actor, 'integrity.record');
  return <GiftsPage year={year} gifts={list} {...{ canRecord, publicHref, form }} />;
}

async function interestsPage(c: Context<AppEnv>, form: FormState = FRESH_FORM) {
  const ctx = c.get('ctx');
  const year = yearOf(c);
  const { rows, all } = await listDeclarations(ctx, year);
  const canDeclare = can(ctx.actor, 'integrity.declare');
  return <InterestsPage year={year} declarations={rows} {...{ all, canDeclare, form }} />;
}

/** No Gift activities and the declaration event, the gift register, interest declarations. */
export const measureRoutes = new Hono<AppEnv>()
  .get('/activities', async (c) => c.render(await activitiesPage(c)))
  .post('/activities', requirePermission('integrity.record'), (c) =>
    submitForm(c, {
      schema: Any,
      run: async ({ photos, ...data }) =>
        recordActivity(c.get('ctx'), data as never, await photosOf(photos), c.get('config')),
      redirect: (a) => `${BASE}/activities/${a.id}?notice=integrity.activities.recorded`,
      page: (form) => activitiesPage(c, form),
    }),
  )
  .get('/activities/:id', async (c) => {
    const ctx = c.get('ctx');
    const activity = await getActivity(ctx.db, ctx.agencyId, uuidParam(c, 'id'));
    const publicHref = `/a/${c.get('agency')!.slug}/integrity/activities/${activity.id}`;
    return c.render(<ActivityPage activity={activity} publicHref={publicHref} />);
  })
  .get('/activities/:id/photos/:sha', async (c) => {
    const ctx = c.get('ctx');
    const photo = await scoped(ctx.db, ctx.agencyId).find(
      activityPhotos,
      and(
        eq(activityPhotos.activityId, uuidParam(c, 'id')),
        eq(activityPhotos.sha256, c.req.param('sha')),
      )!,
    );
    if (!photo) throw new NotFoundError();
    return sendStoredFile(c, photo, { cacheControl: 'private, no-store' });
  })
  .get('/gifts', async (c) => c.render(await giftsPage(c)))
  .post('/gifts', requirePermission('integrity.record'), (c) =>
    submitForm(c, {
      schema: Any,
      run: (data) => recordGift(c.get('ctx'), data as never),
      redirect: (g) => `${BASE}/gifts?year=${g.fiscalYear}&notice=integrity.gifts.recorded`,
      page: (form) => giftsPage(c, form),
    }),
  )
  .get('/interests', async (c) => c.render(await interestsPage(c)))
  .post('/interests', requirePermission('integrity.declare'), (c) =>
    submitForm(c, {
      schema: Any,
      run: (data) => declareInterests(c.get('ctx'), data as never),
      redirect: (d) => `${BASE}/interests?year=${d.fiscalYear}&notice=integrity.interests.declared`,
      page: (form) => interestsPage(c, form),
    }),
  );
