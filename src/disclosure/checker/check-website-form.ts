import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { listOitYears } from '../oit-items.js';
import { checkWebsite, type WebsiteCheckReport } from './check-website.js';
import { isPublicTarget } from './guarded-request.js';
import { checkerItemsFromFramework } from './items-from-framework.js';

/**
 * The staff checker page is bounded harder than the CLI: it runs inside a request, so a slow
 * or huge site must not hold a worker for minutes.
 */
export const CHECKER_PAGE_LIMITS = { maxPages: 60, timeLimitMs: 20_000, concurrency: 4 };

/** The checker page's form: the site's address and the fiscal year (พ.ศ.) to check it for. */
export const CheckerForm = z.object({
  url: z.url({ protocol: /^https?$/, error: 'disclosure.errors.badUrl' }),
  year: z.coerce.number().int(),
});

/** The year a checker form names, when it has criteria; else the year the page was showing. */
export function checkerYear(typed: unknown, fallback: number): number {
  const year = Number(typed);
  return listOitYears().includes(year) ? year : fallback;
}

/**
 * Checks an agency's site from the staff page. An address that resolves to a private,
 * loopback or link-local host is refused here with a friendly message (422 next to the field);
 * the crawler itself still checks every connection and redirect (guarded-request.ts).
 */
export async function checkWebsiteFromForm(
  form: z.infer<typeof CheckerForm>,
  fallbackYear: number,
): Promise<{ year: number; url: string; report: WebsiteCheckReport }> {
  if (!(await isPublicTarget(form.url))) {
    throw new ValidationError('errors.validation', { url: 'disclosure.errors.badUrl' });
  }
  const year = checkerYear(form.year, fallbackYear);
  const report = await checkWebsite({
    url: form.url,
    fiscalYear: year,
    items: checkerItemsFromFramework(year),
    limits: CHECKER_PAGE_LIMITS,
  });
  return { year, url: form.url, report };
}
