import { and, asc, desc, eq, inArray, not, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError } from '../core/errors.js';
import {
  CLOSED_STATUSES,
  complaintFiles,
  complaintIdentities,
  complaintMessages,
  complaintNotes,
  complaints,
  complaintSteps,
  type ComplaintKind,
} from './schema.js';
import { hashReceipt, isReceiptShaped } from './receipts.js';

export type ComplaintRow = typeof complaints.$inferSelect;

/**
 * The rule that hides a case from the officers it names, whatever their role: every staff
 * read of complaints goes through this condition (never a check after reading).
 */
export function visibleTo(actor: Actor): SQL {
  if (!actor.userId) return sql`true`;
  return not(sql`${actor.userId}::uuid = any(${complaints.accusedUserIds})`);
}

/** The queue of one kind, open cases first by due date, for a staff member. */
export async function listComplaints(
  db: DbOrTx,
  agencyId: string,
  actor: Actor,
  filter: { kind?: ComplaintKind | undefined; open?: boolean } = {},
): Promise<ComplaintRow[]> {
  const conditions = [visibleTo(actor)];
  if (filter.kind) conditions.push(eq(complaints.kind, filter.kind));
  if (filter.open) conditions.push(not(inArray(complaints.status, [...CLOSED_STATUSES])));
  return scoped(db, agencyId).list(complaints, and(...conditions), [
    sql`${complaints.dueOn} asc nulls last`,
    desc(complaints.caseNumber),
  ]);
}

/** One case as a staff member may see it; another agency's, or one naming them, is not found. */
export async function getComplaint(
  db: DbOrTx,
  agencyId: string,
  actor: Actor,
  id: string,
): Promise<ComplaintRow> {
  return scoped(db, agencyId).get(complaints, and(eq(complaints.id, id), visibleTo(actor))!);
}

/** Everything on a staff case page, kept apart: notes, messages, files and steps. */
export async function getCaseFile(db: DbOrTx, agencyId: string, actor: Actor, id: string) {
  const complaint = await getComplaint(db, agencyId, actor, id);
  const q = scoped(db, agencyId);
  const [notes, messages, files, steps, identity] = await Promise.all([
    q.list(complaintNotes, eq(complaintNotes.complaintId, id), complaintNotes.createdAt),
    q.list(complaintMessages, eq(complaintMessages.complaintId, id), complaintMessages.seq),
    q.list(complaintFiles, eq(complaintFiles.complaintId, id), asc(complaintFiles.addedOn)),
    q.list(complaintSteps, eq(complaintSteps.complaintId, id), complaintSteps.seq),
    q.find(complaintIdentities, eq(complaintIdentities.complaintId, id)),
  ]);
  return { complaint, notes, messages, files, steps, hasIdentity: identity !== null };
}
export type CaseFile = Awaited<ReturnType<typeof getCaseFile>>;

/**
 * The case a receipt opens, with what its complainant may see: steps, messages, the reply.
 * A wrong receipt is simply not found (the caller rate-limits guesses).
 */
export async function findCaseByReceipt(db: DbOrTx, agencyId: string, receipt: string) {
  if (!isReceiptShaped(receipt)) return null;
  const q = scoped(db, agencyId);
  const complaint = await q.find(complaints, eq(complaints.receiptHash, hashReceipt(receipt)));
  if (!complaint) return null;
  const [messages, steps] = await Promise.all([
    q.list(
      complaintMessages,
      eq(complaintMessages.complaintId, complaint.id),
      complaintMessages.seq,
    ),
    q.list(complaintSteps, eq(complaintSteps.complaintId, complaint.id), complaintSteps.seq),
  ]);
  return { complaint, messages, steps };
}
export type FollowedCase = NonNullable<Awaited<ReturnType<typeof findCaseByReceipt>>>;

export async function getComplaintFile(
  db: DbOrTx,
  agencyId: string,
  actor: Actor,
  complaintId: string,
  fileId: string,
) {
  await getComplaint(db, agencyId, actor, complaintId);
  const file = await scoped(db, agencyId).find(
    complaintFiles,
    and(eq(complaintFiles.complaintId, complaintId), eq(complaintFiles.id, fileId))!,
  );
  if (!file) throw new NotFoundError();
  return file;
}
