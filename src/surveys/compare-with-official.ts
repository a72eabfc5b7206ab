import type { OfficialResultRow } from '../assessment/index.js';
import type { CampaignScore } from './score-campaign.js';

/** The NACC's published result of one tool for a year (ผลการประเมินทางการ). */
export interface OfficialToolResult {
  fiscalYear: number;
  tool: 'IIT' | 'EIT';
  toolScore: number;
  indicators: { no: number; score: number }[];
}

export interface OfficialComparison {
  tool: 'IIT' | 'EIT';
  ours: number;
  official: number;
  difference: number;
  indicators: { no: number; ours: number | null; official: number; difference: number | null }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One tool's part of an imported official result (assessment's `findOfficialResultForYear`):
 * the tool score and the indicators the campaign scored (IIT 1–5, EIT 6–8). Null when the
 * import has no score for the tool.
 */
export function officialToolResult(
  row: OfficialResultRow,
  ours: CampaignScore,
): OfficialToolResult | null {
  const toolScore = row.toolScores[ours.tool];
  if (toolScore === undefined) return null;
  const ourIndicators = new Set(ours.indicators.map((i) => i.no));
  return {
    fiscalYear: row.fiscalYear,
    tool: ours.tool,
    toolScore,
    indicators: row.indicatorScores.filter((i) => ourIndicators.has(i.no)),
  };
}

/** Compares a campaign's own result with the official one of the same year and tool. */
export function compareWithOfficial(
  ours: CampaignScore,
  official: OfficialToolResult,
): OfficialComparison {
  if (official.tool !== ours.tool) throw new Error(`tool mismatch ${official.tool}/${ours.tool}`);
  return {
    tool: ours.tool,
    ours: ours.toolScore,
    official: official.toolScore,
    difference: round2(ours.toolScore - official.toolScore),
    indicators: official.indicators.map((o) => {
      const mine = ours.indicators.find((i) => i.no === o.no)?.score ?? null;
      return {
        no: o.no,
        ours: mine,
        official: o.score,
        difference: mine === null ? null : round2(mine - o.score),
      };
    }),
  };
}
