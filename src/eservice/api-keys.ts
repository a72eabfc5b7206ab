import { createHash } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { ForbiddenError } from '../core/errors.js';
import { eserviceApiKeys } from './schema.js';

/**
 * Only the SHA-256 of a key is stored: the key itself is shown once when issued, so a copy of
 * the database (a backup, a leaked dump) cannot file requests. A random 256-bit key needs no
 * slow hash: there is nothing to guess a dictionary word from.
 */
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The agency's keys, newest first (label, issued, revoked; never the key). */
export function listApiKeys(db: DbOrTx, agencyId: string) {
  return scoped(db, agencyId).list(eserviceApiKeys, undefined, desc(eserviceApiKeys.createdAt));
}
export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];

/**
 * Open311 POST requests.json: the key must be one this agency issued and has not revoked. A key
 * of another agency is looked up in this agency only, so it is refused (403) like a made-up one.
 */
export async function checkApiKey(db: DbOrTx, agencyId: string, key: string | undefined) {
  if (!key || key.length > 200) throw new ForbiddenError('eservice.open311.badKey');
  const row = await scoped(db, agencyId).find(
    eserviceApiKeys,
    and(eq(eserviceApiKeys.keyHash, hashApiKey(key)), isNull(eserviceApiKeys.revokedAt))!,
  );
  if (!row) throw new ForbiddenError('eservice.open311.badKey');
  return row;
}
