import type { Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { openingFiscalYear } from '../core/i18n/thai-format.js';
import type { DisclosedContent } from '../core/module.js';
import { findLatestEntryYear } from './queries.js';
import { getOitItem, listOitYears } from './oit-items.js';
import { readOitYear } from './collect-search-documents.js';
import { disclosurePublicContent } from './read-public-content.js';
import type { FeedFailure } from './feed-sources.js';

/**
 * What the staff routes read from a request: the fiscal year asked for, an item code, and the
 * content other modules feed into the year. Kept apart so each route handler stays a few lines.
 */

/**
 * A year asked for that has no OIT criteria in the system: a page naming the year and the years
 * there are, never another year's page shown silently in its place.
 */
function noCriteriaFor(year: string): NotFoundError {
  return new NotFoundError('disclosure.errors.noFrameworkYear', {
    year,
    years: listOitYears().join(', '),
  });
}

/**
 * The fiscal year (พ.ศ.) a request shows: ?year= when asked (a year without criteria is a clear
 * 404); else the newest year this agency has entries for (what its staff were last working on);
 * else the current fiscal year, or the newest year with criteria before it.
 */
export async function pickYear(c: Context<AppEnv>): Promise<number> {
  const years = listOitYears();
  const raw = c.req.query('year');
  if (raw !== undefined && raw !== '') {
    const asked = Number(raw);
    if (!years.includes(asked)) throw noCriteriaFor(raw.slice(0, 12));
    return asked;
  }
  const latest = await findLatestEntryYear(c.get('ctx').db, c.get('ctx').agencyId);
  return openingFiscalYear([latest], c.get('ctx').now(), years);
}

/** The `:year` of a path, which must have criteria (else a 404 naming the years there are). */
export function yearParam(c: Context<AppEnv>): number {
  const year = Number(c.req.param('year'));
  if (!listOitYears().includes(year)) throw noCriteriaFor((c.req.param('year') ?? '').slice(0, 12));
  return year;
}

/** The `:code` of a path (`o1`…), which must be an item of that year's criteria. */
export function codeParam(c: Context<AppEnv>, year: number): string {
  const code = c.req.param('code') ?? '';
  if (!/^o\d{1,3}$/.test(code)) throw new NotFoundError();
  getOitItem(year, code);
  return code;
}

/**
 * A year to open from its predecessor: both must have criteria, else 404 (there is nothing to
 * copy from or to).
 */
export function openableYear(year: number): number {
  const years = listOitYears();
  if (!years.includes(year) || !years.includes(year - 1)) throw new NotFoundError();
  return year;
}

/**
 * The feeds and site pages that fill each item, as the public index files them (one status
 * everywhere), and the modules whose feed failed (logged with the request id, listed to staff).
 */
export async function fedFor(
  c: Context<AppEnv>,
  fiscalYear: number,
): Promise<{ byItem: Map<string, DisclosedContent[]>; failures: FeedFailure[] }> {
  const agency = c.get('agency')!;
  const year = await readOitYear(
    {
      q: { db: c.get('ctx').db, agencyId: agency.id, agencySlug: agency.slug },
      agency,
      content: disclosurePublicContent,
      modules: c.get('modules') ?? [],
      now: c.get('ctx').now(),
      requestId: c.get('requestId'),
    },
    fiscalYear,
  );
  return { byItem: year.fedByCode, failures: year.failures };
}
