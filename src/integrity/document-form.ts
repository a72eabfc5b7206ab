import { z } from 'zod';
import { cleanText } from '../core/validation/text.js';
import type { OfficialDocumentRow } from '../core/official/index.js';
import { TemplateCommonInput } from './draft-from-template.js';

/**
 * The edit form of a draft: clauses come in one text area, separated by a blank line (ข้อ ๑,
 * ข้อ ๒ … are numbered when printed, so the officer never types the numbers).
 */
export const DocumentEditForm = TemplateCommonInput.extend({
  subject: z.string(),
  preamble: z.string().default(''),
  clauses: cleanText({ max: 60000 }).default(''),
  closing: z.string().default(''),
}).transform((f) => ({
  ...f,
  clauses: f.clauses
    .split(/\r?\n\s*\r?\n/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0),
}));

/** The form's values of a stored document, for the first showing of the edit page. */
export function editValues(doc: OfficialDocumentRow): Record<string, unknown> {
  return {
    fiscalYear: doc.fiscalYear,
    subject: doc.subject,
    preamble: doc.preamble,
    clauses: doc.clauses.join('\n\n'),
    closing: doc.closing,
    signerName: doc.signerName,
    signerPosition: doc.signerPosition,
    digits: doc.digits,
  };
}
