import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import { cleanText } from '../core/validation/text.js';
import {
  CLOSED_STATUSES,
  complaintMessages,
  complaints,
  complaintSteps,
  type ComplaintStatus,
} from './schema.js';
import { ensureSettings, findCommitteeMember } from './committee.js';
import { getComplaint, type ComplaintRow } from './queries.js';
import { addDays, bangkokDay } from './dates.js';
import { notifyWebhookSource } from './webhook-callback.js';

/** The main line of a case, in order; each step is taken from the one before it. */
export const MAIN_LINE: readonly ComplaintStatus[] = [
  'received',
  'acknowledged',
  'assigned',
  'fact_finding',
  'outcome',
  'replied',
];

export const StepInput = z.object({
  to: z.enum(
    ['acknowledged', 'assigned', 'fact_finding', 'outcome', 'replied', 'forwarded', 'out_of_scope'],
    {
      error: 'complaints.errors.step',
    },
  ),
  text: cleanText({ max: 5000 }).default(''),
  assigneeUserId: z.string().uuid({ error: 'form.badChoice' }).or(z.literal('')).default(''),
});
export type StepInput = z.infer<typeof StepInput>;

/** The step after `status` on the main line, or null when the case is closed. */
export function nextStep(status: ComplaintStatus): ComplaintStatus | null {
  if (CLOSED_STATUSES.includes(status)) return null;
  return MAIN_LINE[MAIN_LINE.indexOf(status) + 1] ?? null;
}

/**
 * Moves a case one step: the next on the main line, or out of it (forwarded to another agency,
 * closed as out of scope), each of those with its reason. The clock is reset to the next
 * step's deadline (days from receipt, per kind, from the settings). An outcome and a reply
 * need their text; the reply also goes to the complainant as a message.
 */
export async function takeStep(
  ctx: AgencyContext,
  id: string,
  input: StepInput,
): Promise<ComplaintRow> {
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await getComplaint(tx, ctx.agencyId, ctx.actor, id);
    const isExit = input.to === 'forwarded' || input.to === 'out_of_scope';
    if (CLOSED_STATUSES.includes(before.status))
      throw new ConflictError('complaints.errors.closed');
    if (!isExit && nextStep(before.status) !== input.to) {
      throw new ConflictError('complaints.errors.stepOrder');
    }
    const needsText = isExit || input.to === 'outcome' || input.to === 'replied';
    if (needsText && !input.text) {
      throw new ValidationError('complaints.errors.textRequired', {
        text: 'complaints.errors.textRequired',
      });
    }
    if (input.to === 'assigned') {
      const member = input.assigneeUserId
        ? await findCommitteeMember(tx, ctx.agencyId, input.assigneeUserId)
        : null;
      // The accused cannot be handed their own case.
      if (!member || before.accusedUserIds.includes(member.userId)) {
        throw new ValidationError('complaints.errors.assignee', {
          assigneeUserId: 'complaints.errors.assignee',
        });
      }
    }
    const settings = await ensureSettings(tx, ctx.agencyId);
    const today = bangkokDay(ctx.now());
    const isClosing = isExit || input.to === 'replied';
    const after = nextStep(input.to);
    const deadlines = settings.deadlines[before.kind] as Record<string, number>;
    const set: Partial<ComplaintRow> = {
      status: input.to,
      stepOn: today,
      escalatedOn: null,
      dueOn: isClosing || !after ? null : addDays(before.receivedOn, deadlines[after] ?? 0),
      closedOn: isClosing ? today : null,
    };
    if (input.to === 'assigned') set.assigneeUserId = input.assigneeUserId;
    if (input.to === 'outcome') set.outcome = input.text;
    if (input.to === 'replied') set.reply = input.text;
    if (isExit) set.closingReason = input.text;
    const q = scoped(tx, ctx.agencyId);
    const [row] = await q.update(complaints, set, eq(complaints.id, id));
    const [{ seq }] = (await tx
      .select({ seq: sql<number>`coalesce(max(${complaintSteps.seq}), 0)::int + 1` })
      .from(complaintSteps)
      .where(q.where(complaintSteps, eq(complaintSteps.complaintId, id)))) as [{ seq: number }];
    // The reason of a forward or out-of-scope closing is told to the complainant too; an
    // outcome's text is internal until the reply.
    await q.insert(complaintSteps, {
      complaintId: id,
      status: input.to,
      reason: isExit ? input.text : '',
      takenOn: today,
      seq,
    });
    if (input.to === 'replied') {
      const [{ n }] = (await tx
        .select({ n: sql<number>`coalesce(max(${complaintMessages.seq}), 0)::int + 1` })
        .from(complaintMessages)
        .where(q.where(complaintMessages, eq(complaintMessages.complaintId, id)))) as [
        { n: number },
      ];
      await q.insert(complaintMessages, {
        complaintId: id,
        seq: n,
        fromCentre: true,
        body: input.text,
        sentOn: today,
      });
    }
    await audit(tx, ctx, ctx.agencyId, {
      action: `complaints.step.${input.to}`,
      entityType: 'complaint',
      entityId: id,
      before: { status: before.status, assigneeUserId: before.assigneeUserId },
      after: { status: input.to, assigneeUserId: row!.assigneeUserId },
    });
    return row!;
  });
  void notifyWebhookSource(ctx.db, updated);
  return updated;
}
