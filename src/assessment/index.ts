// Public API of the assessment module: the only import path for other modules.
// Added by the measures branch (a small, clearly-marked export): the year's ITA analysis
// as data, so that measures can be created from its section 2. The framework branch owns
// this file and may extend it.
import { readFileSync } from 'node:fs';
import { ItaAnalysis } from './library/analysis-schema.js';

export type { ItaAnalysis } from './library/analysis-schema.js';

const ANALYSES: Record<string, URL> = {
  'phothong:2566': new URL('./library/fy2566-phothong-analysis.json', import.meta.url),
};

/**
 * The ITA analysis (รายงานการวิเคราะห์ผลการประเมิน) of an agency for a Buddhist-era fiscal
 * year, or null when none is stored. Validated with zod on every read.
 */
export function getAnalysis(agencySlug: string, fiscalYear: number): ItaAnalysis | null {
  const file = ANALYSES[`${agencySlug}:${fiscalYear}`];
  if (!file) return null;
  return ItaAnalysis.parse(JSON.parse(readFileSync(file, 'utf8')));
}
