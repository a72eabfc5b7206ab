import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { assessmentAnalyses } from './schema.js';
import { cleanText, requiredText } from '../core/validation/text.js';

export const UpdateAnalysisInput = z.object({
  titleTh: requiredText(500),
  forewordTh: cleanText({ max: 20_000 }),
  resultSummaryTh: cleanText({ max: 20_000 }),
  overviewTh: cleanText({ max: 20_000 }),
  limitationsTh: cleanText({ max: 20_000 }),
  useThaiDigits: z.boolean(),
});
export type UpdateAnalysisInput = z.input<typeof UpdateAnalysisInput>;

/** The analysis form: the use case's own rules, with the checkbox read as a boolean. */
export const AnalysisForm = z.preprocess(
  // A text left out of the request (a client posting only the title) reads as empty, as an
  // empty textarea does, rather than as an error on a field the user never saw.
  (raw) => ({
    forewordTh: '',
    resultSummaryTh: '',
    overviewTh: '',
    limitationsTh: '',
    ...(raw as object),
  }),
  UpdateAnalysisInput.extend({ useThaiDigits: z.unknown().transform((v) => v === '1') }),
);

/** Saves the year's foreword, summaries, limitations and report options (NotFound if not started). */
export async function updateAnalysis(
  ctx: AgencyContext,
  fiscalYear: number,
  input: UpdateAnalysisInput,
) {
  const data = UpdateAnalysisInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const where = eq(assessmentAnalyses.fiscalYear, fiscalYear);
    const before = await q.get(assessmentAnalyses, where);
    const [after] = await q.update(assessmentAnalyses, { ...data, updatedAt: ctx.now() }, where);
    await audit(tx, ctx, ctx.agencyId, {
      action: 'assessment.analysis.update',
      entityType: 'assessment_analysis',
      entityId: String(fiscalYear),
      before,
      after,
    });
    return after!;
  });
}
