import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { FRESH_FORM, submitForm, type FormState } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { can } from '../core/auth/permissions.js';
import { scoped } from '../core/db/scoped.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { normalizeTypedNumber } from '../core/validation/typed-number.js';
import { addRisk } from './add-risk.js';
import { recordFollowUp } from './record-follow-up.js';
import { publishRiskReport } from './publish-risk-report.js';
import { listRisks } from './risk-queries.js';
import { riskMatrixSvg } from './build-risk-report.js';
import { riskFollowUps, risks } from './schema.js';
import { RiskPage, RisksPage } from './views/risk-pages.js';

const BASE = '/staff/integrity/risks';

function yearOf(c: Context<AppEnv>): number {
  const year = Number(normalizeTypedNumber(c.req.query('year') ?? ''));
  return Number.isInteger(year) && year >= 2500 && year <= 2700
    ? year
    : currentFiscalYear(c.get('ctx').now());
}

async function risksPage(c: Context<AppEnv>, year: number, form: FormState = FRESH_FORM) {
  const ctx = c.get('ctx');
  const list = await listRisks(ctx.db, ctx.agencyId, year);
  return (
    <RisksPage
      year={year}
      risks={list}
      matrixSvg={riskMatrixSvg(list, year, false)}
      canManage={can(ctx.actor, 'integrity.risks')}
      canPublish={can(ctx.actor, 'integrity.publish')}
      form={form}
    />
  );
}

async function riskPage(c: Context<AppEnv>, id: string, form: FormState = FRESH_FORM) {
  const ctx = c.get('ctx');
  const q = scoped(ctx.db, ctx.agencyId);
  const risk = await q.get(risks, eq(risks.id, id));
  const followUps = await q.list(riskFollowUps, eq(riskFollowUps.riskId, id), [
    riskFollowUps.round,
  ]);
  return (
    <RiskPage
      risk={risk}
      followUps={followUps}
      canManage={can(ctx.actor, 'integrity.risks')}
      form={form}
    />
  );
}

/** ทะเบียนความเสี่ยงการทุจริตและสินบน: the register, its matrix, follow-ups, publication. */
export const riskRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.render(await risksPage(c, yearOf(c))))
  .post('/', requirePermission('integrity.risks'), (c) =>
    submitForm(c, {
      schema: z.record(z.string(), z.unknown()),
      run: (data) => addRisk(c.get('ctx'), data as never),
      redirect: (risk) => `${BASE}?year=${risk.fiscalYear}&notice=integrity.risks.added`,
      page: (form) => risksPage(c, yearOf(c), form),
    }),
  )
  .post('/publish', requirePermission('integrity.publish'), (c) =>
    submitForm(c, {
      schema: z.object({ fiscalYear: z.string().optional() }),
      run: (data) =>
        publishRiskReport(c.get('ctx'), data.fiscalYear, { dataDir: c.get('config').dataDir }),
      redirect: (r) => `${BASE}?year=${r.fiscalYear}&notice=integrity.risks.published`,
      page: (form) => risksPage(c, yearOf(c), form),
    }),
  )
  .get('/:id', async (c) => c.render(await riskPage(c, uuidParam(c, 'id'))))
  .post('/:id/follow-up', requirePermission('integrity.risks'), (c) => {
    const id = uuidParam(c, 'id');
    return submitForm(c, {
      schema: z.record(z.string(), z.unknown()),
      run: (data) => recordFollowUp(c.get('ctx'), id, data as never),
      redirect: () => `${BASE}/${id}?notice=integrity.risks.followUpRecorded`,
      page: (form) => riskPage(c, id, form),
    });
  });
