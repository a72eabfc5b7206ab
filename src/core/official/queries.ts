import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { scoped } from '../db/scoped.js';
import { officialDocuments, officialEmblems } from './schema.js';
import type { OfficialDocumentRow } from './find-official-document.js';

/** The register of one fiscal year, newest first. */
export async function listOfficialDocuments(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<OfficialDocumentRow[]> {
  return scoped(db, agencyId).list(
    officialDocuments,
    eq(officialDocuments.fiscalYear, fiscalYear),
    [desc(officialDocuments.createdAt)],
  );
}

/** Published documents of a fiscal year (what the OIT feeds list). */
export async function listPublishedOfficialDocuments(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<OfficialDocumentRow[]> {
  return scoped(db, agencyId).list(
    officialDocuments,
    and(eq(officialDocuments.fiscalYear, fiscalYear), eq(officialDocuments.status, 'published')),
    [officialDocuments.publishedAt],
  );
}

/** Whether the agency has uploaded its emblem. */
export async function hasEmblem(db: DbOrTx, agencyId: string): Promise<boolean> {
  return (
    (await scoped(db, agencyId).find(officialEmblems, eq(officialEmblems.agencyId, agencyId))) !==
    null
  );
}
