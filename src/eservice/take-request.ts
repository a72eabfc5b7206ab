import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import { cleanText } from '../core/validation/text.js';
import { recordDiscretion } from './discretion.js';
import { getService } from './queries.js';
import { eserviceRequests } from './schema.js';

export const TakeRequestInput = z.object({
  /** Absent: the head of the queue ("take next"). */
  requestId: z.union([z.literal(''), z.uuid()]).default(''),
  reason: cleanText({ max: 1000 }).default(''),
});
export type TakeRequestInput = z.input<typeof TakeRequestInput>;

/**
 * An officer takes a request of a service's queue. The queue is first come, first served:
 * "take next" takes the head; taking any other needs a written reason and is recorded for the
 * executive's discretion report. The take is a conditional update (`status = 'queued'`), so
 * two officers taking at once never get the same request.
 */
export async function takeRequest(ctx: AgencyContext, serviceId: string, raw: TakeRequestInput) {
  const input = TakeRequestInput.parse(raw);
  const { service, current } = await getService(ctx.db, ctx.agencyId, serviceId);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const [head] = await q.list(
      eserviceRequests,
      and(eq(eserviceRequests.serviceId, service.id), eq(eserviceRequests.status, 'queued')),
      [asc(eserviceRequests.queuedAt), asc(eserviceRequests.id)],
    );
    if (!head) throw new ConflictError('eservice.errors.queueEmpty');
    const targetId = input.requestId || head.id;
    const isOutOfOrder = targetId !== head.id;
    if (isOutOfOrder && input.reason === '') {
      throw new ValidationError('eservice.errors.reasonRequired', {
        reason: 'eservice.errors.reasonRequired',
      });
    }
    const now = ctx.now();
    const [taken] = await q.update(
      eserviceRequests,
      { status: 'in_progress', takenBy: ctx.actor.userId, takenAt: now, updatedAt: now },
      and(
        eq(eserviceRequests.id, targetId),
        eq(eserviceRequests.serviceId, service.id),
        eq(eserviceRequests.status, 'queued'),
      )!,
    );
    if (!taken) throw new ConflictError('eservice.errors.notQueued');
    if (isOutOfOrder) {
      await recordDiscretion(tx, ctx.agencyId, {
        kind: 'out_of_order',
        requestId: taken.id,
        serviceId: service.id,
        officerId: ctx.actor.userId,
        unitId: current.manual.unitId,
        reason: input.reason,
        at: now,
      });
    }
    await audit(tx, ctx, ctx.agencyId, {
      action: isOutOfOrder ? 'eservice.request.take-out-of-order' : 'eservice.request.take',
      entityType: 'eservice_request',
      entityId: taken.id,
      before: { status: 'queued', headOfQueue: head.id },
      after: { status: taken.status, reason: input.reason || undefined },
    });
    return taken;
  });
}
