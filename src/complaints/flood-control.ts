import type { Database } from '../core/db/client.js';
import { RateLimitedError } from '../core/errors.js';
import { abuseControl } from '../surveys/index.js';

/**
 * Counts one public filing, message or receipt attempt from an address, and refuses it above
 * the hourly limit. The surveys' abuse control does the counting: a keyed hash of the address
 * with a secret replaced daily, in UNLOGGED tables emptied hourly, so who filed is never
 * stored. The `complaints|` prefix gives complaints their own counter (a survey answer from the
 * same address does not use up a complaint, and the other way round). Guessing a receipt is
 * hopeless anyway (2^160); the limit keeps a guesser from loading the database.
 */
export async function countPublicAttempt(
  database: Pick<Database, 'query'>,
  address: string,
  now: Date,
): Promise<void> {
  try {
    await abuseControl.hit(database, `complaints|${address}`, now);
  } catch (error) {
    if (error instanceof RateLimitedError)
      throw new RateLimitedError('complaints.errors.rateLimited');
    throw error;
  }
}
