import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { ValidationError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { NewPassword } from '../agencies/staff-members.js';
import { passwordResets, sessions, users } from './schema.js';
import { hashPassword } from './password.js';
import { forgetAttempts } from './login-limits.js';
import { accountLimitKey } from './log-in.js';
import { forgetDevices } from './trusted-devices.js';
import { resetTokenHash } from './request-password-reset.js';

export const ResetPasswordInput = z
  .object({
    token: z.string().max(200),
    password: NewPassword,
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.reset.mismatch' });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

const usable = (token: string, now: Date) =>
  and(
    eq(passwordResets.tokenHash, resetTokenHash(token)),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
  );

/** Whether a reset link still works (not used, not expired), to show its form or say why not. */
export async function isResetTokenUsable(db: DbOrTx, token: string, now: Date): Promise<boolean> {
  if (!token) return false;
  const rows = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(usable(token, now));
  return rows.length > 0;
}

/**
 * Sets a new password from a reset link. The link is spent in the same statement that checks
 * it, so two submits of one link cannot both succeed; every other open link of the account
 * is spent too, every session ends, known devices are forgotten (whoever knew the old
 * password is a stranger now) and the log-in slowdown on the account is lifted. Audited.
 */
export async function resetPassword(
  ctx: AppContext,
  input: ResetPasswordInput,
  cost: { n?: number } = {},
): Promise<void> {
  const now = ctx.now();
  // Checked before the costly hash, so that made-up tokens cost no scrypt; spent below.
  if (!(await isResetTokenUsable(ctx.db, input.token, now))) {
    throw new ValidationError('auth.reset.invalidLink');
  }
  const passwordHash = await hashPassword(input.password, cost);
  await ctx.db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(usable(input.token, now))
      .returning({ userId: passwordResets.userId });
    if (!spent) throw new ValidationError('auth.reset.invalidLink');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, spent.userId))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new ValidationError('auth.reset.invalidLink');
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await forgetDevices(tx, user.id);
    await forgetAttempts(tx, accountLimitKey(user.email));
    await audit(tx, { ...ctx, actor: { ...ctx.actor, userId: user.id, label: user.email } }, null, {
      action: 'auth.passwordReset',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
