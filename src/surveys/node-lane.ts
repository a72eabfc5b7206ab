import type { IncomingMessage } from 'node:http';
import { eq } from 'drizzle-orm';
import { agencies } from '../core/agencies/schema.js';
import { clearedCookie, incomingCookies } from '../core/http/cookies.js';
import type { AgencyRow } from '../core/http/env.js';
import {
  csrfMatches,
  isPlainFormPost,
  nodeClientAddress,
  readFormBody,
  writeLaneResponse,
  type NodeLane,
  type NodeLaneContext,
} from '../core/http/node-lane.js';
import { sameForAnyoneHtml } from '../core/http/render-page.js';
import { getPublicCampaign } from './campaigns.js';
import { THANK_YOU_OUTCOMES } from './answer-survey-page.js';
import type { BatchedSubmitOutcome } from './submit-eit-batch.js';
import { DRAFT_COOKIE, isCompleteLastEitPage, submitLastEitPage } from './submit-last-eit-page.js';
import { readPageAnswers, surveyShape } from './survey-pages.js';

// A survey page's POST, as the pages link it (`/a/<slug>/surveys/…`) or, on an agency served on
// its own host name, without the prefix (`/surveys/…`): core/http/create-app.tsx serves
// www.<agency>.go.th/x as /a/<slug>/x, so the lane must take both or it would silently hand
// that agency's closing day to the slow path.
const PAGE_POST =
  /^(?:\/a\/([a-z0-9][a-z0-9-]{0,62}))?\/surveys\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/p\/([1-9]\d?)$/;

/**
 * The agency of a request's URL: the slug in `/a/<slug>/…`, else the agency whose host name
 * the request came on (as the host-name routing finds it), else none (Hono answers 404).
 */
async function agencyOfRequest(
  context: NodeLaneContext,
  req: IncomingMessage,
  slug: string | undefined,
): Promise<AgencyRow | undefined> {
  if (slug) return context.agencyOfSlug(slug);
  const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  if (!host) return undefined;
  const [row] = await context.database.db
    .select({ slug: agencies.slug })
    .from(agencies)
    .where(eq(agencies.hostname, host));
  return row ? context.agencyOfSlug(row.slug) : undefined;
}

/**
 * The closing-day EIT submit, answered by the Node server before Hono: the route's hot path
 * (`isCompleteLastEitPage` → `submitLastEitPage`) with the checks of the middleware it
 * would have passed (form size and encoding, CSRF, anonymous Thai visitor) and the
 * thank-you pages the route rendered, sent with the same headers. On a closing day that is
 * most of the requests, and Hono's Request/Response pair and middleware chain cost more
 * CPU than the submit itself (docs/benchmarks.md). Anything that is not that plain case —
 * bad or tampered input, another page, "back", a missing draft, a rate limit, a database
 * error, thank-you pages not rendered in the last few seconds — goes to the Hono route,
 * which is the one definition of what happens then: the lane never answers an error and
 * stores nothing it then hands on.
 */
export function eitSubmitLane(context: NodeLaneContext): NodeLane {
  return {
    accepts: (req) =>
      req.method === 'POST' && PAGE_POST.test(req.url ?? '') && isPlainFormPost(req),
    async serve(req, res, fallback) {
      const target = req.url!;
      let outcome: BatchedSubmitOutcome;
      let base: string;
      let thanks: Map<string, string>;
      try {
        const [, slug, campaignId, pageNo] = PAGE_POST.exec(target)!;
        const agency = await agencyOfRequest(context, req, slug);
        if (!agency) return fallback();
        // The path the route renders under, after host-name routing: its pages are cached by it.
        const routePath = `/a/${agency.slug}/surveys/${campaignId}/p/${pageNo}`;
        const campaign = await getPublicCampaign(context.database.db, agency.id, campaignId!);
        const shape = surveyShape(campaign.fiscalYear, campaign.tool, campaign.extraQuestions);
        const page = shape.pages[Number(pageNo) - 1];
        // Earlier pages, and IIT, go to the route before the body is read.
        if (!page || page.no !== shape.pages.length || campaign.tool !== 'EIT') return fallback();
        const fields = await readFormBody(req);
        if (!fields || !csrfMatches(req, fields)) return fallback();
        const post = {
          campaign,
          shape,
          page,
          body: fields,
          // Throws on tampering (unknown question, answer outside the scale): Hono's 422.
          read: readPageAnswers(shape, page, fields),
          token: incomingCookies(req)[DRAFT_COOKIE],
          now: new Date(),
        };
        if (!isCompleteLastEitPage(post)) return fallback();
        thanks = new Map();
        for (const o of THANK_YOU_OUTCOMES) {
          const html = sameForAnyoneHtml('th', o, routePath);
          if (html === undefined) return fallback();
          thanks.set(o, html);
        }
        base = `/a/${agency.slug}/surveys/${campaign.id}`;
        // Rejects above the rate limit and on a database error, when nothing was stored.
        outcome = await submitLastEitPage(
          context.database,
          post,
          nodeClientAddress(req, context.config),
        );
      } catch {
        return fallback();
      }
      // No draft behind the token (a retry after a crash, a double click): the route's
      // general path tells a stored answer from a lost one.
      if (outcome === 'no-draft') return fallback();
      if (outcome === 'incomplete') {
        writeLaneResponse(res, 303, { location: `${base}/p/1`, 'cache-control': 'no-store' });
        return;
      }
      writeLaneResponse(
        res,
        200,
        {
          'content-type': 'text/html; charset=UTF-8',
          'cache-control': 'no-store',
          'set-cookie': [clearedCookie(DRAFT_COOKIE, base)],
        },
        thanks.get(outcome)!,
      );
    },
  };
}
