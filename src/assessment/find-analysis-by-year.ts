import type { DbOrTx } from '../core/db/client.js';
import { findAnalysis, listAnalysisAreas } from './queries.js';
import type { StoredMeasureRow } from './schema.js';

/** One issue area of a year's analysis, as other modules see it. */
export interface AnalysisAreaSummary {
  areaCode: string;
  no: number;
  nameTh: string;
  findingsTh: string[];
  improvementsTh: string[];
  measures: StoredMeasureRow[];
}

/** A year's analysis as other modules see it: its texts and, per area, findings and measures. */
export interface AnalysisSummary {
  fiscalYear: number;
  titleTh: string;
  limitationsTh: string;
  areas: AnalysisAreaSummary[];
}

/**
 * The analysis of a year (texts and per-area findings/measures), or null when not started.
 * Only these fields leave the module, so the analysis tables can change without the
 * measures plan that starts from it noticing.
 * @example const analysis = await findAnalysisByYear(ctx.db, ctx.agencyId, fiscalYear - 1);
 */
export async function findAnalysisByYear(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<AnalysisSummary | null> {
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
