import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { RateLimitedError } from '../errors.js';
import { audit } from '../audit/audit.js';
import type { MailMessage } from '../mail/index.js';
import { passwordResets, users } from './schema.js';
import { reserveAttempt, type LimitPolicy } from './login-limits.js';

/** How long a reset link works: short, as OWASP's forgot-password cheat sheet advises. */
export const RESET_TTL_MS = 30 * 60 * 1000;

const HOUR = 60 * 60 * 1000;
/** Mails per account per hour; more are silently not sent (the answer stays the same). */
const RESETS_PER_ACCOUNT: LimitPolicy = {
  freeFailures: 3,
  maxDelayMs: 0,
  maxFailures: 3,
  windowMs: HOUR,
};
/** Requests per client address per hour (not about any account, so it may say so: 429). */
const RESETS_PER_ADDRESS: LimitPolicy = {
  freeFailures: 20,
  maxDelayMs: 0,
  maxFailures: 20,
  windowMs: HOUR,
};

export const RequestPasswordResetInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
});
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

/** The stored form of a reset token: its SHA-256, never the token. */
export const resetTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * "Forgot password". Refuses at once (429) past 20 requests an hour from one address, which
 * says nothing about any account. Everything else happens in `delivery`, which the caller
 * must not wait for before answering: for an active account with this e-mail (and at most
 * three times an hour per e-mail) it stores a single-use token, its hash only, expiring in
 * RESET_TTL_MS, audits the request and sends the link with `send`; for any other e-mail it
 * does nothing. So neither the page nor its timing tells which e-mails have accounts.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  input: RequestPasswordResetInput,
  options: {
    baseUrl: string;
    clientAddress: string;
    send: (message: MailMessage) => Promise<void>;
  },
): Promise<{ delivery: Promise<void> }> {
  const now = ctx.now();
  const byAddress = await reserveAttempt(
    ctx.db,
    `reset-client:${options.clientAddress}`,
    RESETS_PER_ADDRESS,
    now,
  );
  if (!byAddress.ok) throw new RateLimitedError();
  const delivery = (async () => {
    const message = await createResetMessage(ctx, input, options.baseUrl, now);
    if (message) await options.send(message);
  })();
  return { delivery };
}

async function createResetMessage(
  ctx: AppContext,
  input: RequestPasswordResetInput,
  baseUrl: string,
  now: Date,
): Promise<MailMessage | null> {
  if (!input.email) return null;
  const byAccount = await reserveAttempt(ctx.db, `reset:${input.email}`, RESETS_PER_ACCOUNT, now);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email));
  if (!byAccount.ok || !user || user.disabledAt) return null;
  const token = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: resetTokenHash(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
    await audit(tx, { ...ctx, actor: { ...ctx.actor, userId: null, label: user.email } }, null, {
      action: 'auth.passwordResetRequested',
      entityType: 'user',
      entityId: user.id,
    });
  });
  const link = `${baseUrl.replace(/\/$/, '')}/login/reset?token=${token}`;
  return {
    to: user.email,
    subject: 'ตั้งรหัสผ่านใหม่ระบบโปร่งใส / Reset your Prongsai password',
    text: [
      `เรียน ${user.displayName}`,
      '',
      'มีผู้ขอตั้งรหัสผ่านใหม่สำหรับบัญชีของท่านในระบบโปร่งใส หากเป็นท่าน กรุณาเปิดลิงก์นี้ภายใน 30 นาที (ใช้ได้ครั้งเดียว):',
      link,
      'หากท่านไม่ได้ขอ ไม่ต้องดำเนินการใด ๆ รหัสผ่านเดิมยังใช้ได้ตามปกติ',
      '',
      '---',
      '',
      `Dear ${user.displayName},`,
      '',
      'Someone asked to reset the password of your Prongsai account. If it was you, open this link within 30 minutes (it works once):',
      link,
      'If you did not ask, do nothing: your password stays as it is.',
    ].join('\n'),
  };
}
