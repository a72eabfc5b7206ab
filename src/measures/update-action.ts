import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { ACTION_STATUSES, actions, measures } from './schema.js';
import {
  ActionInput,
  assertDatesInFiscalYear,
  assertUnitAndOfficer,
  parseOrRefuse,
} from './check-action-input.js';
import { isUuid } from '../core/validation/text.js';

/** What the edit form sends: the step's fields as when adding it, plus its status. */
export const UpdateActionInput = z.intersection(
  ActionInput,
  z.object({ status: z.enum(ACTION_STATUSES, 'measures.errors.badStatus') }),
);
export type UpdateActionInput = z.input<typeof UpdateActionInput>;

/**
 * Edits a step (ขั้นตอน) of this agency: its text, unit, officer, dates and status. The
 * approved percentage is left alone: only an executive's approval moves it. The before and
 * after rows go into the audit log in the same transaction as the change.
 */
export async function updateAction(
  ctx: AgencyContext,
  actionId: string,
  rawInput: UpdateActionInput,
) {
  if (!isUuid(actionId)) throw new NotFoundError();
  // Another agency's action is "not found" before anything about the input is said.
  await scoped(ctx.db, ctx.agencyId).get(actions, eq(actions.id, actionId));
  const input = parseOrRefuse(UpdateActionInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(actions, eq(actions.id, actionId));
    const measure = await q.get(measures, eq(measures.id, before.measureId));
    assertDatesInFiscalYear(measure.fiscalYear, input);
    // ยกไปปีถัดไป is set by the carry-over only; the step goes on in next year's copy.
    if ((input.status === 'carried_over') !== (before.status === 'carried_over')) {
      throw new ValidationError('measures.errors.carriedOverStatus', {
        status: 'measures.errors.carriedOverStatus',
      });
    }
    await assertUnitAndOfficer(tx, ctx.agencyId, input.unitId, input.officerUserId);
    const [after] = await q.update(
      actions,
      {
        stepText: input.stepText,
        unitId: input.unitId,
        officerUserId: input.officerUserId,
        startDate: input.startDate,
        dueDate: input.dueDate,
        status: input.status,
        updatedAt: ctx.now(),
      },
      eq(actions.id, actionId),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'measures.action.update',
      entityType: 'action',
      entityId: actionId,
      before,
      after,
    });
    return after!;
  });
}
