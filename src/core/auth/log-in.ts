import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { RateLimitedError, ValidationError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { staff } from '../agencies/schema.js';
import { loginAttempts, users } from './schema.js';
import { hashPassword, verifyPassword } from './password.js';
import { createSession } from './sessions.js';

export const LogInInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
});
export type LogInInput = z.infer<typeof LogInInput>;

const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_CLIENT = 30;

// A real hash to compare against when the account does not exist, so that a wrong e-mail
// costs as much time as a wrong password and timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomUUID()));

async function failuresOf(ctx: AppContext, key: string): Promise<number> {
  const [row] = await ctx.db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  if (!row || ctx.now().getTime() - row.windowStartedAt.getTime() > WINDOW_MS) return 0;
  return row.failures;
}

async function recordFailure(ctx: AppContext, key: string): Promise<void> {
  const now = ctx.now();
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  await ctx.db
    .insert(loginAttempts)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginAttempts.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginAttempts.windowStartedAt} end`,
      },
    });
}

/**
 * Checks the password and opens a session. Rate-limited per account and per client address;
 * the same message for an unknown e-mail and a wrong password.
 */
export async function logIn(
  ctx: AppContext,
  input: LogInInput,
  clientKey: string,
): Promise<{ token: string; userId: string; agencyId: string | null }> {
  const accountKey = `account:${input.email}`;
  const clientKeyed = `client:${clientKey}`;
  if (
    (await failuresOf(ctx, accountKey)) >= MAX_FAILURES_PER_ACCOUNT ||
    (await failuresOf(ctx, clientKeyed)) >= MAX_FAILURES_PER_CLIENT
  ) {
    throw new RateLimitedError('auth.errors.tooManyAttempts');
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email));
  const passwordOk = await verifyPassword(
    input.password,
    user?.passwordHash ?? (await getDummyHash()),
  );
  if (!user || !passwordOk || user.disabledAt) {
    await recordFailure(ctx, accountKey);
    await recordFailure(ctx, clientKeyed);
    throw new ValidationError('auth.errors.badCredentials');
  }
  await ctx.db.delete(loginAttempts).where(eq(loginAttempts.key, accountKey));
  const memberships = await ctx.db
    .select({ agencyId: staff.agencyId })
    .from(staff)
    .where(eq(staff.userId, user.id));
  const agencyId = memberships.length === 1 ? memberships[0]!.agencyId : null;
  return ctx.db.transaction(async (tx) => {
    const token = await createSession(tx, user.id, agencyId, ctx.now());
    await audit(
      tx,
      { ...ctx, actor: { ...ctx.actor, userId: user.id, label: user.email } },
      agencyId,
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    return { token, userId: user.id, agencyId };
  });
}
