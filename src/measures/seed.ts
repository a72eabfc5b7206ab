import { and, eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { analysisYearForPlan } from '../assessment/index.js';
import { actions, measures, progressUpdates } from './schema.js';
import { createPlanFromAnalysis } from './create-plan-from-analysis.js';
import { recordProgress } from './record-progress.js';
import { reviewProgress } from './review-progress.js';

/** The demo's plan year: built on its analysis of the 2566 results (analysisYearForPlan). */
const DEMO_YEAR = 2567;

/**
 * Demo data for เทศบาลตำบลโพธิ์ทอง: the seed report's seven measure areas (its analysis of the
 * 2566 results) as the FY 2567 plan, with some approved progress and one update awaiting the
 * mayor. Safe to run again.
 */
export async function seedMeasures(ctx: AgencyContext): Promise<void> {
  const admin: AgencyContext = {
    ...ctx,
    actor: { ...ctx.actor, label: 'seed', roles: ['agency_admin'] },
  };
  try {
    await createPlanFromAnalysis(admin, DEMO_YEAR);
  } catch {
    return; // Not the demo agency's analysis (or its units were renamed): nothing to seed.
  }
  const q = scoped(ctx.db, ctx.agencyId);
  const [first] = await q.list(
    measures,
    and(
      eq(measures.fiscalYear, DEMO_YEAR),
      eq(measures.sourceRef, `analysis:${analysisYearForPlan(DEMO_YEAR)}:operating-process`),
    ),
  );
  if (!first) return;
  const steps = await q.list(actions, eq(actions.measureId, first.id), actions.sortOrder);
  if (steps.length < 3) return;
  const already = await q.find(progressUpdates, eq(progressUpdates.actionId, steps[0]!.id));
  if (already) return;
  const noFiles = { dataDir: '' };
  const a = await recordProgress(
    admin,
    steps[0]!.id,
    {
      text: 'จัดทำประกาศมาตรการตรวจสอบการใช้ดุลพินิจ และเผยแพร่บนเว็บไซต์หลักของหน่วยงานแล้ว',
      percent: 100,
      links: ['http://www.phothong-roiet.go.th'],
    },
    [],
    noFiles,
  );
  await reviewProgress(admin, a.id, { decision: 'approve', comment: 'รับทราบ ดำเนินการต่อไป' });
  const b = await recordProgress(
    admin,
    steps[1]!.id,
    { text: 'ประกาศหลักเกณฑ์ให้เจ้าหน้าที่รับทราบแล้ว อยู่ระหว่างแจ้งบุคคลภายนอก', percent: 60 },
    [],
    noFiles,
  );
  await reviewProgress(admin, b.id, { decision: 'approve', comment: '' });
  await recordProgress(
    admin,
    steps[2]!.id,
    { text: 'จัดอบรมเสริมสร้างมาตรฐานทางจริยธรรมแก่พนักงานเทศบาล ครั้งที่ ๑', percent: 40 },
    [],
    noFiles,
  );
}
