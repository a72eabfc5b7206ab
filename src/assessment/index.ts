/**
 * The assessment module's public API: the ONLY import path for other modules (measures,
 * surveys, disclosure). Everything here is read-only or a use case taking `(ctx, input)`.
 */
import type { DbOrTx } from '../core/db/client.js';
import { getFramework } from './frameworks/load-frameworks.js';
import { flagWeakQuestions, type WeakQuestionsByArea } from './flag-weak-questions.js';
import {
  findAnalysis,
  findOfficialResult,
  findWeakQuestionSettings,
  listAnalysisAreas,
  listOfficialResults,
  type OfficialResultRow,
} from './queries.js';
import { getRecommendationLibrary } from './library/load-library.js';
import type { StoredMeasureRow } from './schema.js';

export {
  getFramework,
  listFrameworkYears,
  UnknownFrameworkYearError,
} from './frameworks/load-frameworks.js';
export type {
  ItaFramework,
  FrameworkIndicator,
  SurveyQuestion,
  OitItem,
  IssueArea,
  ToolCode,
  Confidence,
  AnswerScale,
  MinimumSampleRule,
} from './frameworks/framework-schema.js';
export {
  minimumSample,
  applyMinimumSampleRule,
  describeMinimumSampleRule,
  type MinimumSample,
  type MinimumSampleBasis,
  type SurveyToolCode,
} from './minimum-sample.js';
export {
  scoreFramework,
  compareStatedLevel,
  ScoreInputError,
  type ScoreInput,
  type ScoreResult,
  type Respondent,
  type StatedLevelComparison,
} from './score-framework.js';
export { diffFrameworks, type FrameworkDiff } from './diff-frameworks.js';
/** Officer-facing wording of rule sources and confidence; DEVELOPER_TEXT is what must never show. */
export {
  DEVELOPER_TEXT,
  assumptionTh,
  confidenceTh,
  explanationTh,
  sourceTh,
  withoutDeveloperNotes,
} from './officer-text.js';
/** The "ที่มาของเกณฑ์นี้" detail for staff pages. */
export { RuleSourceDetails } from './views/rule-source.js';
export type {
  WeakQuestionRule,
  WeakQuestionsByArea,
  FlaggedQuestion,
} from './flag-weak-questions.js';
export type { OfficialResultRow } from './queries.js';
export type { StoredMeasureRow } from './schema.js';
export {
  importOfficialResults,
  previewOfficialResults,
  ResultsFileRefusedError,
} from './import-official-results.js';
export { startAnalysis } from './start-analysis.js';
/** Where last year's item or question continues this year (the framework's item mapping). */
export { mapItemCode } from './map-item-codes.js';
/** Copies last year's weak-question settings into a new year, renamed through the mapping. */
export {
  copyWeakQuestionSettingsForward,
  type CopyWeakQuestionSettingsResult,
} from './copy-weak-question-settings.js';
export {
  buildItaAnalysisReport,
  renderItaAnalysisReport,
  reportFileName,
} from './documents/ita-analysis-report.js';
export { gatherReportData, type ReportData } from './gather-report-data.js';

/** Fiscal years the agency has assessment data for (a result or an analysis): where pages open. */
export { listAssessmentDataYears } from './queries.js';
/** The year rule: the plan of FY N is built on the analysis of N-1 (ita-framework.md §7). */
export { analysisYearForPlan, planYearForAnalysis } from './analysis-year.js';

/**
 * The official ITA results (newest import per fiscal year) of an agency, ascending by year.
 * @example const history = await listOfficialResultsByYear(ctx.db, ctx.agencyId);
 */
export async function listOfficialResultsByYear(
  db: DbOrTx,
  agencyId: string,
): Promise<OfficialResultRow[]> {
  return listOfficialResults(db, agencyId);
}

/** The official result of one fiscal year, or null when none was imported. */
export async function findOfficialResultForYear(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<OfficialResultRow | null> {
  return findOfficialResult(db, agencyId, fiscalYear);
}

/**
 * The weak questions of a year (the agency's rule plus manual additions/removals), grouped by
 * issue area. Empty areas when no question-level result was imported and nothing was added.
 */
export async function listWeakQuestionsByYear(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<WeakQuestionsByArea> {
  const framework = getFramework(fiscalYear);
  const [result, settings] = await Promise.all([
    findOfficialResult(db, agencyId, fiscalYear),
    findWeakQuestionSettings(db, agencyId, fiscalYear),
  ]);
  return flagWeakQuestions(framework, result?.questionScores ?? [], settings.rule, {
    add: settings.addedCodes,
    remove: settings.removedCodes,
  });
}

/** One issue area of a year's analysis, as other modules see it. */
export interface AnalysisAreaSummary {
  areaCode: string;
  no: number;
  nameTh: string;
  findingsTh: string[];
  improvementsTh: string[];
  measures: StoredMeasureRow[];
}

/**
 * The analysis of a year (texts and per-area findings/measures), or null when not started.
 */
export async function findAnalysisByYear(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<{
  fiscalYear: number;
  titleTh: string;
  limitationsTh: string;
  areas: AnalysisAreaSummary[];
} | null> {
  const analysis = await findAnalysis(db, agencyId, fiscalYear);
  if (!analysis) return null;
  const areas = await listAnalysisAreas(db, agencyId, fiscalYear);
  return {
    fiscalYear,
    titleTh: analysis.titleTh,
    limitationsTh: analysis.limitationsTh,
    areas: areas.map(({ areaCode, no, nameTh, findingsTh, improvementsTh, measures }) => ({
      areaCode,
      no,
      nameTh,
      findingsTh,
      improvementsTh,
      measures,
    })),
  };
}

/** A measure template drawn from the analysis, for the measures module to start a plan from. */
export interface MeasureTemplate extends StoredMeasureRow {
  issueAreaCode: string;
  issueAreaNameTh: string;
}

/**
 * Measure templates for a year's plan: the measures of the agency's analysis of that year, or,
 * when no analysis exists, the library's template per issue area (placeholders left as
 * `{{agencyName}}` for the caller to fill).
 */
export async function listMeasureTemplates(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<MeasureTemplate[]> {
  const areas = await listAnalysisAreas(db, agencyId, fiscalYear);
  if (areas.length > 0) {
    return areas.flatMap((a) =>
      a.measures.map((m) => ({ ...m, issueAreaCode: a.areaCode, issueAreaNameTh: a.nameTh })),
    );
  }
  return getRecommendationLibrary().issueAreas.map((a) => ({
    ...a.measureTemplate,
    issueAreaCode: a.code,
    issueAreaNameTh: a.nameTh,
  }));
}
