import { clearedCookie, incomingCookies } from '../core/http/cookies.js';
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
import { THANK_YOU_OUTCOMES } from './routes.public.js';
import type { BatchedSubmitOutcome } from './submit-eit-batch.js';
import { DRAFT_COOKIE, isCompleteLastEitPage, submitLastEitPage } from './submit-last-eit-page.js';
import { readPageAnswers, surveyShape } from './survey-pages.js';

const PAGE_POST =
  /^\/a\/([a-z0-9][a-z0-9-]{0,62})\/surveys\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/p\/([1-9]\d?)$/;

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
        const agency = await context.agencyOfSlug(slug!);
        if (!agency) return fallback();
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
          const html = sameForAnyoneHtml('th', o, target);
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
