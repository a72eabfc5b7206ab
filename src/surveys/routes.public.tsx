import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { clearCookie, requestCookie } from '../core/http/cookies.js';
import type { AppEnv } from '../core/http/env.js';
import { renderSameForAnyone } from '../core/http/render-page.js';
import { clientAddress } from '../core/http/client-address.js';
import { isCookieSecure } from '../core/http/https.js';
import { formFields, setLateHeader } from '../core/http/middleware.js';
import { submitForm, type FormState } from '../core/http/form.js';
import { uuidParam } from '../core/http/params.js';
import { NotFoundError } from '../core/errors.js';
import { abuseControl } from './abuse-control.js';
import { findDraft, startDraft, toChannel } from './answer-survey.js';
import { answerSurveyPage, THANK_YOU_OUTCOMES } from './answer-survey-page.js';
import { getPublicCampaign, isCampaignOpen, listCampaigns, type Campaign } from './campaigns.js';
import { normaliseCode } from './access-codes.js';
import { DRAFT_COOKIE } from './submit-last-eit-page.js';
import { surveyShape, type SurveyPage, type SurveyShape } from './survey-pages.js';
import { CampaignStartPage, QuestionPage, ThankYouPage } from './views/public-pages.js';

export { THANK_YOU_OUTCOMES };

/** The IIT access code, kept by the respondent's browser from the start to the final POST. */
const IIT_CODE_COOKIE = 'prongsai_iit_code';

export const surveysPublicRoutes = new Hono<AppEnv>();

// Every survey page is per respondent (CSRF token, draft answers, submission key): never
// cached, by a browser, a proxy or the app's shared page cache.
surveysPublicRoutes.use('*', async (c, next) => {
  await next();
  setLateHeader(c, 'Cache-Control', 'no-store');
});

const base = (c: Context<AppEnv>, campaign: Campaign) =>
  `/a/${c.get('publicAgency').slug}/surveys/${campaign.id}`;

async function loadCampaign(c: Context<AppEnv>): Promise<Campaign> {
  return getPublicCampaign(c.get('database').db, c.get('publicAgency').id, uuidParam(c, 'id'));
}

/** The campaign's first page as GET shows it; a refused start passes what was typed. */
async function startPage(c: Context<AppEnv>, campaign: Campaign, form?: FormState) {
  const draft = await findDraft(c.get('database').db, campaign, requestCookie(c, DRAFT_COOKIE));
  const channel = form?.values.ch ?? c.req.query('ch');
  return (
    <CampaignStartPage
      campaign={campaign}
      isOpen={isCampaignOpen(campaign, new Date())}
      hasDraft={!!draft}
      channel={toChannel(typeof channel === 'string' ? channel : undefined, campaign.tool)}
      base={base(c, campaign)}
      {...(form ? { form } : {})}
    />
  );
}

/** A page of questions, posting back to itself; a refused POST passes what was sent. */
function questionPage(
  c: Context<AppEnv>,
  props: Omit<Parameters<typeof QuestionPage>[0], 'action'>,
) {
  return <QuestionPage {...props} action={`${base(c, props.campaign)}/p/${props.page.no}`} />;
}

function pageNo(c: Context<AppEnv>, shape: SurveyShape): SurveyPage {
  const n = Number(c.req.param('n'));
  const page = Number.isInteger(n) ? shape.pages[n - 1] : undefined;
  if (!page) throw new NotFoundError();
  return page;
}

/** Only the outcome differs between respondents' thank-you pages; the campaign is in the URL. */
function thankYou(c: Context<AppEnv>, campaign: Campaign, outcome: string) {
  clearCookie(c, DRAFT_COOKIE, { path: base(c, campaign) });
  if (campaign.tool === 'IIT') clearCookie(c, IIT_CODE_COOKIE, { path: base(c, campaign) });
  return renderSameForAnyone(
    c,
    outcome,
    Object.fromEntries(
      THANK_YOU_OUTCOMES.map((o) => [
        o,
        () => <ThankYouPage campaign={campaign} outcome={o} agency={c.get('publicAgency')} />,
      ]),
    ),
  );
}

/**
 * The respondent's cookies from the start to the final POST, on this campaign's path only: the
 * draft's random token, and for IIT the access code, which stays with the respondent until the
 * final POST spends it (the draft in the database never holds it, docs/decisions/0005).
 */
function keepDraftCookies(
  c: Context<AppEnv>,
  campaign: Campaign,
  token: string,
  code: string | undefined,
) {
  const cookie = {
    path: base(c, campaign),
    httpOnly: true,
    sameSite: 'Lax',
    secure: isCookieSecure(c),
    maxAge: 14 * 86_400,
  } as const;
  setCookie(c, DRAFT_COOKIE, token, cookie);
  if (campaign.tool === 'IIT' && code) setCookie(c, IIT_CODE_COOKIE, normaliseCode(code), cookie);
}

/** The start form: a channel (EIT) or an access code (IIT), as typed; the use case checks it. */
const StartForm = z.object({
  ch: z.string().optional(),
  code: z
    .string()
    .optional()
    .transform((code) => code?.slice(0, 40)),
});

/**
 * The short link printed on code slips and posters (`…/surveys/<first 8 characters of the
 * campaign id>`), easy to type from paper: it sends the visitor on to the campaign.
 */
surveysPublicRoutes.get('/:short{[0-9a-f]{8}}', async (c) => {
  const agency = c.get('publicAgency');
  const short = c.req.param('short');
  const found = (await listCampaigns(c.get('database').db, agency.id)).filter((x) =>
    x.id.startsWith(short),
  );
  if (found.length !== 1) throw new NotFoundError();
  return c.redirect(base(c, found[0]!), 302);
});

surveysPublicRoutes.get('/:id', async (c) => c.render(await startPage(c, await loadCampaign(c))));

surveysPublicRoutes.post('/:id/start', async (c) => {
  const campaign = await loadCampaign(c);
  const now = new Date();
  // The address only ever goes into abuse control's rotating keyed hash.
  await abuseControl.hit(c.get('database'), clientAddress(c), now);
  return submitForm(c, {
    schema: StartForm,
    run: async ({ ch, code }) => {
      const channel = toChannel(ch, campaign.tool);
      const { token } = await startDraft(c.get('database').db, campaign, { channel, code, now });
      keepDraftCookies(c, campaign, token, code);
    },
    redirect: () => `${base(c, campaign)}/p/1`,
    page: (form) => startPage(c, campaign, form),
  });
});

surveysPublicRoutes.get('/:id/p/:n', async (c) => {
  const campaign = await loadCampaign(c);
  const draft = await findDraft(c.get('database').db, campaign, requestCookie(c, DRAFT_COOKIE));
  if (!draft) return c.redirect(base(c, campaign), 303);
  const shape = surveyShape(campaign.fiscalYear, campaign.tool, campaign.extraQuestions);
  const page = pageNo(c, shape);
  return c.render(questionPage(c, { campaign, shape, page, draft }));
});

/** A page's POST: saves it and moves on, or (last page) submits; "thank you" only after commit. */
surveysPublicRoutes.post('/:id/p/:n', async (c) => {
  const campaign = await loadCampaign(c);
  const shape = surveyShape(campaign.fiscalYear, campaign.tool, campaign.extraQuestions);
  const page = pageNo(c, shape);
  const body = await formFields(c, { all: true });
  const result = await answerSurveyPage(c.get('database'), {
    ...{ campaign, shape, page, body, now: new Date(), address: clientAddress(c) },
    ...{ token: requestCookie(c, DRAFT_COOKIE), code: requestCookie(c, IIT_CODE_COOKIE) },
  });
  if (result.next === 'thanks') return thankYou(c, campaign, result.outcome);
  if (result.next === 'start') return c.redirect(base(c, campaign), 303);
  if (result.next === 'page') return c.redirect(`${base(c, campaign)}/p/${result.pageNo}`, 303);
  c.status(422);
  const { draft, errors } = result;
  return c.render(questionPage(c, { campaign, shape, page, draft, errors, values: body }));
});
