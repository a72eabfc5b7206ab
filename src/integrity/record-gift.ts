import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { GiftInput, fiscalYearOfDate } from './measures-input.js';
import { gifts } from './schema.js';

/** บันทึกการรับของขวัญ: what was offered, by whom, its value and what the staff member did. */
export async function recordGift(ctx: AgencyContext, raw: GiftInput) {
  const input = GiftInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const [row] = await scoped(tx, ctx.agencyId).insert(gifts, {
      ...input,
      fiscalYear: fiscalYearOfDate(input.offeredOn),
      recordedBy: ctx.actor.label,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'integrity.gift.record',
      entityType: 'integrity_gift',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}
