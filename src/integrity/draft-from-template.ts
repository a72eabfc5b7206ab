import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { agencies } from '../core/agencies/schema.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { requiredText, cleanText } from '../core/validation/text.js';
import { typedNumber } from '../core/validation/typed-number.js';
import {
  draftOfficialDocument,
  OFFICIAL_DIGITS,
  type OfficialDocumentRow,
} from '../core/official/index.js';
import { findTemplate, fillTemplate } from './templates.js';

/** The form fields every template shares (its own fields come as `f_<name>`). */
export const TemplateCommonInput = z.object({
  fiscalYear: typedNumber(
    z.coerce
      .number('integrity.errors.badYear')
      .int('integrity.errors.badYear')
      .min(2500, 'integrity.errors.badYear')
      .max(2700, 'integrity.errors.badYear'),
  ),
  signerName: requiredText(200),
  signerPosition: requiredText(300),
  digits: z.enum(OFFICIAL_DIGITS).default('thai'),
});

/**
 * ร่างจากแบบ: fills a template (data) with the agency's name, the year and the officer's values
 * and drafts it in the register. Every field of the template must be filled (its default
 * counts); a missing one is reported next to its input.
 */
export async function draftFromTemplate(
  ctx: AgencyContext,
  templateKey: string,
  raw: Record<string, unknown>,
): Promise<OfficialDocumentRow> {
  const template = findTemplate(templateKey);
  if (!template) throw new NotFoundError();
  const common = TemplateCommonInput.parse(raw);
  const values: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  for (const field of template.fields) {
    const parsed = cleanText({ max: 4000 }).safeParse(raw[`f_${field.name}`] ?? field.default);
    if (!parsed.success || parsed.data === '') {
      fieldErrors[`f_${field.name}`] = 'integrity.errors.fieldRequired';
    } else {
      values[field.name] = parsed.data;
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new ValidationError('integrity.errors.fieldsMissing', fieldErrors);
  }
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, ctx.agencyId));
  const draft = fillTemplate(
    template,
    { ...values, agency: agency?.nameTh ?? '', fiscalYear: String(common.fiscalYear) },
    common,
  );
  return draftOfficialDocument(ctx, draft);
}
