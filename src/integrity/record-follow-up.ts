import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError } from '../core/errors.js';
import { isUuid } from '../core/validation/text.js';
import { FollowUpInput } from './risk-input.js';
import { riskFollowUps, risks } from './schema.js';

/**
 * ติดตามผลรอบ ๖/๑๒ เดือน: what the controls achieved, the risk scored again. Recording a round
 * twice corrects it (the audit log keeps both).
 */
export async function recordFollowUp(ctx: AgencyContext, riskId: string, raw: FollowUpInput) {
  if (!isUuid(riskId)) throw new NotFoundError();
  const input = FollowUpInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    await scoped(tx, ctx.agencyId).get(risks, eq(risks.id, riskId));
    const row = {
      agencyId: ctx.agencyId,
      riskId,
      round: input.round,
      likelihood: input.likelihood,
      impact: input.impact,
      note: input.note,
      recordedBy: ctx.actor.label,
      updatedAt: ctx.now(),
    };
    await tx
      .insert(riskFollowUps)
      .values(row)
      .onConflictDoUpdate({
        target: [riskFollowUps.agencyId, riskFollowUps.riskId, riskFollowUps.round],
        set: row,
      });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'integrity.risk.follow-up',
      entityType: 'integrity_risk',
      entityId: riskId,
      after: row,
    });
    return row;
  });
}
