/** Draft a ประกาศ or คำสั่ง in the agency's register (any module: committee orders…). */
export { draftOfficialDocument } from './draft-official-document.js';
/** Draft and sign an order in one step (executive acting); returns its number. */
export { issueOrder } from './issue-order.js';
/** Edit a draft or a document under review; a signed one is refused. */
export { updateOfficialDocument } from './update-official-document.js';
/** Send a draft to review. */
export { submitForReview } from './submit-for-review.js';
/** An executive signs: order number of the calendar year, date of signing. */
export { signOfficialDocument } from './sign-official-document.js';
/** Render once, store the files, mark published. */
export { publishOfficialDocument } from './publish-official-document.js';
/** A new draft that cancels a signed document when issued. */
export { replaceOfficialDocument } from './replace-official-document.js';
/** The agency's emblem for the top of its documents. */
export { setEmblem, EMBLEM_MAX_BYTES } from './set-emblem.js';
/** One document of the agency (NotFound otherwise). */
export { findOfficialDocument, type OfficialDocumentRow } from './find-official-document.js';
/** The register of a year, its published documents, whether an emblem is set. */
export { listOfficialDocuments, listPublishedOfficialDocuments, hasEmblem } from './queries.js';
/** DOCX/PDF of a document (staff preview; publication stores it). */
export { renderOfficialDocument, officialDocumentModel } from './render-official-document.js';
/** The input shapes of a draft and of an edit. */
export {
  OfficialDocumentInput,
  OfficialDocumentEdit,
  type OfficialDocumentDraft,
} from './input.js';
/** Kinds, statuses and digit choices of the register. */
export {
  OFFICIAL_KINDS,
  OFFICIAL_STATUSES,
  OFFICIAL_DIGITS,
  type OfficialKind,
  type OfficialStatus,
} from './schema.js';
/** "ที่ 12/2569" and the long Thai date, for pages that show the register. */
export { orderNumberText, thaiLongDate } from './notice-model.js';
