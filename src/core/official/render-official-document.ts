import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { agencies } from '../agencies/schema.js';
import { scoped } from '../db/scoped.js';
import { buildOfficialDocx } from '../documents/docx.js';
import { renderDocumentToPdf } from '../documents/pdf.js';
import type { OfficialDocumentInput } from '../documents/document-model.js';
import { readStoredFile } from '../files/index.js';
import { officialDocuments, officialEmblems } from './schema.js';
import { officialNoticeModel } from './notice-model.js';
import type { OfficialDocumentRow } from './find-official-document.js';

/** The document model of a register row, with the agency's name, emblem and what it replaces. */
export async function officialDocumentModel(
  db: DbOrTx,
  doc: OfficialDocumentRow,
  options: { dataDir: string },
): Promise<OfficialDocumentInput> {
  const q = scoped(db, doc.agencyId);
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, doc.agencyId));
  const emblem = await q.find(officialEmblems, eq(officialEmblems.agencyId, doc.agencyId));
  const replaces = doc.replacesId
    ? await q.find(officialDocuments, eq(officialDocuments.id, doc.replacesId))
    : null;
  return officialNoticeModel(doc, {
    agencyName: agency?.nameTh ?? '',
    emblemPng: emblem ? new Uint8Array(await readStoredFile(options.dataDir, emblem.sha256)) : null,
    replaces,
  });
}

/**
 * The DOCX or PDF of one document: for staff previews and for publication (which stores the
 * result; citizens only ever get the stored file).
 */
export async function renderOfficialDocument(
  db: DbOrTx,
  doc: OfficialDocumentRow,
  format: 'pdf' | 'docx',
  options: { dataDir: string },
): Promise<Buffer> {
  const model = await officialDocumentModel(db, doc, options);
  return format === 'pdf' ? renderDocumentToPdf(model) : buildOfficialDocx(model);
}
