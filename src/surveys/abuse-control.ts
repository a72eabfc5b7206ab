import { createHash, randomBytes, type Hash } from 'node:crypto';
import { bangkokDate } from './campaigns.js';
import { definePrimaryService } from '../core/cluster/primary-service.js';
import { RateLimitedError } from '../core/errors.js';

/**
 * Abuse control for the open EIT link without personal data. The client address is turned
 * into a keyed hash with a random secret that lives only in memory and is replaced every Thai
 * day; the address itself is never stored or logged, and yesterday's keys cannot be
 * recomputed by anyone (the secret is gone). Counters and recent-answer fingerprints are also
 * in memory only and expire within the hour.
 *
 * One instance holds them for the whole server: with several worker processes it lives in
 * the primary (see core/cluster), otherwise a respondent could get the limit once per worker.
 */
export class AbuseControl {
  private secretDay = '';
  private keyed: Hash = createHash('sha256').update(randomBytes(32));
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  private readonly recent = new Map<string, number>();

  constructor(
    readonly options: { perHour: number; duplicateWindowMs: number } = {
      perHour: Number(process.env.SURVEYS_RATE_PER_HOUR ?? 60),
      duplicateWindowMs: 10 * 60_000,
    },
  ) {}

  /** The rotating key of a client address for today (a keyed hash; the secret never leaves memory). */
  clientKey(address: string, now: number): string {
    const day = bangkokDate(new Date(now));
    if (day !== this.secretDay) {
      this.secretDay = day;
      this.keyed = createHash('sha256').update(randomBytes(32));
      this.hits.clear();
      this.recent.clear();
    }
    // SHA-256 of the day's 32-byte random secret and the address: the secret's state is
    // hashed once a day and copied per call (an HMAC's key set-up was most of a call's cost
    // at closing-day rates). A secret prefix is a sound keyed hash here: the keys never leave
    // memory, so there is no output to extend, and without the secret none can be computed.
    return this.keyed.copy().update(address).digest('base64url').slice(0, 22);
  }

  /**
   * Counts one attempt from an address. Returns the address's key for today (what
   * isDuplicate takes), or null above the hourly limit.
   */
  hit(address: string, now: number): string | null {
    const key = this.clientKey(address, now);
    const entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= 3600_000) {
      this.hits.set(key, { windowStart: now, count: 1 });
      if (this.hits.size > 100_000) this.hits.clear();
      return key;
    }
    entry.count += 1;
    return entry.count <= this.options.perHour ? key : null;
  }

  /**
   * True when the same client key sent the same answers (`answersDigest`, see digestAnswers)
   * within the duplicate window: such a submission is acknowledged but not counted again.
   * Both halves are hashes already, one of them keyed, so they are the fingerprint as they are.
   */
  isDuplicate(key: string, answersDigest: string, now: number): boolean {
    const fingerprint = `${key}|${answersDigest}`;
    const seen = this.recent.get(fingerprint);
    if (seen !== undefined && now - seen < this.options.duplicateWindowMs) return true;
    this.recent.set(fingerprint, now);
    if (this.recent.size > 100_000) {
      for (const [k, at] of this.recent)
        if (now - at >= this.options.duplicateWindowMs) this.recent.delete(k);
    }
    return false;
  }

  /** Forget a fingerprint (the submission it guarded was rolled back). */
  forget(key: string, answersDigest: string): void {
    this.recent.delete(`${key}|${answersDigest}`);
  }
}

/**
 * What a fingerprint is made of, computed where the answers are so that only a digest
 * crosses to the primary: SHA-256 (hex) of the campaign id and the answers written as
 * PostgreSQL writes jsonb as text, so that the EIT batch statement can compute the very
 * same digest in the database (submit-eit-batch.ts). Not secret on its own: the keyed
 * client hash is added in the primary.
 */
export function digestAnswers(campaignId: string, answers: unknown): string {
  return createHash('sha256')
    .update(`${campaignId}|${jsonbText(answers)}`)
    .digest('hex');
}

// jsonb orders keys by their length in bytes, then by the bytes themselves.
const jsonbKeyOrder = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length - y.length || Buffer.compare(x, y);
};

/**
 * A JSON value as PostgreSQL's `jsonb::text` writes it: object keys shortest first, then by
 * their UTF-8 bytes; `": "` and `", "` between items; strings escaped as JSON.stringify
 * does for valid text. Canonical, whatever order the keys were added in. Numbers are not
 * covered (PostgreSQL keeps a numeric's written form); stored answers are strings.
 */
export function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort(jsonbKeyOrder);
    const record = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText(record[k])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

type AbuseCall =
  | { op: 'hit'; address: string; now: number }
  | { op: 'duplicate' | 'forget'; key: string; digest: string; now: number };

const instanceWide = new AbuseControl();
const callAbuseControl = definePrimaryService(
  'surveys.abuse-control',
  (call: AbuseCall): string | boolean | null => {
    if (call.op === 'hit') return instanceWide.hit(call.address, call.now);
    if (call.op === 'duplicate') return instanceWide.isDuplicate(call.key, call.digest, call.now);
    instanceWide.forget(call.key, call.digest);
    return true;
  },
);

/** The server-wide abuse control the public survey routes use. */
export const abuseControl = {
  /**
   * Counts one attempt from this address; throws RateLimitedError (429) above the limit.
   * Returns the address's rotating key for today, which is all the other calls take.
   */
  async hit(address: string, now: Date): Promise<string> {
    const key = await callAbuseControl({ op: 'hit', address, now: now.getTime() });
    if (typeof key !== 'string') throw new RateLimitedError('surveys.errors.rateLimited');
    return key;
  },
  async isDuplicate(
    key: string,
    campaignId: string,
    answers: unknown,
    now: Date,
  ): Promise<boolean> {
    return this.isDuplicateDigest(key, digestAnswers(campaignId, answers), now);
  },
  /** isDuplicate for answers whose digest (digestAnswers) is already known. */
  async isDuplicateDigest(key: string, digest: string, now: Date): Promise<boolean> {
    return (await callAbuseControl({ op: 'duplicate', key, digest, now: now.getTime() })) === true;
  },
  async forget(key: string, campaignId: string, answers: unknown, now: Date): Promise<void> {
    const digest = digestAnswers(campaignId, answers);
    await callAbuseControl({ op: 'forget', key, digest, now: now.getTime() });
  },
};
