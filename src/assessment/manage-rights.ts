import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import type { AppEnv } from '../core/http/env.js';
import { audit } from '../core/audit/audit.js';
import { can } from '../core/auth/permissions.js';
import { scoped } from '../core/db/scoped.js';
import { ForbiddenError } from '../core/errors.js';
import { assessmentAgencySettings } from './schema.js';

/** Whether the agency lets unit officers import results and write the analysis (default no). */
export async function officersMayManage(db: DbOrTx, agencyId: string): Promise<boolean> {
  const row = await scoped(db, agencyId).find(
    assessmentAgencySettings,
    eq(assessmentAgencySettings.agencyId, agencyId),
  );
  return row?.officersMayManage ?? false;
}

/**
 * Who may import official results and write the analysis: holders of `assessment.manage`
 * (the agency admin), and unit officers only when the agency has given them that right.
 */
export async function canManageAssessment(ctx: AgencyContext): Promise<boolean> {
  if (can(ctx.actor, 'assessment.manage')) return true;
  return ctx.actor.roles.includes('unit_officer') && officersMayManage(ctx.db, ctx.agencyId);
}

/** Route guard for every write of the module: 403 unless `canManageAssessment`. */
export const requireAssessmentManage = createMiddleware<AppEnv>(async (c, next) => {
  if (!(await canManageAssessment(c.get('ctx')))) throw new ForbiddenError();
  await next();
});

/** The agency admin gives or takes back the officers' right; audited with before and after. */
export async function setOfficersMayManage(ctx: AgencyContext, allowed: boolean): Promise<void> {
  if (!can(ctx.actor, 'assessment.manage')) throw new ForbiddenError();
  await ctx.db.transaction(async (tx) => {
    const before = await officersMayManage(tx, ctx.agencyId);
    if (before === allowed) return;
    const q = scoped(tx, ctx.agencyId);
    const where = eq(assessmentAgencySettings.agencyId, ctx.agencyId);
    if (await q.find(assessmentAgencySettings, where)) {
      await q.update(
        assessmentAgencySettings,
        { officersMayManage: allowed, updatedAt: ctx.now() },
        where,
      );
    } else {
      await q.insert(assessmentAgencySettings, { officersMayManage: allowed });
    }
    await audit(tx, ctx, ctx.agencyId, {
      action: 'assessment.settings.officers-may-manage',
      entityType: 'assessment_agency_settings',
      entityId: ctx.agencyId,
      before: { officersMayManage: before },
      after: { officersMayManage: allowed },
    });
  });
}
