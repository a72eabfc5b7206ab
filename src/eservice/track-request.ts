import type { DbOrTx } from '../core/db/client.js';
import { NotFoundError } from '../core/errors.js';
import { findRequestByTrackingCode } from './queries.js';
import { normalizeTrackingCode } from './tracking-code.js';
import { checkTrackLimit, recordTrackMiss } from './track-limiter.js';

/**
 * A request by its tracking code for the public status page. A malformed or unknown code is
 * one answer (404, "not found"), counted against the visitor's miss limit.
 */
export async function trackRequest(db: DbOrTx, agencyId: string, typed: string, address: string) {
  checkTrackLimit(address);
  const code = normalizeTrackingCode(typed);
  const found = code ? await findRequestByTrackingCode(db, agencyId, code) : null;
  if (!found) {
    recordTrackMiss(address);
    throw new NotFoundError('eservice.errors.trackNotFound');
  }
  return found;
}
