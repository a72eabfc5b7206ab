import { eq } from 'drizzle-orm';
import { audit } from '../core/audit/audit.js';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { ConflictError } from '../core/errors.js';
import { bangkokDate, type Campaign } from './campaigns.js';
import { surveyCampaigns, surveyResponses } from './schema.js';
import { surveyShape } from './survey-pages.js';

/** A question's wording is one sentence or two; anything longer is not a question. */
export const MAX_WORDING_LENGTH = 500;

/**
 * Whether the campaign's question wording may still change: before it opens, or while nobody
 * has answered. Respondents must all have read the same questions, or their answers could not
 * be scored together.
 */
export async function canEditWording(
  db: AgencyContext['db'],
  campaign: Campaign,
  now: Date,
): Promise<boolean> {
  if (bangkokDate(now) < campaign.opensOn) return true;
  const answered = await scoped(db, campaign.agencyId).find(
    surveyResponses,
    eq(surveyResponses.campaignId, campaign.id),
  );
  return !answered;
}

/**
 * Sets the agency's own wording of the campaign's framework questions, from form fields named
 * `w.<code>`. An empty field, or one equal to the framework's text, goes back to the
 * framework's wording. Texts are trimmed and cut at MAX_WORDING_LENGTH; codes that are not
 * questions of this campaign are ignored, as no form of ours sends them.
 * @throws ConflictError once the campaign is open and answered.
 */
export async function updateQuestionWording(
  ctx: AgencyContext,
  campaignId: string,
  fields: Record<string, unknown>,
): Promise<Campaign> {
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(surveyCampaigns, eq(surveyCampaigns.id, campaignId));
    if (!(await canEditWording(tx, before, ctx.now()))) {
      throw new ConflictError('surveys.errors.wordingLocked');
    }
    const shape = surveyShape(before.fiscalYear, before.tool);
    const wording: Record<string, string> = {};
    for (const question of shape.questions) {
      const raw = fields[`w.${question.code}`];
      if (typeof raw !== 'string') continue;
      const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_WORDING_LENGTH);
      const frameworkText = question.textTh ?? question.respondentTextTh;
      if (text && text !== frameworkText) wording[question.code] = text;
    }
    const [after] = await q.update(
      surveyCampaigns,
      { questionWording: wording, updatedAt: ctx.now() },
      eq(surveyCampaigns.id, campaignId),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'surveys.campaign.wording',
      entityType: 'surveys_campaign',
      entityId: campaignId,
      before: { questionWording: before.questionWording },
      after: { questionWording: after!.questionWording },
    });
    return after!;
  });
}
