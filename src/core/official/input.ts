import { z } from 'zod';
import { cleanText, requiredText } from '../validation/text.js';
import { BUDDHIST_YEAR_MAX, BUDDHIST_YEAR_MIN } from '../i18n/thai-format.js';
import { OFFICIAL_DIGITS, OFFICIAL_KINDS } from './schema.js';

/**
 * What a caller (a template form, another module) gives to draft a ประกาศ or คำสั่ง. Text is
 * stored as typed and escaped when printed, so HTML typed into a field prints as text.
 */
export const OfficialDocumentInput = z.object({
  kind: z.enum(OFFICIAL_KINDS),
  fiscalYear: z.coerce.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX),
  subject: requiredText(300),
  preamble: cleanText({ max: 5000 }).default(''),
  clauses: z.array(requiredText(5000)).max(60).default([]),
  closing: cleanText({ max: 2000 }).default(''),
  digits: z.enum(OFFICIAL_DIGITS).default('thai'),
  signerName: requiredText(200),
  signerPosition: requiredText(300),
  templateKey: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(60)
    .nullish(),
  feed: z
    .string()
    .regex(/^[a-z]+\.[a-z0-9-]+$/)
    .max(80)
    .nullish(),
});
export type OfficialDocumentDraft = z.input<typeof OfficialDocumentInput>;

/** What an edit of a draft may change: everything but the kind. */
export const OfficialDocumentEdit = OfficialDocumentInput.omit({ kind: true });
export type OfficialDocumentEditInput = z.input<typeof OfficialDocumentEdit>;

/** A number typed by hand when signing an order (Thai digits accepted upstream). */
export const ManualNumber = z.coerce.number().int().min(1).max(99999);
