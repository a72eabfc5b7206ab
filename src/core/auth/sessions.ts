import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { sessions, users } from './schema.js';

export const SESSION_COOKIE = 'prongsai_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session; returns the cookie token, which is never stored. */
export async function createSession(
  db: DbOrTx,
  userId: string,
  agencyId: string | null,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    agencyId,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  // Expired sessions are cleaned opportunistically at each log-in, not by a scheduler.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  return token;
}

export async function findSessionUser(db: DbOrTx, token: string, now: Date) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.disabledAt) return null;
  return row;
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function setSessionAgency(db: DbOrTx, token: string, agencyId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ agencyId })
    .where(eq(sessions.tokenHash, hashToken(token)));
}
