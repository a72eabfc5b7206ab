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
 * Compares a campaign's own result with the official one of the same year and tool. The
 * assessment module does not yet expose imported official results (src/assessment/index.ts
 * is absent), so the caller passes them; when it lands, the dashboard reads them from there.
 */
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
