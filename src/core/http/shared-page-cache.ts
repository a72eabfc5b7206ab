import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { SESSION_COOKIE } from '../auth/sessions.js';
import type { AppEnv } from './env.js';
import { LOCALE_COOKIE } from './middleware.js';
import { incomingCookies } from './cookies.js';
import { TtlCache } from '../cache/ttl-cache.js';
import {
  compressBytesOffThread,
  encodedEtag,
  isCompressible,
  negotiateEncoding,
  replaceResponse,
  varyWithEncoding,
  type Encoding,
} from './compression.js';

/**
 * A route opts in by setting this header to a lifetime in milliseconds; the cache strips it.
 * Only pages that are the same for every anonymous visitor may set it (no form with a CSRF
 * token, nothing per person).
 */
export const SHARED_CACHE_HEADER = 'x-prongsai-shared-cache-ms';

/** One stored representation of a page: identity, br or gzip bytes with their own headers. */
interface Variant {
  /** A plain object, which the Node adapter writes without building a Headers instance. */
  headers: Record<string, string>;
  /** The body encoded (and compressed) once, with its length in `headers`. */
  bytes: Buffer;
  etag: string | null;
  /** What a 304 for this representation carries. */
  notModified: Record<string, string>;
}

interface Entry {
  status: number;
  identity: Variant;
  /** Compressed once when stored (issue 14 §2), absent for small or non-text pages. */
  br?: Variant;
  gzip?: Variant;
  /** One request is re-rendering an expired page; the others get the stale copy meanwhile. */
  isRefreshing: boolean;
  /** The agency whose public page this is (null: an instance page), for `invalidate`. */
  agencyId: string | null;
}

/** What a lookup found: a copy to send as it is, or a 304 for the visitor's own copy. */
type Hit =
  | { kind: 'page'; entry: Entry; variant: Variant }
  | { kind: 'not-modified'; headers: Record<string, string> };

// An expired copy is served while one request renders the new one, but never when older than this.
const MAX_STALE_MS = 60_000;

// Per-visitor or per-request headers never go into a shared copy.
const DROPPED = new Set(['set-cookie', 'x-request-id', SHARED_CACHE_HEADER]);
const NOT_MODIFIED_HEADERS = new Set(['etag', 'cache-control', 'vary']);

function etagMatches(etag: string, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

function cacheKey(host: string | undefined, pathWithQuery: string, locale: string | undefined) {
  return `${host ?? ''}|${pathWithQuery}|${locale ?? ''}`;
}

/**
 * What decides whether a copy carries HSTS (sent over HTTPS only): the socket's TLS and the
 * X-Forwarded-Proto header as received. Keyed apart, a copy made for an HTTPS visitor is
 * never the one an HTTP visitor gets, and the reverse.
 */
function schemeKey(isEncrypted: boolean, forwardedProto: string | string[] | undefined) {
  return `${isEncrypted ? 'tls' : ''}${String(forwardedProto ?? '')}|`;
}

/**
 * Anonymous GETs of opted-in pages, kept in memory: a citizen's page view or an assessor's
 * crawl then costs a map lookup instead of a dozen queries and the whole middleware chain.
 * Keyed by host, path with query and the language cookie; a visitor with a session always
 * gets a fresh page.
 *
 * Two ways in: `middleware()`, first in the Hono app, fills the cache and serves hits; and
 * `serveFromNode()`, called by the Node server before Hono sees the request at all, serves
 * fresh hits without building a Request/Response pair — on one process that is the
 * difference between a third and two thirds of nginx's rate for the same bytes
 * (docs/benchmarks.md).
 */
export class SharedPageCache {
  // Each page's lifetime is the one its route asked for (SHARED_CACHE_HEADER); the stale
  // copies stay readable through peek() for the stale-while-refreshing rule below.
  private readonly entries: TtlCache<string, Entry>;
  /** Bumped by every invalidate(): a render that began before it must not be stored after it. */
  private generation = 0;
  private readonly now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
    this.entries = new TtlCache({
      ttlMs: 0,
      maxEntries: options.maxEntries ?? 2_000,
      now: this.now,
    });
  }

  /**
   * Forgets the pages of one agency (and the instance pages, which list agencies), or every
   * page when `agencyId` is null: called when a change is committed on any server, so a staff
   * edit shows on every server at once instead of after the page's lifetime.
   */
  invalidate(agencyId: string | null): void {
    this.generation++;
    if (agencyId === null) {
      this.entries.clear();
      return;
    }
    this.entries.deleteWhere((entry) => entry.agencyId === agencyId || entry.agencyId === null);
  }

  private lookup(
    key: string,
    ifNoneMatch: string | undefined,
    encoding: Encoding | null,
  ): Hit | Entry | undefined {
    const stored = this.entries.peek(key);
    if (!stored) return undefined;
    const { value: entry, expiresAt } = stored;
    const t = this.now();
    const isFresh = t < expiresAt;
    const isStaleUsable = entry.isRefreshing && t < expiresAt + MAX_STALE_MS;
    // Expired and nobody refreshing: the caller renders (and refreshes) it.
    if (!isFresh && !isStaleUsable) return entry;
    const variant = (encoding && entry[encoding]) || entry.identity;
    if (variant.etag && etagMatches(variant.etag, ifNoneMatch)) {
      return { kind: 'not-modified', headers: variant.notModified };
    }
    return { kind: 'page', entry, variant };
  }

  /**
   * Serves a fresh copy straight from the Node request; false when Hono must handle it.
   * The raw request target is used as the key, so a path the URL parser would normalise
   * (`/a/x/../y`, `\`, raw UTF-8) simply misses and goes the long way: a miss is always safe.
   */
  serveFromNode(req: IncomingMessage, res: ServerResponse): boolean {
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || this.entries.size === 0) return false;
    const target = req.url;
    if (!target || target.charCodeAt(0) !== 47 /* '/' */) return false;
    const cookies = incomingCookies(req);
    if (cookies[SESSION_COOKIE]) return false;
    const found = this.lookup(
      schemeKey(
        (req.socket as { encrypted?: boolean }).encrypted === true,
        req.headers['x-forwarded-proto'],
      ) + cacheKey(req.headers.host, target, cookies[LOCALE_COOKIE]),
      req.headers['if-none-match'],
      negotiateEncoding(req.headers['accept-encoding']),
    );
    if (!found || !('kind' in found)) return false;
    if (found.kind === 'not-modified') {
      res.writeHead(304, found.headers);
      res.end();
    } else {
      res.writeHead(found.entry.status, found.variant.headers);
      if (method === 'HEAD') res.end();
      else res.end(found.variant.bytes);
    }
    return true;
  }

  middleware() {
    return createMiddleware<AppEnv>(async (c, next) => {
      const method = c.req.method;
      if ((method !== 'GET' && method !== 'HEAD') || getCookie(c, SESSION_COOKIE)) {
        await next();
        // HEAD, or a stale session cookie: not cached, and the opt-in header stays internal.
        c.res.headers.delete(SHARED_CACHE_HEADER);
        return;
      }
      const url = new URL(c.req.url);
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      const key =
        schemeKey(
          (incoming?.socket as { encrypted?: boolean } | undefined)?.encrypted === true,
          c.req.header('x-forwarded-proto'),
        ) +
        cacheKey(c.req.header('host'), `${url.pathname}${url.search}`, getCookie(c, LOCALE_COOKIE));
      const encoding = negotiateEncoding(c.req.header('accept-encoding'));
      const found = this.lookup(key, c.req.header('if-none-match'), encoding);
      if (found && 'kind' in found) {
        if (found.kind === 'not-modified') {
          return new Response(null, { status: 304, headers: { ...found.headers } });
        }
        return variantResponse(found.entry.status, found.variant);
      }
      // HEAD may take a hit, but only a GET's full body fills the cache.
      if (method === 'HEAD') {
        await next();
        c.res.headers.delete(SHARED_CACHE_HEADER);
        return;
      }
      const expired = found;
      // Without this, every expiry makes a hundred waiting visitors queue behind one render.
      // Kept until the new copy (and its compressed variants) is stored.
      if (expired) expired.isRefreshing = true;
      const generation = this.generation;
      try {
        await next();
        await this.store(c, key, encoding, generation);
      } finally {
        if (expired) expired.isRefreshing = false;
      }
    });
  }

  /** Stores an opted-in page and answers this visitor with the copy for their encoding. */
  private async store(
    c: Context<AppEnv>,
    key: string,
    encoding: Encoding | null,
    generation: number,
  ) {
    const ttl = Number(c.res.headers.get(SHARED_CACHE_HEADER));
    if (!c.res.headers.has(SHARED_CACHE_HEADER)) return;
    c.res.headers.delete(SHARED_CACHE_HEADER);
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !(ttl > 0) || !/^(text\/|application\/(rss\+)?xml)/.test(type)) {
      return;
    }
    const headers = Object.fromEntries(
      [...c.res.headers.entries()].filter(([k]) => !DROPPED.has(k.toLowerCase())),
    );
    const bytes = Buffer.from(await c.res.clone().arrayBuffer());
    const entry = await storedEntry(headers, bytes, type, c.res.headers.get('etag'));
    entry.agencyId = c.get('publicAgency')?.id ?? null;
    // A change committed while this page rendered: the copy may predate it, so it is sent to
    // this visitor but not kept (the next visitor renders afresh).
    if (generation === this.generation) this.entries.set(key, entry, ttl);
    // This visitor gets the copy for their Accept-Encoding, with their own cookies and id.
    const variant = (encoding && entry[encoding]) || entry.identity;
    const response = variantResponse(200, variant);
    for (const cookie of c.res.headers.getSetCookie())
      response.headers.append('set-cookie', cookie);
    const requestId = c.res.headers.get('x-request-id');
    if (requestId) response.headers.set('x-request-id', requestId);
    replaceResponse(c, response);
  }
}

function variantResponse(status: number, variant: Variant): Response {
  return new Response(new Uint8Array(variant.bytes), { status, headers: { ...variant.headers } });
}

function makeVariant(
  headers: Record<string, string>,
  bytes: Buffer,
  etag: string | null,
  encoding: Encoding | null,
): Variant {
  const all: Record<string, string> = { ...headers, 'content-length': String(bytes.byteLength) };
  if (encoding) all['content-encoding'] = encoding;
  const tag = etag ? encodedEtag(etag, encoding) : null;
  if (tag) all.etag = tag;
  const notModified: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (NOT_MODIFIED_HEADERS.has(k)) notModified[k] = v;
  }
  return { headers: all, bytes, etag: tag, notModified };
}

/**
 * A page as stored: its identity bytes and, for text worth it, br and gzip compressed here,
 * once per render, so a thousand visitors cost one compression instead of a thousand.
 */
async function storedEntry(
  headers: Record<string, string>,
  bytes: Buffer,
  type: string,
  etag: string | null,
): Promise<Entry> {
  if (!isCompressible(type, bytes.byteLength)) {
    return {
      status: 200,
      identity: makeVariant(headers, bytes, etag, null),
      isRefreshing: false,
      agencyId: null,
    };
  }
  const varied = { ...headers, vary: varyWithEncoding(headers.vary) };
  // On libuv's thread pool: the event loop keeps answering hits while a page is compressed.
  const [br, gzip] = await Promise.all([
    compressBytesOffThread(bytes, 'br'),
    compressBytesOffThread(bytes, 'gzip'),
  ]);
  return {
    status: 200,
    identity: makeVariant(varied, bytes, etag, null),
    br: makeVariant(varied, br, etag, 'br'),
    gzip: makeVariant(varied, gzip, etag, 'gzip'),
    isRefreshing: false,
    agencyId: null,
  };
}

/** The cache as one Hono middleware (tests and apps that do not need the Node fast path). */
export function sharedPageCache(options: { maxEntries?: number; now?: () => number } = {}) {
  return new SharedPageCache(options).middleware();
}
