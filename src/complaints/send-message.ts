import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import type { Db, DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { requiredText } from '../core/validation/text.js';
import { CLOSED_STATUSES, complaintMessages, complaints } from './schema.js';
import { getComplaint } from './queries.js';
import { hashReceipt, isReceiptShaped } from './receipts.js';
import { bangkokDay } from './dates.js';

export const MessageInput = z.object({ body: requiredText(3000) });

async function appendMessage(
  tx: DbOrTx,
  agencyId: string,
  complaintId: string,
  fromCentre: boolean,
  body: string,
  today: string,
) {
  const q = scoped(tx, agencyId);
  const [{ n }] = (await tx
    .select({ n: sql<number>`coalesce(max(${complaintMessages.seq}), 0)::int + 1` })
    .from(complaintMessages)
    .where(q.where(complaintMessages, eq(complaintMessages.complaintId, complaintId)))) as [
    { n: number },
  ];
  await q.insert(complaintMessages, { complaintId, seq: n, fromCentre, body, sentOn: today });
}

/** The centre writes to the complainant, who reads it with their receipt. */
export async function sendMessageToComplainant(
  ctx: AgencyContext,
  complaintId: string,
  input: z.infer<typeof MessageInput>,
) {
  await ctx.db.transaction(async (tx) => {
    await getComplaint(tx, ctx.agencyId, ctx.actor, complaintId);
    await appendMessage(tx, ctx.agencyId, complaintId, true, input.body, bangkokDay(ctx.now()));
    await audit(tx, ctx, ctx.agencyId, {
      action: 'complaints.message.send',
      entityType: 'complaint',
      entityId: complaintId,
    });
  });
}

/**
 * The complainant writes to the centre, proving the case by its receipt (never an id from the
 * URL, so another case's receipt cannot reach this one). Dated only, like the filing.
 */
export async function postMessageByReceipt(
  db: Db,
  agencyId: string,
  receipt: string,
  input: z.infer<typeof MessageInput>,
  now: Date,
): Promise<void> {
  if (!isReceiptShaped(receipt)) throw new NotFoundError('complaints.errors.receiptNotFound');
  await db.transaction(async (tx) => {
    const complaint = await scoped(tx, agencyId).find(
      complaints,
      eq(complaints.receiptHash, hashReceipt(receipt)),
    );
    if (!complaint) throw new NotFoundError('complaints.errors.receiptNotFound');
    if (CLOSED_STATUSES.includes(complaint.status))
      throw new ConflictError('complaints.errors.closed');
    await appendMessage(tx, agencyId, complaint.id, false, input.body, bangkokDay(now));
  });
}
