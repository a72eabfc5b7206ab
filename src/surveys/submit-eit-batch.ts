import { createHash } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import { bangkokDate, type Campaign } from './campaigns.js';
import type { StoredAnswers } from './schema.js';
import { unansweredQuestions, type SurveyShape } from './survey-pages.js';

/** What became of one final EIT POST sent through the batch. */
export type BatchedSubmitOutcome =
  | 'recorded'
  | 'already-recorded'
  | 'duplicate-ignored'
  /** No live draft behind the token: the route's slow path decides (retry, or start again). */
  | 'no-draft'
  /** The draft plus the last page still leave a question unanswered. */
  | 'incomplete';

export interface EitSubmission {
  campaign: Campaign;
  /** The campaign's survey, as the route already built it for this request. */
  shape: SurveyShape;
  /** The resume cookie's token; only its hash is looked up. */
  token: string;
  lastPage: { answers: StoredAnswers; extra: Record<string, string> };
  now: Date;
  /** Duplicate detection on the merged answers (EIT abuse control, in memory). */
  isDuplicate?: (answers: StoredAnswers) => boolean | Promise<boolean>;
}

interface Pending extends EitSubmission {
  tokenHash: string;
  resolve: (outcome: BatchedSubmitOutcome) => void;
  reject: (error: unknown) => void;
}

interface DraftRow {
  agency_id: string;
  token_hash: string;
  submission_key: string;
  answers: StoredAnswers;
  extra_answers: Record<string, string>;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Up to this many submissions share two statements; more wait for the next batch.
const MAX_BATCH = 128;
// Batches in flight at once: one collecting while another commits keeps the pool busy
// without letting a surge open every pooled connection.
const MAX_IN_FLIGHT = 2;

/**
 * Group commit for the closing-day hot path. Final EIT POSTs that arrive while earlier ones
 * are being written wait a moment and are written together: one read of their drafts, then
 * ONE statement that deletes the drafts and inserts the responses (atomic on its own). Each
 * POST still gets its "thank you" only after that statement committed its own row, and a
 * lone POST on a quiet day goes straight through as a batch of one.
 *
 * Measured in bench/surveys-surge.bench.ts: per submission the database does two statements
 * divided by the batch size instead of two statements.
 */
class EitSubmitBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(private readonly database: Database) {}

  submit(submission: EitSubmission): Promise<BatchedSubmitOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...submission, tokenHash: hashToken(submission.token), resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight += 1;
      void this.write(batch)
        .catch((error: unknown) => {
          for (const p of batch) p.reject(error);
        })
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const drafts = await this.database.query<DraftRow>(
      `select d.agency_id, d.token_hash, d.submission_key, d.answers, d.extra_answers
         from surveys_drafts d
         join unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[])
           as k(agency_id, token_hash, campaign_id, today)
           on d.agency_id = k.agency_id and d.token_hash = k.token_hash
          and d.campaign_id = k.campaign_id and d.expires_on >= k.today`,
      [
        batch.map((p) => p.campaign.agencyId),
        batch.map((p) => p.tokenHash),
        batch.map((p) => p.campaign.id),
        batch.map((p) => bangkokDate(p.now)),
      ],
    );
    const draftOf = new Map(drafts.map((d) => [`${d.agency_id}|${d.token_hash}`, d]));
    // One row per draft; a second POST of the same draft in this batch is a replay.
    const rows: {
      pending: Pending;
      answers: StoredAnswers;
      extra: Record<string, string>;
      duplicate: boolean;
    }[] = [];
    const replays: Pending[] = [];
    const taken = new Set<DraftRow>();
    for (const p of batch) {
      const draft = draftOf.get(`${p.campaign.agencyId}|${p.tokenHash}`);
      if (!draft) {
        p.resolve('no-draft');
        continue;
      }
      if (taken.has(draft)) {
        replays.push(p);
        continue;
      }
      const answers = { ...draft.answers, ...p.lastPage.answers };
      const extra = { ...draft.extra_answers, ...p.lastPage.extra };
      if (unansweredQuestions(p.shape, answers).length > 0) {
        p.resolve('incomplete');
        continue;
      }
      taken.add(draft);
      rows.push({ pending: p, answers, extra, duplicate: false });
    }
    const duplicates = await Promise.all(
      rows.map((w) => w.pending.isDuplicate?.(w.answers) ?? false),
    );
    duplicates.forEach((duplicate, i) => (rows[i]!.duplicate = duplicate));
    if (rows.length === 0) {
      for (const p of replays) p.resolve('no-draft');
      return;
    }
    const written = await this.database.query<{
      token_hash: string;
      agency_id: string;
      inserted: boolean;
    }>(
      `with input as (
         select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::jsonb[],
                              $6::jsonb[], $7::boolean[])
           as t(agency_id, token_hash, campaign_id, answered_on, answers, extra_answers, duplicate)
       ), d as (
         delete from surveys_drafts s using input i
          where s.agency_id = i.agency_id and s.token_hash = i.token_hash
            and s.campaign_id = i.campaign_id
         returning s.agency_id, s.token_hash, s.channel, s.submission_key, i.campaign_id,
                   i.answered_on, i.answers, i.extra_answers, i.duplicate
       ), ins as (
         insert into surveys_responses
           (agency_id, campaign_id, answered_on, channel, answers, extra_answers, submission_key)
         select agency_id, campaign_id, answered_on, channel, answers, extra_answers, submission_key
           from d where not duplicate
         on conflict do nothing
         returning agency_id, submission_key
       )
       select d.token_hash, d.agency_id, (ins.submission_key is not null) as inserted
         from d left join ins
           on ins.agency_id = d.agency_id and ins.submission_key = d.submission_key`,
      [
        rows.map((w) => w.pending.campaign.agencyId),
        rows.map((w) => w.pending.tokenHash),
        rows.map((w) => w.pending.campaign.id),
        rows.map((w) => bangkokDate(w.pending.now)),
        rows.map((w) => JSON.stringify(w.answers)),
        rows.map((w) => JSON.stringify(w.extra)),
        rows.map((w) => w.duplicate),
      ],
    );
    const outcomeOf = new Map(written.map((r) => [`${r.agency_id}|${r.token_hash}`, r.inserted]));
    const insertedFor = (p: Pending) => outcomeOf.get(`${p.campaign.agencyId}|${p.tokenHash}`);
    for (const { pending: p, duplicate } of rows) {
      const inserted = insertedFor(p);
      // Undefined: the draft was consumed between the read and the delete (a concurrent replay).
      if (inserted === undefined) p.resolve('no-draft');
      else if (duplicate) p.resolve('duplicate-ignored');
      else p.resolve(inserted ? 'recorded' : 'already-recorded');
    }
    // A replay inside the batch: acknowledged as the first one's answer, never counted twice.
    for (const p of replays)
      p.resolve(insertedFor(p) === undefined ? 'no-draft' : 'already-recorded');
  }
}

const batchers = new WeakMap<Database, EitSubmitBatcher>();

/**
 * Submits a final EIT page through the database's group-commit batch. Resolves once the
 * response is committed (or why it was not); rejects only on a database error, in which case
 * nothing of that batch was stored.
 */
export function submitEitBatched(
  database: Database,
  submission: EitSubmission,
): Promise<BatchedSubmitOutcome> {
  let batcher = batchers.get(database);
  if (!batcher) batchers.set(database, (batcher = new EitSubmitBatcher(database)));
  return batcher.submit(submission);
}
