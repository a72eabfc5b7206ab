import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { fromThaiDigits } from '../core/i18n/thai-format.js';
import { requiredText } from '../core/validation/text.js';
import { recordDiscretion } from './discretion.js';
import { loadWorkingCalendar } from './holidays.js';
import { eserviceManualRevisions, eserviceRequests, eserviceRequestSteps } from './schema.js';

export const ExtendStepInput = z.object({
  // Typed in a form (Thai digits accepted) or given as a number by code.
  days: z.preprocess(
    (v) => (typeof v === 'string' ? Number(fromThaiDigits(v.trim()) || 'x') : v),
    z
      .number('eservice.errors.badDays')
      .int('eservice.errors.badDays')
      .min(1, 'eservice.errors.badDays')
      .max(90, 'eservice.errors.badDays'),
  ),
  reason: requiredText(1000),
});
export type ExtendStepInput = z.input<typeof ExtendStepInput>;

/**
 * Extends an open step's deadline by working days, with a written reason (no reason, no
 * extension). Later steps move with it, each keeping its own time from the manual; the
 * extension is audited and counted on the discretion report.
 */
export async function extendStep(
  ctx: AgencyContext,
  requestId: string,
  position: number,
  raw: ExtendStepInput,
) {
  const input = ExtendStepInput.parse(raw);
  const calendar = await loadWorkingCalendar(ctx.db, ctx.agencyId);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const request = await q.get(eserviceRequests, eq(eserviceRequests.id, requestId));
    if (request.status === 'completed' || request.status === 'rejected') {
      throw new ConflictError('eservice.errors.requestClosed');
    }
    const steps = await q.list(
      eserviceRequestSteps,
      eq(eserviceRequestSteps.requestId, request.id),
      asc(eserviceRequestSteps.position),
    );
    const step = steps.find((s) => s.position === position);
    if (!step) throw new NotFoundError();
    if (step.closedAt) throw new ConflictError('eservice.errors.stepClosed');
    const { manual } = await q.get(
      eserviceManualRevisions,
      and(
        eq(eserviceManualRevisions.serviceId, request.serviceId),
        eq(eserviceManualRevisions.revision, request.revision),
      )!,
    );
    let due = calendar.addWorkingDays(step.dueAt, input.days);
    const now = ctx.now();
    const moved: { position: number; from: Date; to: Date }[] = [];
    for (const s of steps.filter((x) => x.position >= position)) {
      if (s.position > position) {
        const spec = manual.steps[s.position];
        due = spec ? calendar.addDuration(due, spec.duration, spec.durationUnit) : due;
      }
      moved.push({ position: s.position, from: s.dueAt, to: due });
      await q.update(
        eserviceRequestSteps,
        { dueAt: due, updatedAt: now },
        and(
          eq(eserviceRequestSteps.requestId, request.id),
          eq(eserviceRequestSteps.position, s.position),
        )!,
      );
    }
    await q.update(
      eserviceRequests,
      { dueAt: due, updatedAt: now },
      eq(eserviceRequests.id, request.id),
    );
    await recordDiscretion(tx, ctx.agencyId, {
      kind: 'extension',
      requestId: request.id,
      serviceId: request.serviceId,
      officerId: ctx.actor.userId,
      unitId: step.unitId,
      reason: input.reason,
      at: now,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'eservice.step.extend',
      entityType: 'eservice_request',
      entityId: request.id,
      before: { dueAt: request.dueAt },
      after: { days: input.days, reason: input.reason, moved },
    });
    return { dueAt: due };
  });
}
