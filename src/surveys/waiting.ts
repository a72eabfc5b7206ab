import type { AgencyContext } from '../core/context.js';
import type { WaitingItem } from '../core/module.js';
import { can } from '../core/auth/permissions.js';
import { minimumSample } from '../assessment/index.js';
import { isCampaignOpen, listCampaigns } from './campaigns.js';
import { campaignCounts } from './score-campaign.js';

/**
 * What waits in the surveys module: each open campaign whose answers are still short of the
 * minimum sample (กลุ่มตัวอย่างขั้นต่ำ), with how many more are needed.
 */
export async function surveysWaiting(ctx: AgencyContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, 'surveys.view')) return [];
  const out: WaitingItem[] = [];
  for (const campaign of await listCampaigns(ctx.db, ctx.agencyId)) {
    if (!isCampaignOpen(campaign, ctx.now())) continue;
    const { total } = await campaignCounts(ctx.db, campaign);
    const { sample } = minimumSample(
      campaign.fiscalYear,
      campaign.tool,
      campaign.stakeholderPopulation,
    );
    if (total >= sample) continue;
    out.push({
      label: 'surveys.waiting.sampleShort',
      count: sample - total,
      href: `/staff/surveys/${campaign.id}`,
      params: { tool: campaign.tool, year: campaign.fiscalYear, have: total, need: sample },
    });
  }
  return out;
}
