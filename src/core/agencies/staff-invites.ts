import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AgencyContext, AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { audit } from '../audit/audit.js';
import { scoped } from '../db/scoped.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { hashPassword } from '../auth/password.js';
import { users } from '../auth/schema.js';
import { isMailConfigured, sendMail, type MailConfig } from '../mail/index.js';
import { agencies, staff, staffInvites, type StaffRole } from './schema.js';
import { CreateStaffInput, insertAuditedUser, NewPassword } from './staff-members.js';
import { assertOwnUnit, getUnit } from './units.js';

/** How long an invitation can be accepted. */
export const INVITE_DAYS = 7;

export const InviteStaffInput = CreateStaffInput.omit({ password: true });
export type InviteStaffInput = Parameters<typeof InviteStaffInput.parse>[0];

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Invites an e-mail address to the agency's staff: stores the invitation (the token's hash
 * only) with its audit entry, then e-mails the link. The answer is the same whether the
 * address has an account or not, and nobody joins until the invitee accepts. Without SMTP the
 * link is returned for the admin to pass on (it still needs the invitee's own log-in, or sets
 * the first password of an address that has no account).
 */
export async function inviteStaffMember(
  ctx: AgencyContext,
  rawInput: InviteStaffInput,
  delivery: { mail: MailConfig; siteUrl: string },
): Promise<{ link: string | null }> {
  const input = InviteStaffInput.parse(rawInput);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + INVITE_DAYS * 86_400_000);
  const agencyName = await ctx.db.transaction(async (tx) => {
    if (input.unitId) await assertOwnUnit(tx, ctx.agencyId, input.unitId);
    const [invite] = await scoped(tx, ctx.agencyId).insert(staffInvites, {
      tokenHash: hashToken(token),
      email: input.email,
      displayName: input.displayName,
      roles: input.roles as StaffRole[],
      unitId: input.unitId,
      positionTh: input.positionTh,
      invitedBy: ctx.actor.userId,
      expiresAt,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'agencies.staff.invite',
      entityType: 'staff_invite',
      entityId: invite!.id,
      after: { email: input.email, roles: input.roles, unitId: input.unitId, expiresAt },
    });
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, ctx.agencyId));
    return agency!.nameTh;
  });
  const link = `${delivery.siteUrl.replace(/\/$/, '')}/invite/${token}`;
  if (!isMailConfigured(delivery.mail)) return { link };
  await sendMail(delivery.mail, [
    {
      to: input.email,
      subject: `คำเชิญเข้าร่วม ${agencyName} ในระบบโปร่งใส`,
      text:
        `${agencyName} เชิญท่านเข้าร่วมเป็นบุคลากรในระบบโปร่งใส\n` +
        `ตอบรับได้ที่ ${link}\n` +
        `ลิงก์นี้ใช้ได้ครั้งเดียวภายใน ${INVITE_DAYS} วัน หากท่านไม่ได้คาดว่าจะได้รับคำเชิญนี้ ไม่ต้องทำอะไร\n\n` +
        `(${agencyName} invites you to its staff on Prongsai: ${link} — valid once, ${INVITE_DAYS} days.)`,
    },
  ]);
  return { link: null };
}

/** An open invitation (not used, not expired) with its agency's name, or null. */
export async function findOpenInvite(db: DbOrTx, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ invite: staffInvites, agencyNameTh: agencies.nameTh })
    .from(staffInvites)
    .innerJoin(agencies, eq(agencies.id, staffInvites.agencyId))
    .where(
      and(
        eq(staffInvites.tokenHash, hashToken(token)),
        isNull(staffInvites.acceptedAt),
        gt(staffInvites.expiresAt, now),
      ),
    );
  return row ?? null;
}

/**
 * Marks the invitation used (once, even when two requests race) and adds the member; the
 * staff row and the audit entry are written in the same transaction.
 */
async function join(tx: DbOrTx, ctx: AppContext, token: string, userId: string) {
  const now = ctx.now();
  const [invite] = await tx
    .update(staffInvites)
    .set({ acceptedAt: now, acceptedBy: userId, updatedAt: now })
    .where(
      and(
        eq(staffInvites.tokenHash, hashToken(token)),
        isNull(staffInvites.acceptedAt),
        gt(staffInvites.expiresAt, now),
      ),
    )
    .returning();
  if (!invite) throw new ConflictError('agencies.invite.invalid');
  const q = scoped(tx, invite.agencyId);
  const agencyCtx = { ...ctx, agencyId: invite.agencyId };
  if (!(await q.find(staff, eq(staff.userId, userId)))) {
    const unitId =
      invite.unitId && (await getUnit(tx, invite.agencyId, invite.unitId).catch(() => null))
        ? invite.unitId
        : null;
    const [member] = await q.insert(staff, {
      userId,
      roles: invite.roles,
      unitId,
      positionTh: invite.positionTh,
    });
    await audit(tx, agencyCtx, invite.agencyId, {
      action: 'agencies.staff.accept',
      entityType: 'staff',
      entityId: userId,
      after: { ...member, email: invite.email, invite: invite.id },
    });
  }
  return invite;
}

/**
 * The logged-in user accepts: only the account whose e-mail the invitation names can.
 * @throws ConflictError used or expired; ForbiddenError for another account.
 */
export async function acceptInvite(ctx: AppContext, token: string) {
  const userId = ctx.actor.userId;
  if (!userId) throw new ForbiddenError();
  return ctx.db.transaction(async (tx) => {
    const open = await findOpenInvite(tx, token, ctx.now());
    if (!open) throw new ConflictError('agencies.invite.invalid');
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user || user.email !== open.invite.email) {
      throw new ForbiddenError('agencies.invite.otherEmail');
    }
    return join(tx, ctx, token, userId);
  });
}

/**
 * An invitee whose address has no account yet sets the account's first password and joins.
 * An address that has an account must log in instead (its password is never replaced here).
 */
export async function acceptInviteAsNewUser(
  ctx: AppContext,
  token: string,
  input: { password: string },
  cost?: { n?: number },
) {
  const password = NewPassword.safeParse(input.password);
  if (!password.success) {
    throw new ValidationError('errors.validation', { password: 'agencies.errors.shortPassword' });
  }
  return ctx.db.transaction(async (tx) => {
    const open = await findOpenInvite(tx, token, ctx.now());
    if (!open) throw new ConflictError('agencies.invite.invalid');
    const [existing] = await tx.select().from(users).where(eq(users.email, open.invite.email));
    if (existing) throw new ConflictError('agencies.invite.hasAccount');
    const user = await insertAuditedUser(tx, ctx, {
      email: open.invite.email,
      displayName: open.invite.displayName,
      passwordHash: await hashPassword(password.data, cost),
    });
    return join(tx, ctx, token, user.id);
  });
}
