import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../context.js';
import { audit } from '../audit/audit.js';
import { scoped } from '../db/scoped.js';
import { ConflictError } from '../errors.js';
import { storeFile } from '../files/index.js';
import { officialDocuments } from './schema.js';
import {
  findOfficialDocument,
  lockOfficialDocument,
  type OfficialDocumentRow,
} from './find-official-document.js';
import { renderOfficialDocument } from './render-official-document.js';

/**
 * เผยแพร่: renders a signed document once (PDF and DOCX), stores both files and marks it
 * published. Rendering happens before the transaction (Chromium takes ~0.5 s); the transaction
 * then checks the document is still signed, so a concurrent publish or replace cannot mix.
 */
export async function publishOfficialDocument(
  ctx: AgencyContext,
  id: string,
  options: { dataDir: string },
): Promise<OfficialDocumentRow> {
  const doc = await findOfficialDocument(ctx.db, ctx.agencyId, id);
  if (doc.status !== 'signed') {
    throw new ConflictError(
      doc.status === 'published' ? 'official.errors.alreadyPublished' : 'official.errors.notSigned',
    );
  }
  const pdf = await storeFile(
    options.dataDir,
    await renderOfficialDocument(ctx.db, doc, 'pdf', options),
  );
  const docx = await storeFile(
    options.dataDir,
    await renderOfficialDocument(ctx.db, doc, 'docx', options),
  );
  return ctx.db.transaction(async (tx) => {
    const before = await lockOfficialDocument(tx, ctx.agencyId, id);
    if (before.status !== 'signed') throw new ConflictError('official.errors.alreadyPublished');
    const now = ctx.now();
    const [after] = await scoped(tx, ctx.agencyId).update(
      officialDocuments,
      {
        status: 'published',
        publishedAt: now,
        publishedBy: ctx.actor.label,
        pdfSha256: pdf.sha256,
        docxSha256: docx.sha256,
        updatedAt: now,
      },
      eq(officialDocuments.id, id),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'official.publish',
      entityType: 'official_document',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}
