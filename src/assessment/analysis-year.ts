/**
 * The year rule of the analysis and the measures (ita-framework.md section 7; the LAO example
 * there: เทศบาลตำบลจุน's measures of 2566/2567 published with its analysis of 2565): the
 * measures of fiscal year N (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ N)
 * are built on the analysis of the results of N-1, and the OIT of year N asks for that analysis
 * with those measures. The results of N are announced at the end of N, so the analysis of N can
 * only feed the plan of N+1.
 */

/** The analysis year whose measures make the plan of fiscal year `planYear` (N → N-1). */
export function analysisYearForPlan(planYear: number): number {
  return planYear - 1;
}

/** The plan (and OIT) year that the analysis of `analysisYear` feeds (N-1 → N). */
export function planYearForAnalysis(analysisYear: number): number {
  return analysisYear + 1;
}
