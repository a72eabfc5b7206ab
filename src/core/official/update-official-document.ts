import type { AgencyContext } from '../context.js';
import { audit } from '../audit/audit.js';
import { ConflictError } from '../errors.js';
import { scoped } from '../db/scoped.js';
import { eq } from 'drizzle-orm';
import { OfficialDocumentEdit, type OfficialDocumentEditInput } from './input.js';
import { officialDocuments } from './schema.js';
import { lockOfficialDocument, type OfficialDocumentRow } from './find-official-document.js';

/**
 * Edits a draft or a document under review. A signed document is never edited: the executive
 * signed that text, so a change is a new document that replaces it (replaceOfficialDocument).
 */
export async function updateOfficialDocument(
  ctx: AgencyContext,
  id: string,
  raw: OfficialDocumentEditInput,
): Promise<OfficialDocumentRow> {
  const input = OfficialDocumentEdit.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const before = await lockOfficialDocument(tx, ctx.agencyId, id);
    if (before.status !== 'draft' && before.status !== 'review') {
      throw new ConflictError('official.errors.signedIsFrozen');
    }
    const [after] = await scoped(tx, ctx.agencyId).update(
      officialDocuments,
      {
        ...input,
        templateKey: input.templateKey ?? before.templateKey,
        feed: input.feed ?? before.feed,
        // An edit under review sends it back to draft: the reviewer saw another text.
        status: 'draft',
        updatedAt: ctx.now(),
      },
      eq(officialDocuments.id, id),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'official.update',
      entityType: 'official_document',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}
