import type { Database } from '../core/db/client.js';
import { abuseControl } from './abuse-control.js';
import {
  assertOpen,
  findDraft,
  findSubmittedResponse,
  saveDraftPage,
  submitIitResponse,
  type Draft,
} from './answer-survey.js';
import type { Campaign } from './campaigns.js';
import { isCompleteLastEitPage, submitLastEitPage } from './submit-last-eit-page.js';
import { readPageAnswers, type SurveyPage, type SurveyShape } from './survey-pages.js';
import { ValidationError } from '../core/errors.js';

/** What a final POST may thank for; the Node lane sends these pages as the route rendered them. */
export const THANK_YOU_OUTCOMES = ['recorded', 'already-recorded', 'duplicate-ignored'] as const;
export type ThankYouOutcome = (typeof THANK_YOU_OUTCOMES)[number];

/** Where a page POST leads: another page, the campaign's start, thanks, or the same page again. */
export type PageOutcome =
  | { next: 'page'; pageNo: number }
  | { next: 'start' }
  | { next: 'thanks'; outcome: ThankYouOutcome }
  /** Questions of this page left unanswered: the page again (422), what was chosen kept. */
  | { next: 'retype'; draft: Draft; errors: Record<string, string> };

export interface PagePost {
  campaign: Campaign;
  shape: SurveyShape;
  page: SurveyPage;
  /** The form's fields as sent (CSRF already checked by the middleware). */
  body: Record<string, unknown>;
  /** The resume cookie's token. */
  token: string | undefined;
  /** IIT: the access code the respondent's browser kept since the start (decision 0005). */
  code: string | undefined;
  /** The client address, used only for abuse control's rotating keyed hash. */
  address: string;
  now: Date;
}

/**
 * One page of a survey answered: "back" and "next" save the page into the draft; the last
 * page submits. The final EIT submit has one path, the group-commit batch (a lone POST is a
 * batch of one), which node-lane.ts also takes before Hono; the final IIT submit is one
 * transaction that spends the access code (answer-survey.ts). Tampered answers (an unknown
 * question, a value off the scale) are refused with 422 by readPageAnswers.
 */
export async function answerSurveyPage(database: Database, post: PagePost): Promise<PageOutcome> {
  const { campaign, shape, page, body, token, now } = post;
  const read = readPageAnswers(shape, page, body);
  const isLast = page.no === shape.pages.length;
  const last = { campaign, shape, page, body, read, token, now };
  // The closing-day hot path: a complete last EIT page goes through the batch without its
  // draft being read first; "no draft" there is a retry, told apart below.
  if (isCompleteLastEitPage(last)) {
    const outcome = await submitLastEitPage(database, last, post.address);
    if (outcome === 'incomplete') return { next: 'page', pageNo: 1 };
    if (outcome !== 'no-draft') return { next: 'thanks', outcome };
  }
  const draft = await findDraft(database.db, campaign, token);
  if (!draft) {
    // A retried final POST whose draft was already consumed: acknowledge, never count twice.
    if (isLast && typeof body.submissionKey === 'string') {
      const submissionKey = body.submissionKey;
      return {
        next: 'thanks',
        outcome: await findSubmittedResponse(database.db, campaign, { token, submissionKey }),
      };
    }
    return { next: 'start' };
  }
  if (body.action === 'back') {
    await saveDraftPage(database.db, campaign, draft, read, now);
    return { next: 'page', pageNo: Math.max(1, page.no - 1) };
  }
  if (read.missing.length > 0) {
    const errors = Object.fromEntries(read.missing.map((k) => [k, 'surveys.errors.missing']));
    return { next: 'retype', draft, errors };
  }
  if (!isLast) {
    await saveDraftPage(database.db, campaign, draft, read, now);
    return { next: 'page', pageNo: page.no + 1 };
  }
  // An EIT last page the batch did not take is one of a campaign outside its dates (409).
  assertOpen(campaign, now);
  if (campaign.tool === 'EIT') return { next: 'start' };
  await abuseControl.hit(database, post.address, now);
  try {
    const outcome = await submitIitResponse(database.db, campaign, {
      token,
      code: post.code,
      lastPage: read,
      now,
    });
    return { next: 'thanks', outcome };
  } catch (error) {
    // The draft misses an earlier page (answered in another tab, then "back"): start over there.
    if (error instanceof ValidationError && error.messageKey === 'surveys.errors.incomplete') {
      return { next: 'page', pageNo: 1 };
    }
    throw error;
  }
}
