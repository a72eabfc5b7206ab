import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { typedNumber } from '../core/validation/typed-number.js';
import { actions, measures } from './schema.js';
import {
  ActionInput,
  assertDatesInFiscalYear,
  assertUnitAndOfficer,
  parseOrRefuse,
} from './check-action-input.js';
import { cleanText, requiredText } from '../core/validation/text.js';

export const FiscalYear = typedNumber(
  z.coerce
    .number('measures.errors.badYear')
    .int('measures.errors.badYear')
    .min(2500, 'measures.errors.badYear')
    .max(2700, 'measures.errors.badYear'),
);

export const MeasureInput = z.object({
  fiscalYear: FiscalYear,
  issueAreaCode: cleanText({ max: 100 }).default('other'),
  title: requiredText(500),
  methodText: cleanText({ max: 5000 }).default(''),
  monitoringText: cleanText({ max: 2000 }).default(''),
});
export type MeasureInput = z.input<typeof MeasureInput>;

/**
 * Adds a measure by hand, with its first actions if given: all of it or none of it.
 * @returns the measure row.
 */
export async function createMeasure(
  ctx: AgencyContext,
  rawInput: MeasureInput,
  rawActions: ActionInput[] = [],
) {
  const input = parseOrRefuse(MeasureInput, rawInput);
  const steps = rawActions.map((a) => parseOrRefuse(ActionInput, a));
  for (const step of steps) assertDatesInFiscalYear(input.fiscalYear, step);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    for (const step of steps) {
      await assertUnitAndOfficer(tx, ctx.agencyId, step.unitId, step.officerUserId);
    }
    const [measure] = await q.insert(measures, { ...input, source: 'manual' });
    const rows = await q.insert(
      actions,
      steps.map((s, i) => ({ ...s, measureId: measure!.id, sortOrder: i })),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'measures.measure.create',
      entityType: 'measure',
      entityId: measure!.id,
      after: { measure, actions: rows },
    });
    return measure!;
  });
}
