import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { SESSION_COOKIE } from '../auth/sessions.js';
import type { AppEnv } from './env.js';
import { LOCALE_COOKIE } from './middleware.js';

/**
 * A route opts in by setting this header to a lifetime in milliseconds; the cache strips it.
 * Only pages that are the same for every anonymous visitor may set it (no form with a CSRF
 * token, nothing per person).
 */
export const SHARED_CACHE_HEADER = 'x-prongsai-shared-cache-ms';

interface Entry {
  status: number;
  /** A plain object, which the Node adapter writes without building a Headers instance. */
  headers: Record<string, string>;
  body: string;
  etag: string | null;
  until: number;
  /** One request is re-rendering an expired page; the others get the stale copy meanwhile. */
  isRefreshing: boolean;
}

// An expired copy is served while one request renders the new one, but never when older than this.
const MAX_STALE_MS = 60_000;

// Per-visitor or per-request headers never go into a shared copy.
const DROPPED = new Set(['set-cookie', 'x-request-id', SHARED_CACHE_HEADER]);

function etagMatches(etag: string, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * Serves an anonymous GET of an opted-in page from memory before any other middleware runs:
 * a citizen's page view or an assessor's crawl then costs a map lookup instead of a dozen
 * queries and the whole middleware chain. Keyed by host, path with query and the language
 * cookie; a visitor with a session always gets a fresh page.
 */
export function sharedPageCache(options: { maxEntries?: number; now?: () => number } = {}) {
  const maxEntries = options.maxEntries ?? 2_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'GET' || getCookie(c, SESSION_COOKIE)) return next();
    const url = new URL(c.req.url);
    const key = `${c.req.header('host') ?? ''}|${url.pathname}${url.search}|${getCookie(c, LOCALE_COOKIE) ?? ''}`;
    const hit = entries.get(key);
    const t = now();
    const isFresh = hit !== undefined && hit.until > t;
    const isStaleUsable = hit !== undefined && hit.isRefreshing && hit.until + MAX_STALE_MS > t;
    if (hit && (isFresh || isStaleUsable)) {
      if (hit.etag && etagMatches(hit.etag, c.req.header('if-none-match'))) {
        const keep = Object.entries(hit.headers).filter(([k]) =>
          ['etag', 'cache-control', 'vary'].includes(k),
        );
        return new Response(null, { status: 304, headers: Object.fromEntries(keep) });
      }
      return new Response(hit.body, { status: hit.status, headers: { ...hit.headers } });
    }
    // Without this, every expiry makes a hundred waiting visitors queue behind one render.
    if (hit) hit.isRefreshing = true;
    try {
      await next();
    } finally {
      if (hit) hit.isRefreshing = false;
    }
    const ttl = Number(c.res.headers.get(SHARED_CACHE_HEADER));
    if (!c.res.headers.has(SHARED_CACHE_HEADER)) return;
    c.res.headers.delete(SHARED_CACHE_HEADER);
    const type = c.res.headers.get('content-type') ?? '';
    // Text only: a string body takes the Node adapter's fast path on a hit.
    if (c.res.status !== 200 || !(ttl > 0) || !/^(text\/|application\/(rss\+)?xml)/.test(type)) {
      return;
    }
    const headers = Object.fromEntries(
      [...c.res.headers.entries()].filter(([k]) => !DROPPED.has(k.toLowerCase())),
    );
    const body = await c.res.clone().text();
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, {
      status: 200,
      headers,
      body,
      etag: c.res.headers.get('etag'),
      until: now() + ttl,
      isRefreshing: false,
    });
  });
}
