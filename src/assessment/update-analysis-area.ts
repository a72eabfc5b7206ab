import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { assessmentAnalysisAreas } from './schema.js';
import { cleanText } from '../core/validation/text.js';

const lines = z.array(cleanText({ max: 5_000 }).pipe(z.string().min(1))).max(50);

export const MeasureRowInput = z.object({
  measureTh: cleanText({ min: 1, max: 2_000 }),
  methodsTh: lines.min(1),
  stepsTh: lines.min(1),
  responsibleUnitTh: cleanText({ min: 1, max: 500 }),
  timelineTh: cleanText({ min: 1, max: 2_000 }),
});

export const UpdateAnalysisAreaInput = z.object({
  findingsTh: lines,
  improvementsTh: lines,
  measures: z.array(MeasureRowInput).max(20),
});
export type UpdateAnalysisAreaInput = z.input<typeof UpdateAnalysisAreaInput>;

/** A text area's lines, trimmed, blank ones dropped. */
const linesOf = (text: unknown) =>
  String(text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The measure rows of an issue-area form (`measures.<i>.<field>`), blank rows dropped. */
export function areaFromForm(body: Record<string, unknown>): UpdateAnalysisAreaInput {
  const measures: {
    measureTh: string;
    methodsTh: string[];
    stepsTh: string[];
    responsibleUnitTh: string;
    timelineTh: string;
  }[] = [];
  for (let i = 0; i < 40 && `measures.${i}.measureTh` in body; i++) {
    const field = (name: string) => String(body[`measures.${i}.${name}`] ?? '').trim();
    if (!field('measureTh')) continue;
    measures.push({
      measureTh: field('measureTh'),
      methodsTh: linesOf(field('methodsTh')),
      stepsTh: linesOf(field('stepsTh')),
      responsibleUnitTh: field('responsibleUnitTh'),
      timelineTh: field('timelineTh'),
    });
  }
  return {
    findingsTh: linesOf(body.findingsTh),
    improvementsTh: linesOf(body.improvementsTh),
    measures,
  };
}

/** Saves one issue area's findings, improvements and measures table rows. */
export async function updateAnalysisArea(
  ctx: AgencyContext,
  fiscalYear: number,
  areaCode: string,
  input: UpdateAnalysisAreaInput,
) {
  const data = UpdateAnalysisAreaInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const where = and(
      eq(assessmentAnalysisAreas.fiscalYear, fiscalYear),
      eq(assessmentAnalysisAreas.areaCode, areaCode),
    )!;
    const before = await q.get(assessmentAnalysisAreas, where);
    const [after] = await q.update(
      assessmentAnalysisAreas,
      { ...data, updatedAt: ctx.now() },
      where,
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'assessment.analysis.area.update',
      entityType: 'assessment_analysis_area',
      entityId: `${fiscalYear}/${areaCode}`,
      before,
      after,
    });
    return after!;
  });
}
