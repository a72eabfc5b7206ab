import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import { bangkokDate, isCampaignOpen, type Campaign } from './campaigns.js';
import { codeHashes } from './access-codes.js';
import { surveyShape, unansweredQuestions } from './survey-pages.js';
import { surveyAccessCodes, surveyDrafts, surveyResponses, type StoredAnswers } from './schema.js';

export const CHANNELS = ['counter', 'website', 'facebook', 'line', 'qr', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Unknown or missing channels become 'other': the channel is a coarse category, never free text. */
export function toChannel(value: string | undefined, tool: 'IIT' | 'EIT'): Channel {
  if (tool === 'IIT') return 'other';
  return (CHANNELS as readonly string[]).includes(value ?? '') ? (value as Channel) : 'other';
}

export type Draft = typeof surveyDrafts.$inferSelect;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/**
 * An IIT response's submission key: derived from the respondent's draft token, which the
 * database never holds (the draft keeps only hashToken(token)), so no stored value links a
 * draft, or the code it was started with, to the response. A retried final POST carries the
 * same cookie and finds its response by this key.
 */
const iitResponseKey = (token: string) =>
  createHash('sha256').update(`surveys.iit-response\0${token}`).digest('hex');
const DRAFT_DAYS = 14;

/** Refuses (409) a campaign outside its opening dates: nothing is stored or started then. */
export function assertOpen(campaign: Campaign, now: Date) {
  if (!isCampaignOpen(campaign, now)) throw new ConflictError('surveys.errors.closed');
}

/**
 * Starts answering: checks the campaign is open (and, for IIT, that the code exists and is
 * unspent — it is spent only on submit) and creates an anonymous draft. Returns the random
 * token for the resume cookie; the database keeps only its hash. The draft holds nothing of
 * the IIT code: the respondent's browser keeps the code (a cookie) until the final POST.
 */
export async function startDraft(
  db: Db,
  campaign: Campaign,
  input: { channel: Channel; code?: string | undefined; now: Date },
): Promise<{ token: string }> {
  assertOpen(campaign, input.now);
  if (campaign.tool === 'IIT') {
    if (!input.code)
      throw new ValidationError('surveys.errors.codeRequired', {
        code: 'surveys.errors.codeRequired',
      });
    const code = await scoped(db, campaign.agencyId).find(
      surveyAccessCodes,
      and(
        inArray(surveyAccessCodes.codeHash, codeHashes(campaign.id, input.code)),
        eq(surveyAccessCodes.campaignId, campaign.id),
      )!,
    );
    if (!code)
      throw new ValidationError('surveys.errors.badCode', {
        code: 'surveys.errors.badCode',
      });
    if (code.used) throw new ConflictError('surveys.errors.codeUsed');
  }
  const token = randomBytes(24).toString('base64url');
  const expires = new Date(input.now.getTime() + DRAFT_DAYS * 86_400_000);
  await scoped(db, campaign.agencyId).insert(surveyDrafts, {
    tokenHash: hashToken(token),
    campaignId: campaign.id,
    channel: input.channel,
    submissionKey: randomUUID(),
    expiresOn: bangkokDate(expires),
  });
  return { token };
}

/** The draft behind a resume token, or null (expired, submitted, other campaign). */
export async function findDraft(
  db: Db,
  campaign: Campaign,
  token: string | undefined,
): Promise<Draft | null> {
  if (!token) return null;
  return scoped(db, campaign.agencyId).find(
    surveyDrafts,
    and(
      eq(surveyDrafts.tokenHash, hashToken(token)),
      eq(surveyDrafts.campaignId, campaign.id),
      gte(surveyDrafts.expiresOn, bangkokDate(new Date())),
    )!,
  );
}

/** Deletes drafts past their expiry date (abandoned surveys); returns how many. */
export async function purgeExpiredDrafts(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(surveyDrafts)
    .where(lt(surveyDrafts.expiresOn, bangkokDate(now)))
    .returning({ tokenHash: surveyDrafts.tokenHash });
  return gone.length;
}

/** Merges one page's answers into the draft. */
export async function saveDraftPage(
  db: Db,
  campaign: Campaign,
  draft: Draft,
  page: { answers: StoredAnswers; extra: Record<string, string> },
  now: Date,
): Promise<void> {
  assertOpen(campaign, now);
  await scoped(db, campaign.agencyId).update(
    surveyDrafts,
    {
      answers: { ...draft.answers, ...page.answers },
      extraAnswers: { ...draft.extraAnswers, ...page.extra },
    },
    eq(surveyDrafts.tokenHash, draft.tokenHash),
  );
}

/** What a final IIT POST, or a retried final POST of either tool, is thanked for. */
export type SubmitOutcome = 'recorded' | 'already-recorded';

/**
 * A final POST whose draft is gone (a retry after a crash, a double click): acknowledged when
 * its submission key is stored, never counted twice; otherwise 409 (start again). The key is
 * the EIT draft's own (sent back by the last page's form) or, for IIT, derived from the
 * draft token (iitResponseKey), so no stored value links the code to the answer.
 */
export async function findSubmittedResponse(
  db: DbOrTx,
  campaign: Campaign,
  input: { token: string | undefined; submissionKey?: string | undefined },
): Promise<'already-recorded'> {
  const key =
    campaign.tool === 'IIT' ? input.token && iitResponseKey(input.token) : input.submissionKey;
  if (key) {
    const done = await db
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.agencyId, campaign.agencyId),
          eq(surveyResponses.campaignId, campaign.id),
          eq(surveyResponses.submissionKey, key),
        ),
      )
      .limit(1);
    if (done.length > 0) return 'already-recorded';
  }
  throw new ConflictError('surveys.errors.noDraft');
}

/**
 * Submits an IIT draft: in ONE transaction the draft is deleted, the access code is spent and
 * the answer is stored with the date only and no value shared with the code or the draft
 * (docs/decisions/0005). A code answers once: of two concurrent submissions the second finds
 * it spent (409). A retried POST of the same draft finds its submission key already stored
 * and is acknowledged without being counted again. The EIT final submit is not here: it has
 * one path, the group-commit batch (submit-eit-batch.ts).
 */
export async function submitIitResponse(
  db: Db,
  campaign: Campaign,
  input: {
    token: string | undefined;
    /** The access code, as the respondent's browser kept it since the start. */
    code: string | undefined;
    /** Answers sent with the final POST (already validated), merged over the draft's. */
    lastPage: { answers: StoredAnswers; extra: Record<string, string> };
    now: Date;
  },
): Promise<SubmitOutcome> {
  assertOpen(campaign, input.now);
  const shape = surveyShape(campaign.fiscalYear, campaign.tool, campaign.extraQuestions);
  return db.transaction(async (tx) => {
    const q = scoped(tx, campaign.agencyId);
    const [draft] = input.token
      ? await q.delete(
          surveyDrafts,
          and(
            eq(surveyDrafts.tokenHash, hashToken(input.token)),
            eq(surveyDrafts.campaignId, campaign.id),
          )!,
        )
      : [];
    if (!draft) return findSubmittedResponse(tx, campaign, input);
    const answers = { ...draft.answers, ...input.lastPage.answers };
    const extraAnswers = { ...draft.extraAnswers, ...input.lastPage.extra };
    const missing = unansweredQuestions(shape, answers);
    if (missing.length > 0) {
      throw new ValidationError('surveys.errors.incomplete', {
        [missing[0]!]: 'surveys.errors.incomplete',
      });
    }
    if (!input.code) throw new ConflictError('surveys.errors.codeMissing');
    const spent = await q.update(
      surveyAccessCodes,
      { used: true },
      and(
        inArray(surveyAccessCodes.codeHash, codeHashes(campaign.id, input.code)),
        eq(surveyAccessCodes.campaignId, campaign.id),
        eq(surveyAccessCodes.used, false),
      )!,
    );
    if (spent.length === 0) throw new ConflictError('surveys.errors.codeUsed');
    const inserted = await tx
      .insert(surveyResponses)
      .values({
        agencyId: campaign.agencyId,
        campaignId: campaign.id,
        answeredOn: bangkokDate(input.now),
        channel: draft.channel,
        answers,
        extraAnswers,
        submissionKey: input.token ? iitResponseKey(input.token) : draft.submissionKey,
      })
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    return inserted.length > 0 ? 'recorded' : 'already-recorded';
  });
}
