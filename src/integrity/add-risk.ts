import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { RiskInput } from './risk-input.js';
import { risks } from './schema.js';

/** เพิ่มความเสี่ยง: a process and its bribery risk, scored, with controls and owner. */
export async function addRisk(ctx: AgencyContext, raw: RiskInput) {
  const input = RiskInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const [row] = await scoped(tx, ctx.agencyId).insert(risks, {
      ...input,
      createdBy: ctx.actor.label,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'integrity.risk.add',
      entityType: 'integrity_risk',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}
