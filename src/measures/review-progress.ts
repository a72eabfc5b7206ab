import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { users } from '../core/auth/schema.js';
import { actions, progressUpdates } from './schema.js';
import { parseOrRefuse, sentField } from './check-action-input.js';
import { cleanText, isUuid } from '../core/validation/text.js';

export const ReviewInput = z.object({
  decision: z.enum(['approve', 'return']),
  comment: cleanText({ max: 2000 }).default(''),
});
export type ReviewInput = z.input<typeof ReviewInput>;
/** The review form as sent (the button pressed, the comment); reviewProgress checks it. */
export const ReviewForm = z.object({ decision: sentField, comment: sentField });

/**
 * An executive approves (or returns) a progress update. Approval moves the action's
 * percentage to the approved one, and marks it done at 100%.
 */
export async function reviewProgress(
  ctx: AgencyContext,
  progressUpdateId: string,
  rawInput: ReviewInput,
) {
  if (!isUuid(progressUpdateId)) throw new NotFoundError();
  await scoped(ctx.db, ctx.agencyId).get(progressUpdates, eq(progressUpdates.id, progressUpdateId));
  const input = parseOrRefuse(ReviewInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(progressUpdates, eq(progressUpdates.id, progressUpdateId));
    if (before.state !== 'pending') throw new ConflictError('measures.errors.alreadyReviewed');
    const [user] = ctx.actor.userId
      ? await tx.select().from(users).where(eq(users.id, ctx.actor.userId))
      : [];
    const [after] = await q.update(
      progressUpdates,
      {
        state: input.decision === 'approve' ? 'approved' : 'returned',
        reviewedBy: ctx.actor.userId,
        reviewedByName: user?.displayName ?? ctx.actor.label,
        reviewedAt: ctx.now(),
        reviewComment: input.comment,
        updatedAt: ctx.now(),
      },
      and(eq(progressUpdates.id, progressUpdateId), eq(progressUpdates.state, 'pending'))!,
    );
    if (!after) throw new ConflictError('measures.errors.alreadyReviewed');
    if (input.decision === 'approve') {
      // The newest approved update wins, so approving an older one late does not roll back.
      const [latest] = await q.list(
        progressUpdates,
        and(eq(progressUpdates.actionId, before.actionId), eq(progressUpdates.state, 'approved')),
        [desc(progressUpdates.createdAt)],
      );
      const percent = latest?.percent ?? after.percent;
      const action = await q.get(actions, eq(actions.id, before.actionId));
      // Approving a report sent before the step was cancelled records it, but does not revive it.
      const status =
        action.status === 'cancelled' || action.status === 'carried_over'
          ? action.status
          : percent >= 100
            ? 'done'
            : 'in_progress';
      await q.update(
        actions,
        { percent, status, updatedAt: ctx.now() },
        eq(actions.id, before.actionId),
      );
    }
    await audit(tx, ctx, ctx.agencyId, {
      action: `measures.progress.${input.decision}`,
      entityType: 'progress_update',
      entityId: progressUpdateId,
      before,
      after,
    });
    return after;
  });
}
