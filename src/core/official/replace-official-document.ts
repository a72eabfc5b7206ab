import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../context.js';
import { scoped } from '../db/scoped.js';
import { ConflictError } from '../errors.js';
import { officialDocuments } from './schema.js';
import { insertDraft } from './draft-official-document.js';
import { lockOfficialDocument, type OfficialDocumentRow } from './find-official-document.js';

/**
 * แก้ไขหนังสือที่ลงนามแล้ว: never an edit. A new draft is made from the signed text; when printed
 * it says which document it cancels ("ให้ยกเลิก… และให้ใช้…ฉบับนี้แทน"). A document is replaced
 * once; to change again, replace the replacement.
 */
export async function replaceOfficialDocument(
  ctx: AgencyContext,
  id: string,
): Promise<OfficialDocumentRow> {
  return ctx.db.transaction(async (tx) => {
    const old = await lockOfficialDocument(tx, ctx.agencyId, id);
    if (old.status !== 'signed' && old.status !== 'published') {
      throw new ConflictError('official.errors.replaceOnlySigned');
    }
    const existing = await scoped(tx, ctx.agencyId).find(
      officialDocuments,
      eq(officialDocuments.replacesId, id),
    );
    if (existing) throw new ConflictError('official.errors.alreadyReplaced');
    return insertDraft(
      tx,
      ctx,
      {
        kind: old.kind,
        fiscalYear: old.fiscalYear,
        subject: old.subject,
        preamble: old.preamble,
        clauses: old.clauses,
        closing: old.closing,
        digits: old.digits,
        signerName: old.signerName,
        signerPosition: old.signerPosition,
        templateKey: old.templateKey,
        feed: old.feed,
      },
      old.id,
    );
  });
}
