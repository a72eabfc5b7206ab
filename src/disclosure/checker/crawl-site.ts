import { createGuardedRequest } from './guarded-request.js';
import {
  hasRepeatingSegments,
  normalizeCrawlUrl,
  siteKey,
  urlTemplate,
} from './normalize-crawl-url.js';
import { CRAWLER_TOKEN } from './parse-robots-txt.js';
import { DeadlineError, loadRobots, networkStatus } from './crawl-requests.js';
import { readCrawledResponse } from './read-crawled-response.js';
import {
  CrawlLimits,
  type CrawledDocument,
  type CrawlResult,
  type CrawlSiteInput,
} from './crawl-types.js';

export {
  CrawlLimits,
  type BrokenLink,
  type CrawledDocument,
  type CrawlLimitsInput,
  type CrawlProgress,
  type CrawlResult,
  type CrawlSiteInput,
} from './crawl-types.js';

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
  // Said once per crawl: a missing pdftotext affects every PDF alike.
  const pdfTool = { isMissing: false };

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
      const read = await readCrawledResponse(
        response,
        { url, linkText: task.linkText },
        {
          maxBytes: limits.maxBytesPerResponse,
          pdfTimeoutMs: Math.max(limits.requestTimeoutMs, 5_000),
          pdfTool,
          warnings: result.warnings,
        },
      );
      if ('error' in read) {
        recordFailure(url, task.foundOn, read.error);
        return;
      }
      if (read.links) {
        linksOf.set(task.index, {
          parent: { ...task, url, template: urlTemplate(url) },
          links: read.links,
        });
      }
      pushDocument(task, read.document);
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
