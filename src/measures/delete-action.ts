import { and, count, eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { actions, progressUpdates } from './schema.js';
import { isUuid } from '../core/validation/text.js';

export type DeleteActionOutcome = 'deleted' | 'cancelled';

/**
 * Deletes a step (ขั้นตอน) that nobody has reported on. A step with progress reports is part of
 * the record the executives approved and the published reports cite, so it is cancelled
 * (status `cancelled`) instead, keeping its reports and evidence; the outcome says which
 * happened so the page can tell the user in Thai. Audited in the same transaction.
 * Nothing happens unless the person `confirmed` (the form's confirmation box), checked after
 * the step is found so another agency's step is "not found" first.
 */
export async function deleteAction(
  ctx: AgencyContext,
  actionId: string,
  options: { confirmed: boolean },
): Promise<{ outcome: DeleteActionOutcome; measureId: string }> {
  if (!isUuid(actionId)) throw new NotFoundError();
  return ctx.db.transaction(async (tx) => {
    // FOR UPDATE: a progress report inserted concurrently (its foreign key takes a share lock
    // on this row) either commits before this count sees it, or waits until the step is gone;
    // the delete never cascades a report it did not count.
    const [action] = await tx
      .select()
      .from(actions)
      .where(and(eq(actions.agencyId, ctx.agencyId), eq(actions.id, actionId)))
      .for('update');
    if (!action) throw new NotFoundError();
    if (!options.confirmed) {
      throw new ValidationError('measures.errors.confirmDelete', {
        confirm: 'measures.errors.confirmDelete',
      });
    }
    const [reports] = await tx
      .select({ n: count() })
      .from(progressUpdates)
      .where(
        and(eq(progressUpdates.agencyId, ctx.agencyId), eq(progressUpdates.actionId, actionId)),
      );
    const q = scoped(tx, ctx.agencyId);
    if ((reports?.n ?? 0) === 0) {
      await q.delete(actions, eq(actions.id, actionId));
      await audit(tx, ctx, ctx.agencyId, {
        action: 'measures.action.delete',
        entityType: 'action',
        entityId: actionId,
        before: action,
      });
      return { outcome: 'deleted' as const, measureId: action.measureId };
    }
    const [after] = await q.update(
      actions,
      { status: 'cancelled', updatedAt: ctx.now() },
      eq(actions.id, actionId),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'measures.action.cancel',
      entityType: 'action',
      entityId: actionId,
      before: action,
      after,
    });
    return { outcome: 'cancelled' as const, measureId: action.measureId };
  });
}
