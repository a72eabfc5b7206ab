import { and, eq, sql } from 'drizzle-orm';
import { getFramework, scoreFramework, type Respondent } from '../assessment/index.js';
import type { DbOrTx } from '../core/db/client.js';
import type { Campaign } from './campaigns.js';
import { surveyResponses } from './schema.js';

/** A campaign's result: the tool score and its indicators and questions, as the engine gives them. */
export interface CampaignScore {
  tool: 'IIT' | 'EIT';
  respondents: number;
  toolScore: number;
  indicators: { no: number; score: number }[];
  questions: { code: string; indicatorNo: number; score: number }[];
  unconfirmed: string[];
}

/** Stored answers of a campaign as the engine's respondents (ids are row numbers, not keys). */
export async function campaignRespondents(db: DbOrTx, campaign: Campaign): Promise<Respondent[]> {
  const rows = await db
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.agencyId, campaign.agencyId),
        eq(surveyResponses.campaignId, campaign.id),
      ),
    );
  return rows.map((r, i) => ({ id: `r${i + 1}`, answers: r.answers }));
}

/**
 * Scores respondents with the assessment engine (`scoreFramework`), exactly as the official
 * tools: the engine needs all ten indicators, so the other tools' indicators are filled with
 * 0 and only this tool's numbers are returned (the total and level would be meaningless).
 * Returns null when there is no respondent yet.
 */
export function scoreRespondents(
  fiscalYear: number,
  tool: 'IIT' | 'EIT',
  respondents: Respondent[],
): CampaignScore | null {
  if (respondents.length === 0) return null;
  const framework = getFramework(fiscalYear);
  const placeholders: Record<string, number> = {};
  for (const i of framework.indicators) if (i.tool !== tool) placeholders[String(i.no)] = 0;
  const result = scoreFramework(framework, {
    fiscalYear,
    respondents,
    indicatorScores: placeholders,
  });
  const own = new Set(framework.indicators.filter((i) => i.tool === tool).map((i) => i.no));
  return {
    tool,
    respondents: respondents.length,
    toolScore: result.tools[tool],
    indicators: result.indicators.filter((i) => own.has(i.no)),
    questions: result.questions.filter((q) => own.has(q.indicatorNo)),
    unconfirmed: result.unconfirmed.filter((u) => !/^weight|^level|^target/.test(u)),
  };
}

/** The campaign's scored result from its stored answers. */
export async function scoreCampaign(db: DbOrTx, campaign: Campaign): Promise<CampaignScore | null> {
  return scoreRespondents(
    campaign.fiscalYear,
    campaign.tool,
    await campaignRespondents(db, campaign),
  );
}

/** Responses per day and per channel, for the live dashboard. */
export async function campaignCounts(db: DbOrTx, campaign: Campaign) {
  const where = and(
    eq(surveyResponses.agencyId, campaign.agencyId),
    eq(surveyResponses.campaignId, campaign.id),
  );
  const perDay = await db
    .select({ day: surveyResponses.answeredOn, count: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(where)
    .groupBy(surveyResponses.answeredOn)
    .orderBy(surveyResponses.answeredOn);
  const perChannel = await db
    .select({ channel: surveyResponses.channel, count: sql<number>`count(*)::int` })
    .from(surveyResponses)
    .where(where)
    .groupBy(surveyResponses.channel)
    .orderBy(surveyResponses.channel);
  const total = perDay.reduce((s, d) => s + Number(d.count), 0);
  return { total, perDay, perChannel };
}
