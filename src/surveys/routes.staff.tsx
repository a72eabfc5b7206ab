import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { can } from '../core/auth/permissions.js';
import type { AppEnv } from '../core/http/env.js';
import { FRESH_FORM, submitForm, type FormState } from '../core/http/form.js';
import { typedInteger } from '../core/validation/typed-number.js';
import { formFields, requirePermission } from '../core/http/middleware.js';
import { uuidParam } from '../core/http/params.js';
import { findOfficialResultForYear, minimumSample } from '../assessment/index.js';
import { compareWithOfficial, officialToolResult } from './compare-with-official.js';
import {
  createCampaign,
  CreateCampaignInput,
  getCampaign,
  listCampaigns,
  updateCampaignPopulation,
  UpdateCampaignPopulationInput,
  type Campaign,
} from './campaigns.js';
import { issueAccessCodes } from './access-codes.js';
import { sendAccessCodes } from './send-access-codes.js';
import { campaignCounts, scoreCampaign } from './score-campaign.js';
import { exportTable, toCsv, toXlsx } from './export-responses.js';
import { qrSvg } from './render-qr-code.js';
import { CHANNELS, purgeExpiredDrafts } from './answer-survey.js';
import { defaultCampaignYear, surveyShape } from './survey-pages.js';
import { canEditWording, updateQuestionWording } from './update-question-wording.js';
import { CampaignsPage } from './views/campaigns-page.js';
import { CampaignPage } from './views/campaign-page.js';
import { CodeSlipsPage, PosterPage } from './views/print-pages.js';

export const surveysStaffRoutes = new Hono<AppEnv>();
surveysStaffRoutes.use('*', requirePermission('surveys.view'));

/** Absolute public URL of a campaign (what the QR code and e-mails carry). */
export function publicSurveyUrl(c: Context<AppEnv>, campaign: Campaign, channel?: string): string {
  const origin = c.get('config').baseUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
  const slug = c.get('agency')!.slug;
  return `${origin}/a/${slug}/surveys/${campaign.id}${channel ? `?ch=${channel}` : ''}`;
}

/** The short address printed on slips: the campaign's first 8 id characters (a redirect). */
export function shortSurveyUrl(c: Context<AppEnv>, campaign: Campaign): string {
  return publicSurveyUrl(c, { ...campaign, id: campaign.id.slice(0, 8) });
}

/** The campaign list and its new-campaign form, filled in after a refusal. */
async function campaignsPage(c: Context<AppEnv>, form: FormState = FRESH_FORM) {
  const list = await listCampaigns(c.get('ctx').db, c.get('ctx').agencyId);
  const defaultYear = defaultCampaignYear(
    list.map((x) => x.fiscalYear),
    c.get('ctx').now(),
  );
  return (
    <CampaignsPage
      list={list}
      defaultYear={defaultYear}
      errors={form.errors}
      values={form.values}
      message={form.message}
    />
  );
}

surveysStaffRoutes.get('/', async (c) => c.render(await campaignsPage(c)));

surveysStaffRoutes.post('/', requirePermission('surveys.manage'), async (c) =>
  submitForm(c, {
    schema: CreateCampaignInput,
    run: (_, sent) => createCampaign(c.get('ctx'), sent.values as CreateCampaignInput),
    redirect: (campaign) => `/staff/surveys/${campaign.id}?notice=surveys.created`,
    page: (form) => campaignsPage(c, form),
  }),
);

/** The campaign dashboard; also what a refused population, codes or e-mail form re-renders. */
async function campaignPage(
  c: Context<AppEnv>,
  campaign: Campaign,
  forms: { population?: FormState; codes?: FormState; emails?: FormState } = {},
) {
  const ctx = c.get('ctx');
  const score = await scoreCampaign(ctx.db, campaign);
  const officialRow = await findOfficialResultForYear(ctx.db, ctx.agencyId, campaign.fiscalYear);
  const official = officialRow && score ? officialToolResult(officialRow, score) : null;
  const canManage = can(ctx.actor, 'surveys.manage');
  const channels = campaign.tool === 'EIT' ? CHANNELS.filter((ch) => ch !== 'other') : [];
  return (
    <CampaignPage
      campaign={campaign}
      counts={await campaignCounts(ctx.db, campaign)}
      score={score}
      official={officialRow ? { isDemo: officialRow.isDemo } : null}
      comparison={official && score ? compareWithOfficial(score, official) : null}
      minimum={minimumSample(campaign.fiscalYear, campaign.tool, campaign.stakeholderPopulation)}
      shape={surveyShape(campaign.fiscalYear, campaign.tool)}
      canManage={canManage}
      canEditWording={canManage && (await canEditWording(ctx.db, campaign, new Date()))}
      links={{
        url: publicSurveyUrl(c, campaign),
        channels: channels.map((channel) => ({
          channel,
          url: publicSurveyUrl(c, campaign, channel),
        })),
      }}
      forms={forms}
    />
  );
}

/** This agency's campaign of the URL, or 404 (before any form is read). */
async function campaignOf(c: Context<AppEnv>): Promise<Campaign> {
  return getCampaign(c.get('ctx').db, c.get('ctx').agencyId, uuidParam(c, 'id'));
}

surveysStaffRoutes.get('/:id', async (c) => {
  const ctx = c.get('ctx');
  const campaign = await campaignOf(c);
  // Abandoned drafts go when someone looks at the results: no scheduler needed.
  await purgeExpiredDrafts(ctx.db, new Date());
  return c.render(await campaignPage(c, campaign));
});

surveysStaffRoutes.post('/:id/population', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  // Looked up before the form is read: another agency's id is a 404, never a 422.
  const campaign = await campaignOf(c);
  return submitForm(c, {
    schema: UpdateCampaignPopulationInput,
    run: (_, sent) =>
      updateCampaignPopulation(ctx, campaign.id, sent.values as UpdateCampaignPopulationInput),
    redirect: () => `/staff/surveys/${campaign.id}?notice=surveys.populationSaved#population`,
    page: (population) => campaignPage(c, campaign, { population }),
  });
});

surveysStaffRoutes.post('/:id/wording', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  const campaign = await campaignOf(c);
  await updateQuestionWording(ctx, campaign.id, await formFields(c));
  return c.redirect(`/staff/surveys/${campaign.id}?notice=surveys.wordingSaved#wording`, 303);
});

surveysStaffRoutes.post('/:id/codes', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  const campaign = await campaignOf(c);
  return submitForm(c, {
    schema: z.object({
      count: typedInteger({ min: 1, max: 2000, message: 'surveys.errors.codeCount' }),
    }),
    run: ({ count }) => issueAccessCodes(ctx, campaign.id, count),
    respond: (codes) => printedCodes(c, campaign, codes),
    page: (codes) => campaignPage(c, campaign, { codes }),
  });
});

/** The access codes, once, as slips to print and cut (only their hashes are stored). */
async function printedCodes(c: Context<AppEnv>, campaign: Campaign, codes: string[]) {
  const shortUrl = shortSurveyUrl(c, campaign);
  const qr = await qrSvg(shortUrl);
  return c.render(
    <CodeSlipsPage campaign={campaign} codes={codes} shortUrl={shortUrl} qrSvg={qr} />,
  );
}

surveysStaffRoutes.post('/:id/codes/email', requirePermission('surveys.manage'), async (c) => {
  const ctx = c.get('ctx');
  const campaign = await campaignOf(c);
  return submitForm(c, {
    schema: z.object({ emails: z.string().max(100_000).default('') }),
    run: (form) =>
      sendAccessCodes(ctx, campaign, {
        emails: form.emails.split(/[\s,;]+/).filter(Boolean),
        smtpUrl: c.get('config').smtpUrl,
        from: c.get('config').mailFrom,
        surveyUrl: publicSurveyUrl(c, campaign),
      }),
    redirect: () => `/staff/surveys/${campaign.id}?notice=surveys.emailed`,
    page: (emails) => campaignPage(c, campaign, { emails }),
  });
});

surveysStaffRoutes.get('/:id/poster', async (c) => {
  const campaign = await campaignOf(c);
  const url = publicSurveyUrl(c, campaign, 'qr');
  return c.render(<PosterPage campaign={campaign} url={url} qrSvg={await qrSvg(url)} />);
});

const download = (c: Context<AppEnv>, body: string | Buffer, type: string, name: string) =>
  c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`,
  });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

surveysStaffRoutes.get('/:id/:file{(answers|results)\\.(csv|xlsx)}', async (c) => {
  const ctx = c.get('ctx');
  const campaign = await campaignOf(c);
  const file = c.req.param('file');
  const table = await exportTable(
    ctx.db,
    campaign,
    file.startsWith('answers') ? 'answers' : 'results',
  );
  const name = `${campaign.tool.toLowerCase()}-${campaign.fiscalYear}-${file}`;
  return file.endsWith('.csv')
    ? download(c, toCsv(table), 'text/csv; charset=utf-8', name)
    : download(c, await toXlsx(table, file.split('.')[0]!), XLSX, name);
});
