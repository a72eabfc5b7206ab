import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { RateLimitedError, ValidationError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { staff } from '../agencies/schema.js';
import { users } from './schema.js';
import { hashPassword, verifyPassword } from './password.js';
import { createSession } from './sessions.js';
import {
  ACCOUNT_FROM_UNKNOWN_DEVICES,
  CLIENT_ADDRESS,
  DEVICE,
  forgetAttempts,
  reserveAttempt,
  undoAttempt,
  type LimitPolicy,
} from './login-limits.js';
import { deviceTokenHash, isKnownDevice, rememberDevice } from './trusted-devices.js';

export const LogInInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
});
export type LogInInput = z.infer<typeof LogInInput>;

/** Where an attempt comes from: the client address and the browser's device cookie, if any. */
export interface LogInClient {
  address: string;
  deviceToken?: string | undefined;
}

export interface LogInResult {
  token: string;
  userId: string;
  agencyId: string | null;
  /** The device cookie to (re)set: this browser is now known for this account. */
  deviceToken: string;
}

/** The key a password-reset clears: failures on this account from unknown devices. */
export const accountLimitKey = (email: string) => `account:${email}`;

// A real hash to compare against when the account does not exist, so that a wrong e-mail
// costs as much time as a wrong password and timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomUUID()));

/** The "wait" message: seconds while the wait is short, minutes after. */
function tooManyAttempts(retryAfterMs: number): RateLimitedError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return seconds < 120
    ? new RateLimitedError('auth.errors.waitSeconds', { seconds })
    : new RateLimitedError('auth.errors.waitMinutes', { minutes: Math.ceil(seconds / 60) });
}

/**
 * Checks the password and opens a session, limited as OWASP's authentication cheat sheet
 * describes (device cookies): an attempt from a browser that has logged in to this account
 * before is counted against that device only; any other attempt counts against the account
 * from unknown devices (a slowdown that doubles, then a stop for the hour) and, as a
 * slowdown only, against the client address. Each count is taken atomically before the
 * password is checked. An unknown e-mail is counted and answered exactly like a wrong
 * password.
 */
export async function logIn(
  ctx: AppContext,
  input: LogInInput,
  client: LogInClient,
): Promise<LogInResult> {
  const now = ctx.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email));
  const deviceHash = deviceTokenHash(client.deviceToken);
  const isKnown = user ? await isKnownDevice(ctx.db, deviceHash, user.id) : false;
  const limits: { key: string; policy: LimitPolicy; isShared: boolean }[] = isKnown
    ? [{ key: `device:${deviceHash}`, policy: DEVICE, isShared: false }]
    : [
        {
          key: accountLimitKey(input.email),
          policy: ACCOUNT_FROM_UNKNOWN_DEVICES,
          isShared: false,
        },
        { key: `client:${client.address}`, policy: CLIENT_ADDRESS, isShared: true },
      ];
  for (const [i, limit] of limits.entries()) {
    const reserved = await reserveAttempt(ctx.db, limit.key, limit.policy, now);
    if (!reserved.ok) {
      // The counts already taken for this attempt are given back: it was never checked.
      for (const taken of limits.slice(0, i)) await undoAttempt(ctx.db, taken.key);
      throw tooManyAttempts(reserved.retryAfterMs);
    }
  }
  const passwordOk = await verifyPassword(
    input.password,
    user?.passwordHash ?? (await getDummyHash()),
  );
  if (!user || !passwordOk || user.disabledAt) {
    throw new ValidationError('auth.errors.badCredentials');
  }
  for (const limit of limits) {
    if (limit.isShared) await undoAttempt(ctx.db, limit.key);
    else await forgetAttempts(ctx.db, limit.key);
  }
  const memberships = await ctx.db
    .select({ agencyId: staff.agencyId })
    .from(staff)
    .where(eq(staff.userId, user.id));
  const agencyId = memberships.length === 1 ? memberships[0]!.agencyId : null;
  return ctx.db.transaction(async (tx) => {
    const token = await createSession(tx, user.id, agencyId, now);
    const deviceToken = await rememberDevice(tx, client.deviceToken, user.id, now);
    await audit(
      tx,
      { ...ctx, actor: { ...ctx.actor, userId: user.id, label: user.email } },
      agencyId,
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    return { token, userId: user.id, agencyId, deviceToken };
  });
}
