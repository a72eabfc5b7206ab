import type { AgencyContext } from '../context.js';
import { audit } from '../audit/audit.js';
import { scoped } from '../db/scoped.js';
import { OfficialDocumentInput, type OfficialDocumentDraft } from './input.js';
import { officialDocuments } from './schema.js';
import type { OfficialDocumentRow } from './find-official-document.js';
import type { DbOrTx } from '../db/client.js';

/** Inserts a draft inside the caller's transaction (shared with issueOrder and replacements). */
export async function insertDraft(
  db: DbOrTx,
  ctx: AgencyContext,
  raw: OfficialDocumentDraft,
  replacesId: string | null = null,
): Promise<OfficialDocumentRow> {
  const input = OfficialDocumentInput.parse(raw);
  const [row] = await scoped(db, ctx.agencyId).insert(officialDocuments, {
    ...input,
    templateKey: input.templateKey ?? null,
    feed: input.feed ?? null,
    status: 'draft',
    replacesId,
    createdBy: ctx.actor.label,
  });
  await audit(db, ctx, ctx.agencyId, {
    action: 'official.draft',
    entityType: 'official_document',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/**
 * ร่างหนังสือ: starts a ประกาศ or คำสั่ง in the agency's register as a draft. Any module may call
 * it (a committee order from complaints, a stock-count order…); an executive signs it later.
 * @example
 * const draft = await draftOfficialDocument(ctx, {
 *   kind: 'order', fiscalYear, subject: 'แต่งตั้งคณะทำงาน ITA', clauses: ['…'],
 *   signerName: 'นายสมชาย ใจดี', signerPosition: 'นายกเทศมนตรีตำบลโพธิ์ทอง',
 * });
 */
export async function draftOfficialDocument(
  ctx: AgencyContext,
  input: OfficialDocumentDraft,
): Promise<OfficialDocumentRow> {
  return ctx.db.transaction((tx) => insertDraft(tx, ctx, input));
}
