import { and, eq, sql } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ForbiddenError, NotFoundError } from '../core/errors.js';
import { staff } from '../core/agencies/schema.js';
import {
  committeeMembers,
  complaintSettings,
  type CommitteeRole,
  type DeadlineSettings,
} from './schema.js';
import { generateCommitteeKeys, unwrapCommitteeKey, wrapCommitteeKey } from './identity-crypto.js';

/**
 * Default clocks, in days from receipt by which each step must be reached. The grievance reply
 * in 7 days is what อปท. publish in their service-time tables (thai-rules §2); the corruption
 * track's limits are unconfirmed nationally, so they are only defaults each agency sets.
 */
export const DEFAULT_DEADLINES: DeadlineSettings = {
  grievance: { acknowledged: 1, assigned: 2, fact_finding: 3, outcome: 5, replied: 7 },
  corruption: { acknowledged: 3, assigned: 7, fact_finding: 15, outcome: 60, replied: 75 },
};

export type ComplaintSettingsRow = typeof complaintSettings.$inferSelect;

/**
 * The agency's complaint settings, created on first need with a fresh committee key pair
 * whose private key is wrapped only for admission (members are added later).
 */
export async function ensureSettings(db: DbOrTx, agencyId: string): Promise<ComplaintSettingsRow> {
  const [found] = await db
    .select()
    .from(complaintSettings)
    .where(eq(complaintSettings.agencyId, agencyId));
  if (found) return found;
  const keys = generateCommitteeKeys();
  await db
    .insert(complaintSettings)
    .values({
      agencyId,
      publicKey: keys.publicKey,
      admissionWrappedKey: wrapCommitteeKey(agencyId, 'admission', keys.privateKey),
      deadlines: DEFAULT_DEADLINES,
    })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(complaintSettings)
    .where(eq(complaintSettings.agencyId, agencyId));
  return row!;
}

/**
 * Takes the agency's next case number (the settings row, which ensureSettings made, stays
 * locked until commit).
 */
export async function nextCaseNumber(db: DbOrTx, agencyId: string): Promise<number> {
  const [row] = await db
    .update(complaintSettings)
    .set({ caseCounter: sql`${complaintSettings.caseCounter} + 1` })
    .where(eq(complaintSettings.agencyId, agencyId))
    .returning({ n: complaintSettings.caseCounter });
  return row!.n;
}

export async function listCommittee(db: DbOrTx, agencyId: string) {
  return scoped(db, agencyId).list(committeeMembers, undefined, committeeMembers.createdAt);
}

export async function findCommitteeMember(db: DbOrTx, agencyId: string, userId: string | null) {
  if (!userId) return null;
  return scoped(db, agencyId).find(committeeMembers, eq(committeeMembers.userId, userId));
}

/**
 * Appoints a staff member of this agency to the committee, wrapping the committee's private
 * key for them. Appointing again changes the role only.
 */
export async function addCommitteeMember(
  ctx: AgencyContext,
  input: { userId: string; role: CommitteeRole },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(staff)
      .where(and(eq(staff.agencyId, ctx.agencyId), eq(staff.userId, input.userId)));
    if (!member) throw new NotFoundError('complaints.errors.staffNotFound');
    const settings = await ensureSettings(tx, ctx.agencyId);
    const privateKey = unwrapCommitteeKey(ctx.agencyId, 'admission', settings.admissionWrappedKey);
    const wrappedKey = wrapCommitteeKey(ctx.agencyId, input.userId, privateKey);
    const q = scoped(tx, ctx.agencyId);
    const existing = await q.find(committeeMembers, eq(committeeMembers.userId, input.userId));
    if (existing) {
      await q.update(
        committeeMembers,
        { role: input.role, updatedAt: ctx.now() },
        eq(committeeMembers.userId, input.userId),
      );
    } else {
      await q.insert(committeeMembers, { userId: input.userId, role: input.role, wrappedKey });
    }
    await audit(tx, ctx, ctx.agencyId, {
      action: 'complaints.committee.appoint',
      entityType: 'complaints_committee_member',
      entityId: input.userId,
      before: existing ? { role: existing.role } : null,
      after: { role: input.role },
    });
  });
}

/** Removes a member: their wrapped key goes with the row, so they read no identity again. */
export async function removeCommitteeMember(ctx: AgencyContext, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [removed] = await scoped(tx, ctx.agencyId).delete(
      committeeMembers,
      eq(committeeMembers.userId, userId),
    );
    if (!removed) throw new NotFoundError('complaints.errors.memberNotFound');
    await audit(tx, ctx, ctx.agencyId, {
      action: 'complaints.committee.remove',
      entityType: 'complaints_committee_member',
      entityId: userId,
      before: { role: removed.role },
    });
  });
}

/** The committee's private key as this member holds it; FORBIDDEN for anyone else. */
export async function committeeKeyOf(
  db: DbOrTx,
  agencyId: string,
  userId: string | null,
): Promise<Buffer> {
  const member = await findCommitteeMember(db, agencyId, userId);
  if (!member || !userId) throw new ForbiddenError('complaints.errors.notCommittee');
  return unwrapCommitteeKey(agencyId, userId, member.wrappedKey);
}
