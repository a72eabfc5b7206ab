import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { hashToken } from './sessions.js';
import { trustedDevices } from './schema.js';

/** The device cookie (OWASP): set at each log-in, read only by POST /login. */
export const DEVICE_COOKIE = 'prongsai_device';
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

const DEVICE_TOKEN = /^[\w-]{43}$/;

/** The stored hash of a device cookie that looks like one this app issued, else null. */
export function deviceTokenHash(token: string | undefined): string | null {
  return token && DEVICE_TOKEN.test(token) ? hashToken(token) : null;
}

/** Whether the browser with this device cookie has logged in as this user before. */
export async function isKnownDevice(
  db: DbOrTx,
  tokenHash: string | null,
  userId: string,
): Promise<boolean> {
  if (!tokenHash) return false;
  const rows = await db
    .select({ userId: trustedDevices.userId })
    .from(trustedDevices)
    .where(and(eq(trustedDevices.tokenHash, tokenHash), eq(trustedDevices.userId, userId)));
  return rows.length > 0;
}

/**
 * Records a successful log-in on this browser; returns the device cookie to set (the one it
 * had, or a new one). One browser may be known for several accounts (a shared office PC).
 */
export async function rememberDevice(
  db: DbOrTx,
  token: string | undefined,
  userId: string,
  now: Date,
): Promise<string> {
  const cookie = token && DEVICE_TOKEN.test(token) ? token : randomBytes(32).toString('base64url');
  await db
    .insert(trustedDevices)
    .values({ tokenHash: hashToken(cookie), userId, createdAt: now, lastUsedAt: now })
    .onConflictDoUpdate({
      target: [trustedDevices.tokenHash, trustedDevices.userId],
      set: { lastUsedAt: now },
    });
  return cookie;
}

/** Forgets every device of a user (a password reset: whoever knew the old one is a stranger). */
export async function forgetDevices(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
}
