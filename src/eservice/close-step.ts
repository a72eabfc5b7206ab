import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { cleanText } from '../core/validation/text.js';
import { recordDiscretion } from './discretion.js';
import { eserviceRequests, eserviceRequestSteps } from './schema.js';

export const CloseStepInput = z.object({ note: cleanText({ max: 2000 }).default('') });
export type CloseStepInput = z.input<typeof CloseStepInput>;

/**
 * Marks a step of a taken request done, in order. Closing is a conditional update
 * (`closed_at is null`), so when two officers close the same step at once exactly one wins
 * and the other is told it is already done. A step closed after its due instant is recorded
 * as overdue on the discretion report; the last step completes the request.
 */
export async function closeStep(
  ctx: AgencyContext,
  requestId: string,
  position: number,
  raw: CloseStepInput,
) {
  const input = CloseStepInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const request = await q.get(eserviceRequests, eq(eserviceRequests.id, requestId));
    const steps = await q.list(
      eserviceRequestSteps,
      eq(eserviceRequestSteps.requestId, request.id),
    );
    const step = steps.find((s) => s.position === position);
    if (!step) throw new NotFoundError();
    if (step.closedAt) throw new ConflictError('eservice.errors.stepClosed');
    if (request.status === 'queued') throw new ConflictError('eservice.errors.notTaken');
    if (request.status === 'completed' || request.status === 'rejected') {
      throw new ConflictError('eservice.errors.requestClosed');
    }
    if (steps.some((s) => s.position < position && !s.closedAt)) {
      throw new ConflictError('eservice.errors.stepOrder');
    }
    const now = ctx.now();
    const [closed] = await q.update(
      eserviceRequestSteps,
      { closedAt: now, closedBy: ctx.actor.userId, note: input.note || null, updatedAt: now },
      and(
        eq(eserviceRequestSteps.requestId, request.id),
        eq(eserviceRequestSteps.position, position),
        isNull(eserviceRequestSteps.closedAt),
      )!,
    );
    if (!closed) throw new ConflictError('eservice.errors.stepClosed');
    if (closed.dueAt < now) {
      await recordDiscretion(tx, ctx.agencyId, {
        kind: 'overdue',
        requestId: request.id,
        serviceId: request.serviceId,
        officerId: ctx.actor.userId,
        unitId: closed.unitId,
        reason: '',
        at: now,
      });
    }
    const isLast = steps.every((s) => s.position === position || s.closedAt);
    await q.update(
      eserviceRequests,
      isLast
        ? { status: 'completed', completedAt: now, resultNote: input.note || null, updatedAt: now }
        : { status: 'in_progress', updatedAt: now },
      eq(eserviceRequests.id, request.id),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'eservice.step.close',
      entityType: 'eservice_request',
      entityId: request.id,
      after: { position, isLast, isLate: closed.dueAt < now },
    });
    return { step: closed, isLast };
  });
}
