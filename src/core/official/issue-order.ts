import type { AgencyContext } from '../context.js';
import { insertDraft } from './draft-official-document.js';
import { signLocked } from './sign-official-document.js';
import type { OfficialDocumentDraft } from './input.js';
import type { OfficialDocumentRow } from './find-official-document.js';

/**
 * ออกคำสั่ง: drafts and signs an order in one transaction, for a module whose executive acts on
 * the spot (appointing a complaint committee, a stock-count committee). The order gets the next
 * number of the calendar year; publish it with publishOfficialDocument.
 * @example
 * const order = await issueOrder(executiveCtx, {
 *   fiscalYear, subject: 'แต่งตั้งคณะกรรมการตรวจนับพัสดุประจำปี', clauses: ['…'],
 *   signerName: 'นายสมชาย ใจดี', signerPosition: 'นายกเทศมนตรีตำบลโพธิ์ทอง',
 * });
 * order.number; // 7 (คำสั่งที่ 7/2569)
 */
export async function issueOrder(
  ctx: AgencyContext,
  input: Omit<OfficialDocumentDraft, 'kind'>,
): Promise<OfficialDocumentRow> {
  return ctx.db.transaction(async (tx) => {
    const draft = await insertDraft(tx, ctx, { ...input, kind: 'order' });
    return signLocked(tx, ctx, draft);
  });
}
