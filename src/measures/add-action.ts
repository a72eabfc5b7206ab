import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError } from '../core/errors.js';
import { actions, measures } from './schema.js';
import {
  ActionInput,
  assertDatesInFiscalYear,
  assertUnitAndOfficer,
  parseOrRefuse,
} from './check-action-input.js';
import { isUuid } from '../core/validation/text.js';

/** Adds one step (ขั้นตอน) to a measure of this agency. */
export async function addAction(ctx: AgencyContext, measureId: string, rawInput: ActionInput) {
  if (!isUuid(measureId)) throw new NotFoundError();
  // Another agency's measure is "not found" before anything about the input is said.
  await scoped(ctx.db, ctx.agencyId).get(measures, eq(measures.id, measureId));
  const input = parseOrRefuse(ActionInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const measure = await q.get(measures, eq(measures.id, measureId));
    assertDatesInFiscalYear(measure.fiscalYear, input);
    await assertUnitAndOfficer(tx, ctx.agencyId, input.unitId, input.officerUserId);
    const existing = await q.list(actions, eq(actions.measureId, measureId));
    const [row] = await q.insert(actions, { ...input, measureId, sortOrder: existing.length });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'measures.action.create',
      entityType: 'action',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}
