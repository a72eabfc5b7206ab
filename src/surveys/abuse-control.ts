import { createHash, createHmac, randomBytes } from 'node:crypto';
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
  private secret = randomBytes(32);
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
    const day = new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
    if (day !== this.secretDay) {
      this.secretDay = day;
      this.secret = randomBytes(32);
      this.hits.clear();
      this.recent.clear();
    }
    return createHmac('sha256', this.secret).update(address).digest('base64url').slice(0, 22);
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
 * What a fingerprint is made of, computed where the answers are (a worker) so that only a
 * digest crosses to the primary. Not secret on its own: the keyed client hash is added there.
 */
export function digestAnswers(campaignId: string, answers: unknown): string {
  return createHash('sha256')
    .update(`${campaignId}|${canonicalJson(answers)}`)
    .digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
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
    const digest = digestAnswers(campaignId, answers);
    return (await callAbuseControl({ op: 'duplicate', key, digest, now: now.getTime() })) === true;
  },
  async forget(key: string, campaignId: string, answers: unknown, now: Date): Promise<void> {
    const digest = digestAnswers(campaignId, answers);
    await callAbuseControl({ op: 'forget', key, digest, now: now.getTime() });
  },
};
