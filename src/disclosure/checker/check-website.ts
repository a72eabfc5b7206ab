import { z } from 'zod';
import { BUDDHIST_YEAR_MAX, BUDDHIST_YEAR_MIN } from '../../core/i18n/thai-format.js';
import { crawlSite, CrawlLimits, type BrokenLink, type CrawlProgress } from './crawl-site.js';
import { matchOitItems, type ItemMatch } from './match-oit-items.js';
import { OitItemForCheck } from './oit-item-for-check.js';
import type { NetworkPolicy } from './guarded-request.js';

export const CheckWebsiteInput = z.object({
  url: z.url({ protocol: /^https?$/ }),
  /** ปีงบประมาณ (พ.ศ.) being assessed. */
  fiscalYear: z.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX),
  items: z.array(OitItemForCheck).min(1),
  limits: CrawlLimits.partial().optional(),
  onProgress: z
    .custom<(progress: CrawlProgress) => void>((v) => typeof v === 'function')
    .optional(),
  /** Public addresses only unless a test or the operator's CLI flag allows private ones. */
  network: z.custom<NetworkPolicy>((v) => typeof v === 'object' && v !== null).optional(),
});
export type CheckWebsiteInput = z.input<typeof CheckWebsiteInput>;

/** ผลการตรวจเว็บไซต์: what the checker tells the agency about its OIT disclosure. */
export interface WebsiteCheckReport {
  url: string;
  fiscalYear: number;
  startedAt: string;
  finishedAt: string;
  isReachable: boolean;
  pagesVisited: number;
  stoppedBy: 'max-pages' | 'time-limit' | null;
  items: ItemMatch[];
  brokenLinks: BrokenLink[];
  offSiteRedirects: { from: string; to: string }[];
  blockedByRobots: string[];
  warnings: string[];
}

// Code-unit order, not locale order: the same on every machine and Node version.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Crawls an agency's website and reports, for every OIT item of the fiscal year, whether the
 * site shows it, where, and whether it looks current; plus broken links and crawl warnings.
 * Throws a ZodError on bad input; an unreachable site is a report with `isReachable: false`.
 *
 * @example
 * const report = await checkWebsite({ url: 'https://phothong.go.th', fiscalYear: 2566, items });
 */
export async function checkWebsite(input: CheckWebsiteInput): Promise<WebsiteCheckReport> {
  const parsed = CheckWebsiteInput.parse(input);
  const startedAt = new Date();
  const crawl = await crawlSite({
    url: parsed.url,
    limits: parsed.limits ?? {},
    ...(parsed.onProgress ? { onProgress: parsed.onProgress } : {}),
    ...(parsed.network ? { network: parsed.network } : {}),
  });
  // One entry per broken URL, sorted, so two runs over the same site print the same report.
  const brokenByUrl = new Map<string, BrokenLink>();
  for (const link of crawl.brokenLinks) {
    const previous = brokenByUrl.get(link.url);
    if (!previous || (link.foundOn ?? '') < (previous.foundOn ?? '')) {
      brokenByUrl.set(link.url, link);
    }
  }
  const brokenLinks = [...brokenByUrl.values()].sort((a, b) => compare(a.url, b.url));
  const items = matchOitItems({
    documents: crawl.documents,
    items: parsed.items,
    fiscalYear: parsed.fiscalYear,
    // A link whose redirects end in an error is as broken as the error itself.
    brokenUrls: crawl.brokenLinks.flatMap((b) =>
      b.redirectedFrom ? [b.url, b.redirectedFrom] : [b.url],
    ),
  });
  return {
    url: crawl.startUrl,
    fiscalYear: parsed.fiscalYear,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    isReachable: crawl.isReachable,
    pagesVisited: crawl.pagesVisited,
    stoppedBy: crawl.stoppedBy,
    items,
    brokenLinks,
    offSiteRedirects: [...crawl.offSiteRedirects].sort(
      (a, b) => compare(a.from, b.from) || compare(a.to, b.to),
    ),
    blockedByRobots: [...new Set(crawl.blockedByRobots)].sort(),
    warnings: [...new Set(crawl.warnings)].sort(),
  };
}
