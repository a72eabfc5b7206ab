import { createHmac, randomBytes } from 'node:crypto';
import { RateLimitedError } from '../core/errors.js';

/**
 * Abuse control for the open EIT link without personal data. The client address is turned
 * into a keyed hash with a random secret that lives only in this process's memory and is
 * replaced every Thai day; the address itself is never stored or logged, and yesterday's
 * keys cannot be recomputed by anyone (the secret is gone). Counters and recent-answer
 * fingerprints are also in memory only and expire within the hour.
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

  /** The rotating key of a client address for today. */
  clientKey(address: string, now: Date): string {
    const day = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    if (day !== this.secretDay) {
      this.secretDay = day;
      this.secret = randomBytes(32);
      this.hits.clear();
      this.recent.clear();
    }
    return createHmac('sha256', this.secret).update(address).digest('base64url').slice(0, 22);
  }

  /** Counts one attempt; throws RateLimitedError (429) above the hourly limit. */
  hit(key: string, now: Date): void {
    const t = now.getTime();
    const entry = this.hits.get(key);
    if (!entry || t - entry.windowStart >= 3600_000) {
      this.hits.set(key, { windowStart: t, count: 1 });
      if (this.hits.size > 100_000) this.hits.clear();
      return;
    }
    entry.count += 1;
    if (entry.count > this.options.perHour)
      throw new RateLimitedError('surveys.errors.rateLimited');
  }

  /**
   * True when the same client key sent the same answers to the same campaign within the
   * duplicate window: such a submission is acknowledged but not counted again.
   */
  isDuplicate(key: string, campaignId: string, answers: unknown, now: Date): boolean {
    const fingerprint = createHmac('sha256', this.secret)
      .update(`${key}|${campaignId}|${canonicalJson(answers)}`)
      .digest('base64url');
    const t = now.getTime();
    const seen = this.recent.get(fingerprint);
    if (seen !== undefined && t - seen < this.options.duplicateWindowMs) return true;
    this.recent.set(fingerprint, t);
    if (this.recent.size > 100_000) {
      for (const [k, at] of this.recent)
        if (t - at >= this.options.duplicateWindowMs) this.recent.delete(k);
    }
    return false;
  }

  /** Forget a fingerprint (the submission it guarded was rolled back). */
  forget(key: string, campaignId: string, answers: unknown): void {
    const fingerprint = createHmac('sha256', this.secret)
      .update(`${key}|${campaignId}|${canonicalJson(answers)}`)
      .digest('base64url');
    this.recent.delete(fingerprint);
  }
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

/** The process-wide instance the public routes use. */
export const abuseControl = new AbuseControl();
