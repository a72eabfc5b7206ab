import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../context.js';
import { audit } from '../audit/audit.js';
import { scoped } from '../db/scoped.js';
import { ConflictError } from '../errors.js';
import { officialDocuments } from './schema.js';
import { lockOfficialDocument, type OfficialDocumentRow } from './find-official-document.js';

/** เสนอตรวจ: a draft goes to review, where the executive reads it before signing. */
export async function submitForReview(
  ctx: AgencyContext,
  id: string,
): Promise<OfficialDocumentRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockOfficialDocument(tx, ctx.agencyId, id);
    if (before.status !== 'draft') throw new ConflictError('official.errors.notADraft');
    const [after] = await scoped(tx, ctx.agencyId).update(
      officialDocuments,
      { status: 'review', updatedAt: ctx.now() },
      eq(officialDocuments.id, id),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'official.submit',
      entityType: 'official_document',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}
