import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { HearingInput } from './input.js';
import { hearings } from './schema.js';

/** บันทึกการประชุมรับฟังความคิดเห็น: date, attendance, what staff raised and the answers. */
export async function recordHearing(ctx: AgencyContext, raw: HearingInput) {
  const input = HearingInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const [row] = await scoped(tx, ctx.agencyId).insert(hearings, {
      ...input,
      recordedBy: ctx.actor.label,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'personnel.hearing.record',
      entityType: 'personnel_hearing',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}
