import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { FRESH_FORM, submitForm, type FormState } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { can } from '../core/auth/permissions.js';
import { scoped } from '../core/db/scoped.js';
import { listUnits } from '../core/agencies/units.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { addPerson } from './add-person.js';
import { recordTraining } from './record-training.js';
import { setNationalIdStorage } from './set-national-id-storage.js';
import { recordHearing } from './record-hearing.js';
import { HearingsPage } from './views/hearings-page.js';
import {
  listHearings,
  listHrDocuments,
  listHrReports,
  listPeople,
  listPlan,
  listTrainings,
  storesNationalId,
  trainingSummary,
} from './queries.js';
import { people } from './schema.js';
import { PersonPage, RosterPage } from './views/roster-pages.js';
import { PLAN_BASE, PlanPage } from './views/plan-page.js';
import { addPlanActivity, recordPlanProgress } from './plan.js';
import { publishHrReport } from './publish-hr-report.js';

const Fields = z.record(z.string(), z.unknown());

async function rosterPage(c: Context<AppEnv>, form: FormState = FRESH_FORM) {
  const ctx = c.get('ctx');
  const year = currentFiscalYear(ctx.now());
  return (
    <RosterPage
      year={year}
      people={await listPeople(ctx.db, ctx.agencyId)}
      units={await listUnits(ctx.db, ctx.agencyId)}
      summary={await trainingSummary(ctx.db, ctx.agencyId, year)}
      storesNationalId={await storesNationalId(ctx.db, ctx.agencyId)}
      canManage={can(ctx.actor, 'personnel.manage')}
      form={form}
    />
  );
}

async function personPage(c: Context<AppEnv>, id: string, form: FormState = FRESH_FORM) {
  const ctx = c.get('ctx');
  const person = await scoped(ctx.db, ctx.agencyId).get(people, eq(people.id, id));
  return (
    <PersonPage
      person={person}
      trainings={await listTrainings(ctx.db, ctx.agencyId, id)}
      year={currentFiscalYear(ctx.now())}
      canManage={can(ctx.actor, 'personnel.manage')}
      form={form}
    />
  );
}

async function hearingsPage(c: Context<AppEnv>, form: FormState = FRESH_FORM) {
  const ctx = c.get('ctx');
  const year = currentFiscalYear(ctx.now());
  return (
    <HearingsPage
      year={year}
      hearings={await listHearings(ctx.db, ctx.agencyId, year)}
      canManage={can(ctx.actor, 'personnel.manage')}
      form={form}
    />
  );
}

async function planPage(c: Context<AppEnv>, refused?: { form: string; state: FormState }) {
  const ctx = c.get('ctx');
  const year = currentFiscalYear(ctx.now());
  const reports = await listHrReports(ctx.db, ctx.agencyId);
  return (
    <PlanPage
      year={year}
      plan={await listPlan(ctx.db, ctx.agencyId, year)}
      report={reports.find((r) => r.fiscalYear === year) ?? null}
      documents={await listHrDocuments(ctx.db, ctx.agencyId, year)}
      canManage={can(ctx.actor, 'personnel.manage')}
      refused={refused}
    />
  );
}

/** ทะเบียนบุคลากร: the HR roster, training records and the national-ID setting. */
export const personnelStaffRoutes = new Hono<AppEnv>()
  .use(requirePermission('personnel.view'))
  .get('/', async (c) => c.render(await rosterPage(c)))
  .post('/people', requirePermission('personnel.manage'), (c) =>
    submitForm(c, {
      schema: Fields,
      run: (data) => addPerson(c.get('ctx'), data as never),
      redirect: () => '/staff/personnel?notice=personnel.roster.added',
      page: (form) => rosterPage(c, form),
    }),
  )
  .post('/settings', requirePermission('personnel.manage'), (c) =>
    submitForm(c, {
      schema: z.object({ storeNationalId: z.string().optional() }),
      run: (data) => setNationalIdStorage(c.get('ctx'), data.storeNationalId === 'on'),
      redirect: () => '/staff/personnel?notice=personnel.roster.settingSaved',
      page: (form) => rosterPage(c, form),
    }),
  )
  .get('/hearings', async (c) => c.render(await hearingsPage(c)))
  .post('/hearings', requirePermission('personnel.manage'), (c) =>
    submitForm(c, {
      schema: Fields,
      run: (data) => recordHearing(c.get('ctx'), data as never),
      redirect: () => '/staff/personnel/hearings?notice=personnel.hearings.added',
      page: (form) => hearingsPage(c, form),
    }),
  )
  .get('/plan', async (c) => c.render(await planPage(c)))
  .post('/plan', requirePermission('personnel.manage'), (c) =>
    submitForm(c, {
      schema: Fields,
      run: (data) => addPlanActivity(c.get('ctx'), data as never),
      redirect: () => `${PLAN_BASE}?notice=personnel.plan.added`,
      page: (state) => planPage(c, { form: 'add', state }),
    }),
  )
  .post('/plan/report', requirePermission('personnel.manage'), (c) =>
    submitForm(c, {
      schema: Fields,
      run: (data) =>
        publishHrReport(c.get('ctx'), data as never, { dataDir: c.get('config').dataDir }),
      redirect: () => `${PLAN_BASE}?notice=personnel.report.published`,
      page: (state) => planPage(c, { form: 'publish', state }),
    }),
  )
  .post('/plan/:id/progress', requirePermission('personnel.manage'), (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: Fields,
      run: (data) => recordPlanProgress(c.get('ctx'), id, data as never),
      redirect: () => `${PLAN_BASE}?notice=personnel.plan.progressSaved`,
      page: (state) => planPage(c, { form: id, state }),
    });
  })
  .get('/people/:id', async (c) => c.render(await personPage(c, uuidParam(c, 'id'))))
  .post('/people/:id/trainings', requirePermission('personnel.manage'), (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: Fields,
      run: (data) => recordTraining(c.get('ctx'), id, data as never),
      redirect: () => `/staff/personnel/people/${id}?notice=personnel.training.added`,
      page: (form) => personPage(c, id, form),
    });
  });
