import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { ValidationError } from '../core/errors.js';
import { getFramework } from './frameworks/load-frameworks.js';
import { WeakQuestionRule } from './flag-weak-questions.js';
import { assessmentWeakQuestionSettings } from './schema.js';
import {
  normalizeTypedNumber,
  typedInteger,
  typedNumber,
} from '../core/validation/typed-number.js';

export const UpdateWeakQuestionSettingsInput = z.object({
  rule: WeakQuestionRule,
  addedCodes: z.array(z.string().regex(/^[ie][1-9][0-9]*$/)).max(100),
  removedCodes: z.array(z.string().regex(/^[ie][1-9][0-9]*$/)).max(100),
});
export type UpdateWeakQuestionSettingsInput = z.input<typeof UpdateWeakQuestionSettingsInput>;

const codes = (text: unknown) =>
  String(text ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

const codeList = z
  .string()
  .default('')
  .transform(codes)
  .pipe(z.array(z.string().regex(/^[ie][1-9][0-9]*$/, 'assessment.weak.badCode')).max(100));
const Threshold = typedNumber(z.coerce.number().min(0).max(100));
const PerIndicator = typedInteger({ min: 1, max: 30 });

/**
 * The weak-question form: the rule's one number that matters (threshold or n, Thai digits
 * accepted) is checked under its own field name, so the message sits next to its input.
 */
export const WeakQuestionsForm = z
  .object({
    kind: z.enum(['below', 'lowestPerIndicator']).catch('below'),
    threshold: z.string().default(''),
    n: z.string().default(''),
    addedCodes: codeList,
    removedCodes: codeList,
  })
  .superRefine((f, ctx) => {
    const field = f.kind === 'below' ? 'threshold' : 'n';
    const parsed = (f.kind === 'below' ? Threshold : PerIndicator).safeParse(f[field]);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', path: [field], message: parsed.error.issues[0]!.message });
    }
  })
  .transform((f) => ({
    rule:
      f.kind === 'below'
        ? { kind: 'below' as const, threshold: Number(normalizeTypedNumber(f.threshold)) }
        : { kind: 'lowestPerIndicator' as const, n: Number(normalizeTypedNumber(f.n)) },
    addedCodes: f.addedCodes,
    removedCodes: f.removedCodes,
  }));

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
