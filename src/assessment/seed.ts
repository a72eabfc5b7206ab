import { readFileSync } from 'node:fs';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { getFramework } from './frameworks/load-frameworks.js';
import { importOfficialResults } from './import-official-results.js';
import { findOfficialResult } from './queries.js';
import { scoreFramework } from './score-framework.js';
import { assessmentResults } from './schema.js';
import { startAnalysis } from './start-analysis.js';

/**
 * DEMO DATA, not a published result: a plausible 2565 year so the dashboard and the report
 * have a year-over-year comparison. There is no 2565 framework file (that year graded AA–F),
 * so the tool scores are the 2566 weighting and the grade follows the 2565 AA–F bands.
 */
const DEMO_2565_INDICATORS = [96.5, 92.1, 95.3, 90.24, 93.4, 94.8, 91.62, 90.9, 88.89, 81.25];

/** 2565 grades (สสว. annual report 2565): AA ≥ 95, A ≥ 85, B ≥ 75, C ≥ 65, D ≥ 55, E ≥ 50, F. */
function grade2565(total: number): string {
  const bands: [number, string][] = [
    [95, 'AA'],
    [85, 'A'],
    [75, 'B'],
    [65, 'C'],
    [55, 'D'],
    [50, 'E'],
  ];
  return bands.find(([min]) => total >= min)?.[1] ?? 'F';
}

/**
 * Seeds the demo agency's ITA: the seed report's 2566 indicator scores (stated level ผ่านดี),
 * its analysis and measures, and a demo 2565 result. Idempotent: each part is skipped when
 * its year already has data.
 */
export async function seedAssessment(ctx: AgencyContext): Promise<void> {
  if (!(await findOfficialResult(ctx.db, ctx.agencyId, 2566))) {
    await importOfficialResults(ctx, {
      fiscalYear: 2566,
      fileName: 'phothong-2566-indicators.csv',
      bytes: readFileSync(new URL('./fixtures/phothong-2566-indicators.csv', import.meta.url)),
      statedLevelTh: 'ผ่านดี',
      isDemo: true,
    });
  }
  if (!(await findOfficialResult(ctx.db, ctx.agencyId, 2565))) {
    const scored = scoreFramework(getFramework(2566), {
      fiscalYear: 2566,
      indicatorScores: Object.fromEntries(DEMO_2565_INDICATORS.map((s, i) => [String(i + 1), s])),
    });
    const grade = grade2565(scored.total);
    await scoped(ctx.db, ctx.agencyId).insert(assessmentResults, {
      fiscalYear: 2565,
      kind: 'indicators',
      indicatorScores: scored.indicators,
      toolScores: scored.tools,
      total: scored.total,
      levelCode: grade,
      levelLabelTh: grade,
      sourceFileName: 'ข้อมูลสาธิต (demo data, not a published result)',
      importedByLabel: ctx.actor.label,
      importedAt: ctx.now(),
      isDemo: true,
    });
  }
  await startAnalysis(ctx, { fiscalYear: 2566, isDemo: true });
}
