// Query parameters that only identify a session or a campaign: two URLs differing in them are
// the same page, and keeping them makes a visited set useless.
const IGNORED_PARAMS = /^(utm_\w+|fbclid|gclid|phpsessid|jsessionid|sid|sessionid|_)$/i;

/**
 * Canonical form of a URL for the visited set: no fragment, lower-case host, no default port,
 * no session/tracking parameters, parameters sorted. Returns null for anything that is not
 * http(s) (mailto:, tel:, javascript:, data:).
 */
export function normalizeCrawlUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams.entries()].filter(([key]) => !IGNORED_PARAMS.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}

/**
 * The site identity the crawler stays within: host name without a leading "www." plus the port
 * when it is not the default. http↔https and www↔bare redirects stay on the same site, which is
 * how municipal sites usually move.
 */
export function siteKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname.replace(/^www\./, '')}:${parsed.port}`;
}

/**
 * A shape shared by URLs that differ only in numbers (`/calendar?month=2566-10`,
 * `/calendar?month=2566-11`): a chain of such pages, each found on the previous one, is how an
 * infinite calendar looks to a crawler.
 */
export function urlTemplate(url: string): string {
  const parsed = new URL(url);
  const query = [...parsed.searchParams.entries()]
    .map(([k, v]) => `${k}=${/\d/.test(v) ? '#' : v}`)
    .join('&');
  return `${parsed.pathname.replace(/\d+/g, '#')}?${query}`;
}

/** A path with one segment repeated many times comes from a relative-link loop (`a/a/a/a/`). */
export function hasRepeatingSegments(url: string, maxRepeats = 3): boolean {
  const counts = new Map<string, number>();
  for (const segment of new URL(url).pathname.split('/')) {
    if (segment === '') continue;
    const n = (counts.get(segment) ?? 0) + 1;
    if (n > maxRepeats) return true;
    counts.set(segment, n);
  }
  return false;
}
