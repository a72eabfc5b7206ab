import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { ValidationError } from '../core/errors.js';
import { getFramework } from './frameworks/load-frameworks.js';
import { WeakQuestionRule } from './flag-weak-questions.js';
import { assessmentWeakQuestionSettings } from './schema.js';

export const UpdateWeakQuestionSettingsInput = z.object({
  rule: WeakQuestionRule,
  addedCodes: z.array(z.string().regex(/^[ie][1-9][0-9]*$/)).max(100),
  removedCodes: z.array(z.string().regex(/^[ie][1-9][0-9]*$/)).max(100),
});
export type UpdateWeakQuestionSettingsInput = z.input<typeof UpdateWeakQuestionSettingsInput>;

/** Sets the year's weak-question rule and the questions staff add or remove by hand. */
export async function updateWeakQuestionSettings(
  ctx: AgencyContext,
  fiscalYear: number,
  input: UpdateWeakQuestionSettingsInput,
) {
  const data = UpdateWeakQuestionSettingsInput.parse(input);
  const framework = getFramework(fiscalYear);
  const known = new Set([...framework.iitQuestions, ...framework.eitQuestions].map((q) => q.code));
  // Each list's unknown codes are named next to that list's field, in the catalog's words.
  const fieldErrors: Record<string, string> = {};
  for (const field of ['addedCodes', 'removedCodes'] as const) {
    const unknown = data[field].filter((c) => !known.has(c));
    if (unknown.length > 0) {
      fieldErrors[field] =
        `assessment.weak.unknownCode?${new URLSearchParams({ codes: unknown.join(', ') })}`;
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new ValidationError('assessment.weak.unknownCodes', fieldErrors);
  }
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const where = eq(assessmentWeakQuestionSettings.fiscalYear, fiscalYear);
    const before = await q.find(assessmentWeakQuestionSettings, where);
    const [after] = before
      ? await q.update(assessmentWeakQuestionSettings, { ...data, updatedAt: ctx.now() }, where)
      : await q.insert(assessmentWeakQuestionSettings, { fiscalYear, ...data });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'assessment.weak-questions.update',
      entityType: 'assessment_weak_question_settings',
      entityId: String(fiscalYear),
      before,
      after,
    });
    return after!;
  });
}
