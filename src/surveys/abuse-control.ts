import { createHash, randomBytes, type Hash } from 'node:crypto';
import { bangkokDate } from './campaigns.js';
import { lte, ne } from 'drizzle-orm';
import type { Database, DbOrTx } from '../core/db/client.js';
import { RateLimitedError } from '../core/errors.js';
import { surveysAbuseFingerprints, surveysAbuseHits, surveysAbuseSecrets } from './schema.js';

const HOUR_MS = 3600_000;

/**
 * Collects the calls made in one turn of the event loop and runs them as one batch; `run`
 * returns one output per input, in order. A failed batch fails each of its calls.
 */
function perTurn<I, O>(run: (inputs: I[]) => Promise<O[]>): (input: I) => Promise<O> {
  let queue: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (queue.length > 1) return;
      setImmediate(() => {
        const batch = queue;
        queue = [];
        run(batch.map((b) => b.input)).then(
          (outputs) => batch.forEach((b, i) => b.resolve(outputs[i]!)),
          (error: unknown) => batch.forEach((b) => b.reject(error)),
        );
      });
    });
}
/** The same answers from the same client key within this time are counted once. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;

/**
 * Abuse control for the open EIT link without personal data, one for every server of the
 * installation (they share its state in PostgreSQL, so a respondent gets the limit once, not
 * once per server or worker). The client address is turned into a keyed hash with a random
 * secret replaced every Thai day; the address itself is never stored or logged. The day's
 * secret, the hourly counters and the recent-answer fingerprints are in UNLOGGED tables
 * (never in the WAL, a replica or a backup); a new day's first request deletes the old
 * secret, so yesterday's keys cannot be recomputed by anyone, and the surveys-abuse-cleanup
 * job deletes counters and fingerprints once their hour or window is over.
 */
export class AbuseControl {
  private secretDay = '';
  private keyed: Promise<Hash> | undefined;

  constructor(
    private readonly database: Pick<Database, 'query'>,
    readonly options: { perHour: number; duplicateWindowMs: number } = {
      perHour: Number(process.env.SURVEYS_RATE_PER_HOUR ?? 60),
      duplicateWindowMs: DUPLICATE_WINDOW_MS,
    },
  ) {}

  /** The day's secret as a hash state: created by the first server to ask, shared by all. */
  private daySecret(day: string): Promise<Hash> {
    if (day !== this.secretDay || !this.keyed) {
      this.secretDay = day;
      this.keyed = (async () => {
        const [row] = await this.database.query<{ secret: string }>(
          `with created as (
             insert into surveys_abuse_secrets (day, secret) values ($1, $2)
             on conflict (day) do nothing returning secret)
           select secret from created
           union all select secret from surveys_abuse_secrets where day = $1
           limit 1`,
          [day, randomBytes(32).toString('base64')],
        );
        await this.database.query('delete from surveys_abuse_secrets where day <> $1', [day]);
        return createHash('sha256').update(Buffer.from(row!.secret, 'base64'));
      })();
      // A failed read is retried by the next request rather than cached.
      this.keyed.catch(() => (this.keyed = undefined));
    }
    return this.keyed;
  }

  /** The rotating key of a client address for today (a keyed hash; the address is not kept). */
  async clientKey(address: string, now: number): Promise<string> {
    const keyed = await this.daySecret(bangkokDate(new Date(now)));
    // SHA-256 of the day's 32-byte random secret and the address: the secret's state is
    // hashed once a day and copied per call (an HMAC's key set-up was most of a call's cost
    // at closing-day rates). A secret prefix is a sound keyed hash here: the output is never
    // published, so there is nothing to extend, and without the secret none can be computed.
    return keyed.copy().update(address).digest('base64url').slice(0, 22);
  }

  /**
   * Counts one attempt from an address. Returns the address's key for today (what
   * isDuplicate takes), or null above the hourly limit. The counter's window restarts when
   * its hour is over.
   */
  async hit(address: string, now: number): Promise<string | null> {
    const key = await this.clientKey(address, now);
    const count = await this.countHit({ key, now });
    return count <= this.options.perHour ? key : null;
  }

  // At closing-day rates, the attempts of one event-loop turn go to the database as ONE
  // statement (as they went to the cluster primary as one IPC message before decision 0006).
  // Attempts of one key in a batch are added together (a statement may update a row once),
  // and each gets the count it would have had one by one.
  private readonly countHit = perTurn(async (hits: { key: string; now: number }[]) => {
    const byKey = new Map<string, { now: number; n: number }>();
    for (const h of hits) {
      const entry = byKey.get(h.key);
      if (entry) entry.n += 1;
      else byKey.set(h.key, { now: h.now, n: 1 });
    }
    const rows = await this.database.query<{ client_key: string; count: number }>(
      `insert into surveys_abuse_hits as h (client_key, window_start_ms, count)
       select * from unnest($1::text[], $2::bigint[], $3::int[])
       on conflict (client_key) do update set
         count = case when excluded.window_start_ms - h.window_start_ms >= ${HOUR_MS}
                 then excluded.count else h.count + excluded.count end,
         window_start_ms = case when excluded.window_start_ms - h.window_start_ms >= ${HOUR_MS}
                           then excluded.window_start_ms else h.window_start_ms end
       returning client_key, count`,
      [
        [...byKey.keys()],
        [...byKey.values()].map((e) => e.now),
        [...byKey.values()].map((e) => e.n),
      ],
      { name: 'surveys_abuse_hits' },
    );
    const final = new Map(rows.map((r) => [r.client_key, r.count]));
    const seen = new Map<string, number>();
    return hits.map((h) => {
      const i = seen.get(h.key) ?? 0;
      seen.set(h.key, i + 1);
      return final.get(h.key)! - byKey.get(h.key)!.n + 1 + i;
    });
  });

  /**
   * True when the same client key sent the same answers (`answersDigest`, see answersDigestSql in submit-eit-batch.ts)
   * within the duplicate window: such a submission is acknowledged but not counted again.
   * Otherwise records the fingerprint, in the same statement, so of two servers receiving the
   * same answers at once exactly one sees "new".
   */
  isDuplicate(key: string, answersDigest: string, now: number): Promise<boolean> {
    return this.checkFingerprint({ fingerprint: `${key}|${answersDigest}`, now });
  }

  // One statement per event-loop turn too; the same fingerprint twice in a batch is new once.
  private readonly checkFingerprint = perTurn(
    async (prints: { fingerprint: string; now: number }[]) => {
      const first = new Map<string, number>();
      for (const p of prints) if (!first.has(p.fingerprint)) first.set(p.fingerprint, p.now);
      const rows = await this.database.query<{ fingerprint: string }>(
        `insert into surveys_abuse_fingerprints as f (fingerprint, seen_at_ms)
         select * from unnest($1::text[], $2::bigint[])
         on conflict (fingerprint) do update set seen_at_ms = excluded.seen_at_ms
           where excluded.seen_at_ms - f.seen_at_ms >= $3::bigint
         returning fingerprint`,
        [[...first.keys()], [...first.values()], this.options.duplicateWindowMs],
        { name: 'surveys_abuse_fingerprints' },
      );
      const isNew = new Set(rows.map((r) => r.fingerprint));
      return prints.map((p) => {
        if (!isNew.has(p.fingerprint)) return true;
        isNew.delete(p.fingerprint); // the first of a batch is new, the others its duplicates
        return false;
      });
    },
  );
}

const instances = new WeakMap<object, AbuseControl>();

/** The installation-wide abuse control over this database (one per database handle). */
function abuseControlOf(database: Pick<Database, 'query'>): AbuseControl {
  let control = instances.get(database);
  if (!control) instances.set(database, (control = new AbuseControl(database)));
  return control;
}

/** The server-wide abuse control the public survey routes use. */
export const abuseControl = {
  /**
   * Counts one attempt from this address; throws RateLimitedError (429) above the limit.
   * Returns the address's rotating key for today, which is all the other calls take.
   */
  async hit(database: Pick<Database, 'query'>, address: string, now: Date): Promise<string> {
    const key = await abuseControlOf(database).hit(address, now.getTime());
    if (key === null) throw new RateLimitedError('surveys.errors.rateLimited');
    return key;
  },
  /**
   * Whether this client key sent the same answers within the window; `digest` is the one the
   * EIT batch statement computed for the merged answers (answersDigestSql).
   */
  async isDuplicateDigest(
    database: Pick<Database, 'query'>,
    key: string,
    digest: string,
    now: Date,
  ): Promise<boolean> {
    return abuseControlOf(database).isDuplicate(key, digest, now.getTime());
  },
};

/**
 * Deletes counters whose hour is over, fingerprints past the duplicate window and secrets of
 * other days (the surveys-abuse-cleanup job): nothing outlives the time it is needed for.
 */
export async function deleteExpiredAbuseState(db: DbOrTx, now: Date): Promise<number> {
  const t = now.getTime();
  const hits = await db
    .delete(surveysAbuseHits)
    .where(lte(surveysAbuseHits.windowStartMs, t - HOUR_MS))
    .returning({ key: surveysAbuseHits.clientKey });
  const prints = await db
    .delete(surveysAbuseFingerprints)
    .where(lte(surveysAbuseFingerprints.seenAtMs, t - DUPLICATE_WINDOW_MS))
    .returning({ key: surveysAbuseFingerprints.fingerprint });
  await db.delete(surveysAbuseSecrets).where(ne(surveysAbuseSecrets.day, bangkokDate(now)));
  return hits.length + prints.length;
}
