import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { scoped } from '../db/scoped.js';
import { isUuid } from '../validation/text.js';
import { NotFoundError } from '../errors.js';
import { officialDocuments } from './schema.js';

export type OfficialDocumentRow = typeof officialDocuments.$inferSelect;

/**
 * One document of this agency, or NotFound (also for a malformed id or another agency's id,
 * so existence is never confirmed across agencies).
 */
export async function findOfficialDocument(
  db: DbOrTx,
  agencyId: string,
  id: string,
): Promise<OfficialDocumentRow> {
  if (!isUuid(id)) throw new NotFoundError('official.errors.notFound');
  return scoped(db, agencyId).get(
    officialDocuments,
    eq(officialDocuments.id, id),
    'official.errors.notFound',
  );
}

/** Same, locked for the rest of the transaction (status changes read, then write). */
export async function lockOfficialDocument(
  db: DbOrTx,
  agencyId: string,
  id: string,
): Promise<OfficialDocumentRow> {
  if (!isUuid(id)) throw new NotFoundError('official.errors.notFound');
  const rows = await db
    .select()
    .from(officialDocuments)
    .where(scoped(db, agencyId).where(officialDocuments, eq(officialDocuments.id, id)))
    .for('update');
  if (!rows[0]) throw new NotFoundError('official.errors.notFound');
  return rows[0];
}
