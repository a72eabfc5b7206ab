import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { PlanActivityInput, PlanProgressInput } from './input.js';
import { planActivities } from './schema.js';

/** เพิ่มกิจกรรมในแผนการบริหารและพัฒนาทรัพยากรบุคคล: an activity of the year's HR plan. */
export async function addPlanActivity(ctx: AgencyContext, raw: PlanActivityInput) {
  const input = PlanActivityInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const [row] = await scoped(tx, ctx.agencyId).insert(planActivities, {
      ...input,
      createdBy: ctx.actor.label,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'personnel.plan.add',
      entityType: 'personnel_plan_activity',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/**
 * รายงานความก้าวหน้า: the activity's percentage and what was done, as the yearly HR report prints
 * them; another agency's id is not found (404), and the audit keeps what was replaced.
 */
export async function recordPlanProgress(ctx: AgencyContext, id: string, raw: PlanProgressInput) {
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    // Another agency's id is a 404 before anything typed is judged (it reveals nothing).
    const before = await q.get(planActivities, eq(planActivities.id, id));
    const input = PlanProgressInput.parse(raw);
    const [after] = await q.update(
      planActivities,
      { ...input, updatedAt: ctx.now() },
      eq(planActivities.id, id),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'personnel.plan.progress',
      entityType: 'personnel_plan_activity',
      entityId: id,
      before: { progress: before.progress, result: before.result },
      after: input,
    });
    return after!;
  });
}
