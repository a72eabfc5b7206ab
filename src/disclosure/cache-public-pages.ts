import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../core/http/env.js';

interface CachedPage {
  body: string;
  contentType: string;
  etag: string;
  until: number;
}

export interface PublicPageCacheOptions {
  /** How long a rendered page is reused; a publication shows within this time. */
  ttlMs?: number;
  /** Most pages kept; the oldest entries go first when full. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Reuses the rendered HTML/XML of a public page for anonymous visitors for a few seconds.
 * A page view reads a dozen rows (the year's items, entries, feeds, units…), so without it a
 * burst of citizens or an assessor's crawler costs the database a dozen queries each; with it
 * a burst costs one render. Logged-in visitors (their page shows a log-out form with their
 * CSRF token) and anything but a 200 GET bypass the cache. The key is agency, language and
 * the full path with query, so `?year=` and `?q=` pages are distinct.
 */
export function cachePublicPages(options: PublicPageCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? 10_000;
  const maxEntries = options.maxEntries ?? 2_000;
  const now = options.now ?? Date.now;
  const pages = new Map<string, CachedPage>();
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'GET' || c.var.user) return next();
    const url = new URL(c.req.url);
    const key = `${c.var.publicAgency.id}|${c.var.locale}|${url.pathname}${url.search}`;
    const hit = pages.get(key);
    if (hit && hit.until > now()) {
      return c.body(hit.body, 200, { 'Content-Type': hit.contentType, ETag: hit.etag });
    }
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !/^(text\/html|application\/rss\+xml)/.test(type)) return;
    const body = await c.res.clone().text();
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    c.res.headers.set('ETag', etag);
    if (pages.size >= maxEntries) pages.delete(pages.keys().next().value!);
    pages.delete(key);
    pages.set(key, { body, contentType: type, etag, until: now() + ttlMs });
  });
}
