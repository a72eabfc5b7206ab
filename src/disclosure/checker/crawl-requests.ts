import { ALLOW_ALL, parseRobotsTxt, type RobotsPolicy } from './parse-robots-txt.js';

/** The whole crawl's time limit ran out: not a fault of the link being fetched. */
export class DeadlineError extends Error {}

/**
 * Why a request failed, as the report names it. `time-limit` (the crawl's own deadline) is
 * kept apart from `timeout` (this server was slow): only the second says the link is broken.
 */
export function networkStatus(error: unknown): string {
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

/**
 * The site's robots.txt as a policy. A missing file allows everything; a server error on it
 * disallows everything, with a warning the report shows.
 */
export async function loadRobots(
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
