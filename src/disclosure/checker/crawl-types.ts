import { z } from 'zod';
import type { NetworkPolicy } from './guarded-request.js';

/** The crawler's inputs and results (crawl-site.ts re-exports them for its callers). */

/** Bounds that keep a check polite to the agency's server and predictable for the user. */
export const CrawlLimits = z.object({
  maxPages: z.number().int().min(1).max(20_000).default(500),
  timeLimitMs: z.number().int().min(100).default(60_000),
  concurrency: z.number().int().min(1).max(16).default(4),
  requestTimeoutMs: z.number().int().min(50).default(10_000),
  maxBytesPerResponse: z
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** How many pages of one numeric URL shape may follow one another (calendar traps). */
  maxTemplateChain: z.number().int().min(2).default(12),
  /** Off-site links are checked once each (HEAD, else GET) for brokenness, never crawled. */
  checkExternalLinks: z.boolean().default(true),
  maxExternalLinks: z.number().int().min(0).default(300),
});
export type CrawlLimits = z.infer<typeof CrawlLimits>;
export type CrawlLimitsInput = z.input<typeof CrawlLimits>;

/** One fetched page or document of the site, reduced to what the OIT matcher reads. */
export interface CrawledDocument {
  url: string;
  kind: 'html' | 'pdf' | 'other';
  title: string;
  headings: string[];
  text: string;
  /** HTML: the text without menus, sidebars and link words (extractHtmlPage); else `text`. */
  contentText: string;
  links: { url: string; text: string }[];
  /** PDF CreationDate/ModDate, else Last-Modified of a non-HTML document; null when unknown. */
  documentDate: Date | null;
  /** Text on the first link that led here, so a PDF called "เอกสาร 1.pdf" keeps its menu name. */
  linkText: string;
  /** Links that redirected here (`/go?id=9` → `/uploads/o9.pdf`): evidence found on them is this document's. */
  aliases: string[];
}

/** A link that does not lead to a working page. */
export interface BrokenLink {
  url: string;
  /**
   * HTTP status, or 'timeout' | 'connection-refused' | 'dns' | 'network-error', or
   * 'private-address' when the host is or resolves to an address the checker must not reach.
   */
  status: number | string;
  foundOn: string | null;
  /** The link that was followed when a redirect chain ended at this broken URL. */
  redirectedFrom?: string;
}

/** Progress reported after every fetch, for the CLI's progress bar. */
export interface CrawlProgress {
  pagesVisited: number;
  queued: number;
  maxPages: number;
  elapsedMs: number;
  url: string;
}

/** Everything the crawl saw. */
export interface CrawlResult {
  startUrl: string;
  isReachable: boolean;
  documents: CrawledDocument[];
  pagesVisited: number;
  brokenLinks: BrokenLink[];
  offSiteRedirects: { from: string; to: string }[];
  blockedByRobots: string[];
  stoppedBy: 'max-pages' | 'time-limit' | null;
  warnings: string[];
}

export interface CrawlSiteInput {
  url: string;
  limits?: CrawlLimitsInput;
  onProgress?: (progress: CrawlProgress) => void;
  /** Which addresses may be reached; by default public ones only (tests pass an allowance). */
  network?: NetworkPolicy;
}
