import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { loginAttempts } from './schema.js';

/**
 * How one kind of key is limited. Each failure past `freeFailures` doubles the wait before
 * the next attempt under that key is even checked (1 s, 2 s, 4 s … up to `maxDelayMs`);
 * `maxFailures` failures within `windowMs` stop attempts under the key until the window ends
 * (Infinity: never, only the slowdown). A window starts at the first failure. The first
 * failure is always free (`freeFailures` ≥ 1): a typo costs nothing.
 */
export interface LimitPolicy {
  freeFailures: number;
  maxDelayMs: number;
  maxFailures: number;
  windowMs: number;
}

const HOUR = 60 * 60 * 1000;

/**
 * An account from devices it has never logged in from (OWASP "untrusted clients"): a guesser
 * gets a few quick tries, then waits, then at most 10 per hour. The owner's known devices are
 * counted apart (DEVICE), and "forgot password" clears this count.
 */
export const ACCOUNT_FROM_UNKNOWN_DEVICES: LimitPolicy = {
  freeFailures: 3,
  maxDelayMs: 15 * 60 * 1000,
  maxFailures: 10,
  windowMs: HOUR,
};

/** One known device (its device cookie), for the accounts it is known for. */
export const DEVICE: LimitPolicy = ACCOUNT_FROM_UNKNOWN_DEVICES;

/**
 * One client address, for unknown devices: a slowdown only, generous and short, never a
 * stop. A town hall's staff share one address behind NAT; a guesser there must not lock all
 * of them out, and those on a known device do not count against it at all.
 */
export const CLIENT_ADDRESS: LimitPolicy = {
  freeFailures: 30,
  maxDelayMs: 60 * 1000,
  maxFailures: Number.POSITIVE_INFINITY,
  windowMs: HOUR,
};

/** Milliseconds to wait after the n-th failure in a window before the next attempt. */
export function delayAfter(policy: LimitPolicy, failures: number): number {
  if (failures <= policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, 1000 * 2 ** (failures - policy.freeFailures - 1));
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Counts an attempt under `key` as a failure before the password is checked, in one atomic
 * statement, or refuses it: twenty parallel guesses each get their own count, and those past
 * the slowdown or the limit are refused without a password check. A success then calls
 * `forgetAttempts` (the account) or `undoAttempt` (the address).
 */
export async function reserveAttempt(
  db: DbOrTx,
  key: string,
  policy: LimitPolicy,
  now: Date,
): Promise<Reservation> {
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  const at = now.toISOString();
  const limit = Number.isFinite(policy.maxFailures) ? policy.maxFailures : 2_000_000_000;
  const expired = sql`${loginAttempts.windowStartedAt} <= ${windowStart}::timestamptz`;
  const next = sql`case when ${expired} then 1 else ${loginAttempts.failures} + 1 end`;
  // The wait after this attempt, should it fail: delayAfter() in SQL, milliseconds.
  const delayMs = sql`case when ${next} <= ${policy.freeFailures} then 0
    else least(${policy.maxDelayMs}, 1000 * power(2, ${next} - ${policy.freeFailures} - 1)) end`;
  const rows = await db
    .insert(loginAttempts)
    .values({ key, failures: 1, windowStartedAt: now, nextAttemptAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: next,
        windowStartedAt: sql`case when ${expired} then ${at}::timestamptz else ${loginAttempts.windowStartedAt} end`,
        nextAttemptAt: sql`${at}::timestamptz + ${delayMs} * interval '1 millisecond'`,
      },
      setWhere: sql`${expired} or (${loginAttempts.failures} < ${limit} and ${loginAttempts.nextAttemptAt} <= ${at}::timestamptz)`,
    })
    .returning({ failures: loginAttempts.failures });
  if (rows.length > 0) return { ok: true };
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  if (!row) return { ok: false, retryAfterMs: 1000 };
  const windowEnds = row.windowStartedAt.getTime() + policy.windowMs;
  const until = row.failures >= limit ? windowEnds : row.nextAttemptAt.getTime();
  return { ok: false, retryAfterMs: Math.max(1000, until - now.getTime()) };
}

/** A success under `key`: its count starts again (the account, a known device). */
export async function forgetAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

/**
 * A success under a shared key (a client address): takes back this attempt's count but not
 * the others', so one good log-in does not wipe out a guesser's failures from the same place.
 */
export async function undoAttempt(db: DbOrTx, key: string): Promise<void> {
  await db
    .update(loginAttempts)
    .set({ failures: sql`greatest(${loginAttempts.failures} - 1, 0)` })
    .where(eq(loginAttempts.key, key));
}
