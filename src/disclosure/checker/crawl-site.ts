import { z } from 'zod';
import { decodePageBody } from './decode-page-body.js';
import { extractHtmlPage } from './extract-html-page.js';
import { extractPdfText } from './extract-pdf-text.js';
import { createGuardedRequest, type NetworkPolicy } from './guarded-request.js';
import {
  hasRepeatingSegments,
  normalizeCrawlUrl,
  siteKey,
  urlTemplate,
} from './normalize-crawl-url.js';
import { ALLOW_ALL, CRAWLER_TOKEN, parseRobotsTxt, type RobotsPolicy } from './parse-robots-txt.js';

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

interface Task {
  /** Position in the queue: links are released in this order, whatever finishes first. */
  index: number;
  url: string;
  foundOn: string | null;
  linkText: string;
  template: string;
  chain: number;
  isExternal: boolean;
}

const USER_AGENT = `Mozilla/5.0 (compatible; ${CRAWLER_TOKEN}-OIT-checker/0.1)`;
const MAX_URL_LENGTH = 400;
const MAX_REDIRECTS = 10;

class DeadlineError extends Error {}

function networkStatus(error: unknown): string {
  const err = error as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (error instanceof DeadlineError || err.cause instanceof DeadlineError) return 'time-limit';
  if (err.name === 'TimeoutError' || err.cause?.name === 'TimeoutError') return 'timeout';
  const code = err.code ?? err.cause?.code ?? '';
  if (code === 'EBLOCKEDADDRESS') return 'private-address';
  if (code === 'ECONNREFUSED') return 'connection-refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timeout';
  return 'network-error';
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= maxBytes) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks);
}

function classify(contentType: string, url: string): CrawledDocument['kind'] {
  if (/html|xhtml/i.test(contentType)) return 'html';
  if (/pdf/i.test(contentType)) return 'pdf';
  if (/octet-stream|^$/.test(contentType) && /\.pdf$/i.test(new URL(url).pathname)) return 'pdf';
  if (contentType === '' && !/\.\w{2,4}$/.test(new URL(url).pathname)) return 'html';
  return 'other';
}

function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Crawls one agency website breadth-first, staying on its host, and returns every HTML page and
 * PDF it could read, broken links, off-site redirects and warnings. Never throws for a site
 * problem: an unreachable start page gives `isReachable: false`.
 *
 * @example
 * const result = await crawlSite({ url: 'https://phothong.go.th', limits: { maxPages: 200 } });
 */
export async function crawlSite(input: CrawlSiteInput): Promise<CrawlResult> {
  const limits = CrawlLimits.parse(input.limits ?? {});
  const startedAt = Date.now();
  const normalizedStart = normalizeCrawlUrl(input.url);
  if (!normalizedStart) throw new TypeError(`not an http(s) URL: ${input.url}`);
  const startUrl: string = normalizedStart;
  const homeSite = siteKey(startUrl);

  const result: CrawlResult = {
    startUrl,
    isReachable: false,
    documents: [],
    pagesVisited: 0,
    brokenLinks: [],
    offSiteRedirects: [],
    blockedByRobots: [],
    stoppedBy: null,
    warnings: [],
  };
  const deadline = new AbortController();
  const deadlineTimer = setTimeout(() => deadline.abort(new DeadlineError()), limits.timeLimitMs);
  const seen = new Set<string>([startUrl]);
  // Links found on task n join the queue only after those of tasks 0…n-1, so the crawl visits
  // the same pages in the same order on every run (issue 14 §3), concurrency notwithstanding.
  const linksOf = new Map<number, { parent: Task; links: { url: string; text: string }[] }>();
  const finished = new Set<number>();
  let committed = 0;
  const documentIndex = new Map<CrawledDocument, number>();
  const warnedTemplates = new Set<string>();
  const queue: Task[] = [];
  let queueHead = 0;
  let internalStarted = 0;
  let externalStarted = 0;
  let pdfToolMissing = false;

  // Every request and every redirect hop goes through the address guard (issue 12 item 5).
  const guarded = createGuardedRequest(input.network);
  const request = (url: string, method: 'GET' | 'HEAD') => {
    // Not AbortSignal.timeout(): a timeout signal held only by AbortSignal.any() can be
    // garbage-collected before it fires (seen under load: a 3 s page was waited for in full
    // instead of timing out at 500 ms). The timer's closure keeps this controller alive; it
    // covers the body too, so it is left to run out, unref'd.
    const timeout = new AbortController();
    setTimeout(
      () => timeout.abort(new DOMException('request timed out', 'TimeoutError')),
      limits.requestTimeoutMs,
    ).unref();
    return guarded.request(url, {
      method,
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/pdf;q=0.9,*/*;q=0.5' },
      signal: AbortSignal.any([deadline.signal, timeout.signal]),
    });
  };
  try {
    return await crawlWith(request);
  } finally {
    clearTimeout(deadlineTimer);
    guarded.close();
  }

  async function crawlWith(
    request: (url: string, method: 'GET' | 'HEAD') => Promise<Response>,
  ): Promise<CrawlResult> {
    const robots = await loadRobots(startUrl, request, result.warnings);
    const start = new URL(startUrl);
    if (!robots.isAllowed(start.pathname + start.search)) {
      result.blockedByRobots.push(startUrl);
      result.warnings.push(
        `robots.txt ไม่อนุญาตให้ตรวจหน้าแรก ${startUrl} / robots.txt disallows the start page`,
      );
      return result;
    }

    const enqueue = (href: string, parent: Task, text: string) => {
      const url = normalizeCrawlUrl(href);
      if (!url || seen.has(url)) return;
      const isExternal = siteKey(url) !== homeSite;
      if (isExternal) {
        if (!limits.checkExternalLinks) return;
        seen.add(url);
        queue.push({
          index: queue.length,
          url,
          foundOn: parent.url,
          linkText: text,
          template: '',
          chain: 0,
          isExternal,
        });
        return;
      }
      if (url.length > MAX_URL_LENGTH || hasRepeatingSegments(url)) return;
      const template = urlTemplate(url);
      const chain = template === parent.template ? parent.chain + 1 : 1;
      if (chain > limits.maxTemplateChain) {
        if (!warnedTemplates.has(template)) {
          warnedTemplates.add(template);
          result.warnings.push(
            `หยุดติดตามลิงก์ที่วนไม่รู้จบ (เช่น ปฏิทิน) ที่ ${url} / Stopped following a URL trap at ${url}`,
          );
        }
        return;
      }
      seen.add(url);
      const path = new URL(url);
      if (!robots.isAllowed(path.pathname + path.search)) {
        result.blockedByRobots.push(url);
        return;
      }
      queue.push({
        index: queue.length,
        url,
        foundOn: parent.url,
        linkText: text,
        template,
        chain,
        isExternal,
      });
    };

    // A request cut off by the overall deadline says nothing about the link: it is not broken.
    const recordFailure = (url: string, foundOn: string | null, error: unknown) => {
      const status = networkStatus(error);
      if (status === 'time-limit') result.stoppedBy ??= 'time-limit';
      else result.brokenLinks.push({ url, status, foundOn });
    };

    const pushDocument = (task: Task, fields: Omit<CrawledDocument, 'aliases'>) => {
      const doc: CrawledDocument = {
        ...fields,
        aliases: fields.url === task.url ? [] : [task.url],
      };
      documentIndex.set(doc, task.index);
      result.documents.push(doc);
    };

    const finish = (index: number) => {
      finished.add(index);
      while (finished.has(committed)) {
        const found = linksOf.get(committed);
        if (found) for (const link of found.links) enqueue(link.url, found.parent, link.text);
        finished.delete(committed);
        linksOf.delete(committed);
        committed++;
      }
    };

    const visitExternal = async (task: Task) => {
      try {
        let response = await request(task.url, 'HEAD');
        if (response.status === 405 || response.status === 501) {
          response = await request(task.url, 'GET');
          await response.body?.cancel();
        }
        if (response.status >= 400) {
          result.brokenLinks.push({
            url: task.url,
            status: response.status,
            foundOn: task.foundOn,
          });
        }
      } catch (error) {
        recordFailure(task.url, task.foundOn, error);
      }
    };

    const visitInternal = async (task: Task) => {
      let url = task.url;
      let response: Response;
      try {
        for (let hop = 0; ; hop++) {
          response = await request(url, 'GET');
          const location = response.headers.get('location');
          if (response.status < 300 || response.status >= 400 || !location) break;
          await response.body?.cancel();
          const next = normalizeCrawlUrl(location, url);
          if (!next || hop >= MAX_REDIRECTS) {
            result.warnings.push(
              `เปลี่ยนเส้นทางมากเกินไป: ${task.url} / Too many redirects: ${task.url}`,
            );
            return;
          }
          if (siteKey(next) !== homeSite) {
            result.offSiteRedirects.push({ from: url, to: next });
            result.warnings.push(
              `ลิงก์ ${url} พาออกไปนอกเว็บไซต์ (${next}) จึงไม่ได้ตรวจต่อ / Redirects off-site to ${next}`,
            );
            return;
          }
          const nextPath = new URL(next);
          if (!robots.isAllowed(nextPath.pathname + nextPath.search)) {
            result.blockedByRobots.push(next);
            return;
          }
          // Followed even when the target is queued too: which of the two got there first
          // depends on timing; the duplicate document is dropped by queue order at the end.
          url = next;
        }
      } catch (error) {
        recordFailure(url, task.foundOn, error);
        return;
      }
      if (task.foundOn === null) result.isReachable = true;
      result.pagesVisited++;
      if (response.status >= 400) {
        await response.body?.cancel();
        result.brokenLinks.push({
          url,
          status: response.status,
          foundOn: task.foundOn,
          ...(url !== task.url ? { redirectedFrom: task.url } : {}),
        });
        return;
      }
      const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      const kind = classify(contentType, url);
      const lastModified = response.headers.get('last-modified');
      const headerDate = lastModified ? new Date(lastModified) : null;
      const here: Task = { ...task, url, template: urlTemplate(url) };
      if (kind === 'other') {
        await response.body?.cancel();
        pushDocument(task, {
          url,
          kind,
          title: fileName(url),
          headings: [],
          text: '',
          contentText: '',
          links: [],
          documentDate: headerDate && !Number.isNaN(headerDate.getTime()) ? headerDate : null,
          linkText: task.linkText,
        });
        return;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response, limits.maxBytesPerResponse);
      } catch (error) {
        recordFailure(url, task.foundOn, error);
        return;
      }
      if (kind === 'pdf') {
        const pdf = pdfToolMissing
          ? ({ ok: false, reason: 'missing-tool', documentDate: null } as const)
          : await extractPdfText(bytes, Math.max(limits.requestTimeoutMs, 5_000));
        if (!pdf.ok && pdf.reason === 'missing-tool' && !pdfToolMissing) {
          pdfToolMissing = true;
          result.warnings.push(
            'ไม่พบโปรแกรม pdftotext (poppler-utils) จึงอ่านข้อความใน PDF ไม่ได้ / pdftotext is missing: PDF text not read',
          );
        } else if (!pdf.ok && pdf.reason !== 'missing-tool') {
          result.warnings.push(`อ่าน PDF ไม่ได้: ${url} / Could not read PDF (${pdf.reason})`);
        }
        const text = pdf.ok ? pdf.text : '';
        const lines = text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l.length > 0);
        pushDocument(task, {
          url,
          kind,
          title: fileName(url),
          // A PDF's first lines are its heading: agencies put the document name there.
          headings: lines.slice(0, 3),
          text: lines.join(' '),
          contentText: lines.join(' '),
          links: [],
          documentDate:
            pdf.documentDate ??
            (headerDate && !Number.isNaN(headerDate.getTime()) ? headerDate : null),
          linkText: task.linkText,
        });
        return;
      }
      const page = extractHtmlPage(decodePageBody(bytes, contentType));
      const base = (page.baseHref && normalizeCrawlUrl(page.baseHref, url)) || url;
      const links: { url: string; text: string }[] = [];
      for (const link of page.links) {
        const target = normalizeCrawlUrl(link.href, base);
        if (!target) continue;
        links.push({ url: target, text: link.text });
      }
      linksOf.set(task.index, { parent: here, links });
      pushDocument(task, {
        url,
        kind,
        title: page.title,
        headings: page.headings,
        text: page.text,
        contentText: page.contentText,
        links,
        documentDate: null,
        linkText: task.linkText,
      });
    };

    queue.push({
      index: 0,
      url: startUrl,
      foundOn: null,
      linkText: '',
      template: urlTemplate(startUrl),
      chain: 1,
      isExternal: false,
    });
    const isPastDeadline = () => deadline.signal.aborted;
    await new Promise<void>((resolve) => {
      let active = 0;
      const pump = () => {
        while (active < limits.concurrency && queueHead < queue.length && !isPastDeadline()) {
          const task = queue[queueHead++]!;
          if (task.isExternal) {
            if (externalStarted >= limits.maxExternalLinks) {
              finish(task.index);
              continue;
            }
            externalStarted++;
          } else {
            if (internalStarted >= limits.maxPages) {
              result.stoppedBy ??= 'max-pages';
              finish(task.index);
              continue;
            }
            internalStarted++;
          }
          active++;
          const work = task.isExternal ? visitExternal(task) : visitInternal(task);
          void work
            .catch((error: unknown) => {
              result.warnings.push(`ข้อผิดพลาดภายใน: ${task.url} / Internal error: ${String(error)}`);
            })
            .finally(() => {
              active--;
              finish(task.index);
              if (!task.isExternal) {
                input.onProgress?.({
                  pagesVisited: result.pagesVisited,
                  queued: queue.length - queueHead,
                  maxPages: limits.maxPages,
                  elapsedMs: Date.now() - startedAt,
                  url: task.url,
                });
              }
              pump();
            });
        }
        if (isPastDeadline() && queueHead < queue.length) result.stoppedBy ??= 'time-limit';
        if (active === 0 && (queueHead >= queue.length || isPastDeadline())) resolve();
      };
      pump();
    });
    // One document per URL (a redirect and a link may both reach it), the first in queue order.
    const byUrl = new Map<string, CrawledDocument>();
    const ordered = [...result.documents].sort(
      (a, b) => documentIndex.get(a)! - documentIndex.get(b)!,
    );
    for (const doc of ordered) {
      const kept = byUrl.get(doc.url);
      if (!kept) byUrl.set(doc.url, doc);
      else kept.aliases = [...new Set([...kept.aliases, ...doc.aliases])].sort();
    }
    result.documents = [...byUrl.values()];
    if (result.stoppedBy === 'time-limit') {
      result.warnings.push(
        `ตรวจไม่ครบเพราะครบเวลาที่กำหนด (${limits.timeLimitMs / 1000} วินาที) / Time limit reached`,
      );
    } else if (result.stoppedBy === 'max-pages') {
      result.warnings.push(`ตรวจไม่ครบเพราะครบ ${limits.maxPages} หน้าแล้ว / Page limit reached`);
    }
    return result;
  }
}

async function loadRobots(
  startUrl: string,
  request: (url: string, method: 'GET' | 'HEAD') => Promise<Response>,
  warnings: string[],
): Promise<RobotsPolicy> {
  const robotsUrl = new URL('/robots.txt', startUrl).toString();
  try {
    const response = await request(robotsUrl, 'GET');
    const body = await response.text();
    if (response.status >= 500) {
      // RFC 9309 §2.3.1.4: an unreachable robots.txt means "assume complete disallow".
      warnings.push(
        `อ่าน robots.txt ไม่ได้ (HTTP ${response.status}) จึงไม่ตรวจเว็บไซต์ / robots.txt unavailable`,
      );
      return { isAllowed: () => false };
    }
    if (response.status >= 200 && response.status < 300) return parseRobotsTxt(body);
  } catch {
    // A site that does not answer is reported by the start-page fetch, not here.
  }
  return ALLOW_ALL;
}
