// The assessment module's public API: the only import path for other modules, and only what
// they use (test/architecture.test.ts fails on an export no other module imports). Everything
// here is read-only or a use case taking `(ctx, input)`.

/** The year's ITA framework (indicators, OIT items, survey questions) and the years there are. */
export {
  getFramework,
  listFrameworkYears,
  UnknownFrameworkYearError,
} from './frameworks/load-frameworks.js';
/** The framework's shapes, for modules that walk its OIT items or survey questions. */
export type {
  AnswerScale,
  ItaFramework,
  OitItem,
  SurveyQuestion,
} from './frameworks/framework-schema.js';
/** What changed between two years' frameworks (the OIT items' year-on-year view). */
export { diffFrameworks, type FrameworkDiff } from './diff-frameworks.js';
/** Where last year's item or question continues this year (the framework's item mapping). */
export { mapItemCode } from './map-item-codes.js';
/** The NACC minimum number of IIT/EIT respondents for an agency, and its rule in words. */
export { minimumSample, describeMinimumSampleRule, type MinimumSample } from './minimum-sample.js';
/** Scores a framework from survey answers and OIT ratings (a survey campaign's estimate). */
export { scoreFramework, type Respondent } from './score-framework.js';
/** Officer-facing wording of a rule's source, confidence and assumptions (never developer notes). */
export { assumptionTh, confidenceTh, sourceTh } from './officer-text.js';
/** The "ที่มาของเกณฑ์นี้" detail for staff pages. */
export { RuleSourceDetails } from './views/rule-source.js';
/** The official ITA result of one fiscal year (newest import), or null when none was imported. */
export { findOfficialResult as findOfficialResultForYear } from './queries.js';
/** An official result row, as findOfficialResultForYear returns it. */
export type { OfficialResultRow } from './queries.js';
/** Fiscal years the agency has assessment data for (a result or an analysis): where pages open. */
export { listAssessmentDataYears } from './queries.js';
/** A year's analysis (texts, findings and measures per area), for the measures plan. */
export { findAnalysisByYear } from './find-analysis-by-year.js';
/** A measure as the analysis stores it, which the measures plan copies. */
export type { StoredMeasureRow } from './schema.js';
/** Starts a year's analysis (other modules' tests set one up with it). */
export { startAnalysis } from './start-analysis.js';
/** Copies last year's weak-question settings into a new year, renamed through the mapping. */
export { copyWeakQuestionSettingsForward } from './copy-weak-question-settings.js';
/** The year rule: the plan of FY N is built on the analysis of N-1 (ita-framework.md §7). */
export { analysisYearForPlan, planYearForAnalysis } from './analysis-year.js';
