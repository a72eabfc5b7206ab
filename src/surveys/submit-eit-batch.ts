import { createHash } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import { bangkokDate, type Campaign } from './campaigns.js';
import type { StoredAnswers } from './schema.js';
import type { SurveyShape } from './survey-pages.js';

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
  /**
   * Duplicate detection (EIT abuse control, shared by the servers) on the digest of the merged answers
   * (`answersDigestSql`), asked once the response is committed: a duplicate is then removed.
   */
  isDuplicate?: (answersDigest: string) => boolean | Promise<boolean>;
}

interface Pending extends EitSubmission {
  tokenHash: string;
  resolve: (outcome: BatchedSubmitOutcome) => void;
  reject: (error: unknown) => void;
}

interface WrittenRow {
  agency_id: string;
  token_hash: string;
  outcome: 'recorded' | 'already-recorded' | 'incomplete' | 'no-draft';
  id: string | null;
  digest: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Up to this many submissions share one statement; more wait for the next batch.
const MAX_BATCH = 128;
// Batches in flight at once: one collecting while another commits keeps the pool busy
// without letting a surge open every pooled connection.
const MAX_IN_FLIGHT = 2;

/**
 * The one digest of a respondent's answers (duplicate detection): SHA-256 (hex) of the campaign id and the
 * answers' jsonb text, which is canonical (keys sorted).
 */
export const answersDigestSql = (campaignId: string, answers: string) =>
  `encode(sha256(convert_to(${campaignId}::text || '|' || ${answers}::text, 'UTF8')), 'hex')`;

/**
 * The batch's one statement. Per submission (a row of the unnest): find the live draft, merge
 * the last page over it (jsonb `||`, the same as an object spread), and only when every ITA
 * question of the survey is answered (`?&` the required codes) delete the draft and insert
 * the response from what was deleted, so that of two statements racing for one draft only
 * the one that deleted it stores a row. Each submission comes back with its outcome, and a
 * stored one with the digest abuse control fingerprints (answersDigestSql), computed by the
 * database, which has a core to spare at surge, rather than by the web server.
 */
const SUBMIT_BATCH_SQL = `
  with input as (
    select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::jsonb[],
                         $6::jsonb[], $7::text[])
      as t(agency_id, token_hash, campaign_id, today, answers, extra_answers, required)
  ), found as (
    select d.agency_id, d.token_hash, d.campaign_id, d.channel, d.submission_key, i.today,
           d.answers || i.answers as answers, d.extra_answers || i.extra_answers as extra_answers,
           i.required
      from input i
      join surveys_drafts d
        on d.agency_id = i.agency_id and d.token_hash = i.token_hash
       and d.campaign_id = i.campaign_id and d.expires_on >= i.today
  ), complete as (
    select * from found where answers ?& string_to_array(required, ',')
  ), consumed as (
    delete from surveys_drafts s using complete c
     where s.agency_id = c.agency_id and s.token_hash = c.token_hash
    returning s.agency_id, s.token_hash
  ), ins as (
    insert into surveys_responses
      (agency_id, campaign_id, answered_on, channel, answers, extra_answers, submission_key)
    select c.agency_id, c.campaign_id, c.today, c.channel, c.answers, c.extra_answers,
           c.submission_key
      from complete c
      join consumed k on k.agency_id = c.agency_id and k.token_hash = c.token_hash
    on conflict do nothing
    returning agency_id, id, submission_key
  )
  select f.agency_id, f.token_hash,
         case when c.token_hash is null then 'incomplete'
              when k.token_hash is null then 'no-draft'
              when ins.id is null then 'already-recorded'
              else 'recorded' end as outcome,
         ins.id,
         case when ins.id is not null then
           ${answersDigestSql('f.campaign_id', 'f.answers')}
         end as digest
    from found f
    left join complete c on c.agency_id = f.agency_id and c.token_hash = f.token_hash
    left join consumed k on k.agency_id = f.agency_id and k.token_hash = f.token_hash
    left join ins on ins.agency_id = f.agency_id and ins.submission_key = f.submission_key`;

/**
 * The one write path of a final EIT answer (the route and the Node lane both use it), built
 * for the closing-day surge as a group commit. Final EIT POSTs that arrive while earlier ones
 * are being written wait a moment and are written together in ONE statement (atomic on its
 * own, see SUBMIT_BATCH_SQL). Each POST still gets its "thank you" only after that statement
 * committed its own row, and a lone POST on a quiet day goes straight through as a batch of
 * one.
 *
 * Duplicate detection needs the merged answers, which only the database has: it is asked
 * after the commit, with the digest the statement returned, and a duplicate's row is then
 * deleted. A crash in between leaves that duplicate counted, as a restart (which empties the
 * in-memory fingerprints) would anyway.
 *
 * Measured in bench/surveys-surge.bench.ts: per submission the database does one statement
 * divided by the batch size, and the web server neither reads drafts nor merges answers.
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
    // A second POST of the same draft in this batch (a double click) is a replay: it is
    // answered from the first one's outcome, never sent as a row of its own.
    const first = new Map<string, Pending>();
    const replays: [Pending, Pending][] = [];
    for (const p of batch) {
      const id = `${p.campaign.agencyId}|${p.tokenHash}`;
      const seen = first.get(id);
      if (seen) replays.push([p, seen]);
      else first.set(id, p);
    }
    const rows = [...first.values()];
    const written = await this.database.query<WrittenRow>(
      SUBMIT_BATCH_SQL,
      [
        rows.map((p) => p.campaign.agencyId),
        rows.map((p) => p.tokenHash),
        rows.map((p) => p.campaign.id),
        rows.map((p) => bangkokDate(p.now)),
        rows.map((p) => JSON.stringify(p.lastPage.answers)),
        rows.map((p) => JSON.stringify(p.lastPage.extra)),
        rows.map((p) => p.shape.questions.map((q) => q.code).join(',')),
      ],
      // Planning this statement took longer than running it (0.3 ms against 0.1 ms for a
      // batch of 20): on PostgreSQL it is prepared once per pooled connection.
      { name: 'surveys.submit-eit-batch' },
    );
    const byDraft = new Map(written.map((r) => [`${r.agency_id}|${r.token_hash}`, r]));
    const outcomes = new Map<Pending, BatchedSubmitOutcome>();
    const duplicates: { pending: Pending; row: WrittenRow }[] = [];
    await Promise.all(
      rows.map(async (p) => {
        // No row back: no live draft behind the token (expired, submitted, never existed).
        const row = byDraft.get(`${p.campaign.agencyId}|${p.tokenHash}`);
        const outcome = row?.outcome ?? 'no-draft';
        if (outcome === 'recorded' && row!.digest && (await p.isDuplicate?.(row!.digest))) {
          duplicates.push({ pending: p, row: row! });
        } else {
          outcomes.set(p, outcome);
        }
      }),
    );
    if (duplicates.length > 0) {
      const removed = await this.database
        .query(
          `delete from surveys_responses r using unnest($1::uuid[], $2::uuid[]) as t(agency_id, id)
            where r.agency_id = t.agency_id and r.id = t.id`,
          [duplicates.map((d) => d.row.agency_id), duplicates.map((d) => d.row.id)],
        )
        .then(
          () => true,
          () => false,
        );
      // If the delete failed the duplicate stays counted, and the respondent is told so.
      for (const d of duplicates)
        outcomes.set(d.pending, removed ? 'duplicate-ignored' : 'recorded');
    }
    for (const [p, outcome] of outcomes) p.resolve(outcome);
    for (const [p, original] of replays) {
      const outcome = outcomes.get(original)!;
      p.resolve(
        outcome === 'recorded' || outcome === 'duplicate-ignored' ? 'already-recorded' : outcome,
      );
    }
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
