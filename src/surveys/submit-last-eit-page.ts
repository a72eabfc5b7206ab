import type { Database } from '../core/db/client.js';
import { abuseControl } from './abuse-control.js';
import { isCampaignOpen, type Campaign } from './campaigns.js';
import { submitEitBatched, type BatchedSubmitOutcome } from './submit-eit-batch.js';
import type { StoredAnswers } from './schema.js';
import type { SurveyPage, SurveyShape } from './survey-pages.js';

/** The resume cookie of a half-finished survey (a random token; the database keeps its hash). */
export const DRAFT_COOKIE = 'prongsai_survey';

interface LastPagePost {
  campaign: Campaign;
  shape: SurveyShape;
  page: SurveyPage;
  /** The form's fields, as the route read them. */
  body: Record<string, unknown>;
  read: { answers: StoredAnswers; extra: Record<string, string>; missing: string[] };
  token: string | undefined;
  now: Date;
}

/**
 * Whether a page POST is the closing-day hot path: the complete last page of an open EIT
 * campaign, with a resume token, going forward. Both the Hono route and its Node lane ask
 * this; anything else takes the route's general path.
 */
export function isCompleteLastEitPage(
  post: LastPagePost,
): post is LastPagePost & { token: string } {
  return (
    post.page.no === post.shape.pages.length &&
    post.campaign.tool === 'EIT' &&
    !!post.token &&
    post.body.action !== 'back' &&
    post.read.missing.length === 0 &&
    isCampaignOpen(post.campaign, post.now)
  );
}

/**
 * Submits a complete last EIT page through the group-commit batch, counted against the
 * client's hourly limit (RateLimitedError above it) and fingerprinted once committed.
 * `address` is used for abuse control's rotating keyed hash only.
 */
export async function submitLastEitPage(
  database: Database,
  post: LastPagePost & { token: string },
  address: string,
): Promise<BatchedSubmitOutcome> {
  const key = await abuseControl.hit(database, address, post.now);
  return submitEitBatched(database, {
    campaign: post.campaign,
    shape: post.shape,
    token: post.token,
    lastPage: post.read,
    now: post.now,
    isDuplicate: (digest) => abuseControl.isDuplicateDigest(database, key, digest, post.now),
  });
}
