import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { audit } from '../core/audit/audit.js';
import { agencies } from '../core/agencies/schema.js';
import { findLibraryAnalysis } from './library/load-library.js';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { getFramework } from './frameworks/load-frameworks.js';
import { importOfficialResults } from './import-official-results.js';
import { findAnalysis, findOfficialResult } from './queries.js';
import { scoreFramework } from './score-framework.js';
import { assessmentAnalyses, assessmentAnalysisAreas, assessmentResults } from './schema.js';
import { startAnalysis } from './start-analysis.js';
import { findPublishedAnalysisReport, publishAnalysisReport } from './publish-analysis-report.js';

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
export async function seedAssessment(
  ctx: AgencyContext,
  options: { dataDir?: string } = {},
): Promise<void> {
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
  await loadShippedAnalysis(ctx, 2566);
  await startAnalysis(ctx, { fiscalYear: 2566, isDemo: true });
  if (options.dataDir) await publishDemoReport(ctx, 2566, options.dataDir);
}

/**
 * Publishes the demo analysis report once, as the demo's mayor would, so the demo OIT site
 * links it: a report is public only once published (publish-analysis-report.ts). Without
 * Chromium (start.sh could not install it) the demo still starts, without the published report.
 */
async function publishDemoReport(ctx: AgencyContext, fiscalYear: number, dataDir: string) {
  if (!(await findAnalysis(ctx.db, ctx.agencyId, fiscalYear))) return;
  if (await findPublishedAnalysisReport(ctx.db, ctx.agencyId, fiscalYear)) return;
  // The seeding actor keeps its instance-level right: `serve` seeds before the app registers
  // the modules' permissions, so a role alone would not carry assessment.publish yet.
  const mayor: AgencyContext = {
    ...ctx,
    actor: { ...ctx.actor, label: 'seed', roles: ['executive'] },
  };
  try {
    await publishAnalysisReport(mayor, fiscalYear, { dataDir });
  } catch (error) {
    process.emitWarning(
      `demo analysis report not published (ไม่ได้เผยแพร่รายงานตัวอย่าง): ${(error as Error).message}`,
    );
  }
}

/**
 * The demo agency's published analysis (the seed report, shipped in library/) as its analysis
 * of that year, so the demo opens on real text. Seed data only: every other agency's analysis
 * is started from its own results (startAnalysis) and written by its staff.
 */
async function loadShippedAnalysis(ctx: AgencyContext, fiscalYear: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (await findAnalysis(tx, ctx.agencyId, fiscalYear)) return;
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, ctx.agencyId));
    const shipped = agency ? findLibraryAnalysis(agency.slug, fiscalYear) : null;
    if (!shipped) return;
    const q = scoped(tx, ctx.agencyId);
    await q.insert(assessmentAnalyses, {
      fiscalYear,
      titleTh: shipped.titleTh,
      forewordTh: shipped.forewordTh.join('\n\n'),
      resultSummaryTh: shipped.resultSummaryTh,
      overviewTh: shipped.analysisOverviewTh,
      limitationsTh: shipped.limitationsTh,
      useThaiDigits: true,
      isDemo: true,
    });
    await q.insert(
      assessmentAnalysisAreas,
      shipped.issueAreas.map((area) => ({
        fiscalYear,
        areaCode: area.issueAreaCode,
        no: area.no,
        nameTh: area.nameTh,
        findingsTh: [
          ...(area.introTh ? [area.introTh] : []),
          ...area.citations.map((c) => `${c.code ?? c.originalCode} ${c.findingTh}`),
        ],
        improvementsTh: area.developmentTh,
        measures: shipped.measures
          .filter((m) => m.issueAreaCode === area.issueAreaCode)
          .map(({ issueAreaCode: _code, ...row }) => row),
      })),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'assessment.analysis.start',
      entityType: 'assessment_analysis',
      entityId: String(fiscalYear),
      after: { fiscalYear, fromShippedAnalysis: true },
    });
  });
}
