import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.js';

/**
 * Content-coding of responses (issue 14 §2): HTML, CSS, feeds and SVG go out as br or gzip when
 * the client accepts it. Cached pages and static files are compressed once and kept
 * (shared-page-cache.ts, create-app.tsx); `compressResponses` compresses the rest per request.
 */
export type Encoding = 'br' | 'gzip';

/** Types worth compressing: text and XML/JSON. Images, fonts' woff2, PDFs are already packed. */
export const COMPRESSIBLE_TYPE =
  /^(text\/|application\/(rss\+xml|atom\+xml|xml|json|javascript|manifest\+json)|image\/svg\+xml|font\/ttf)/i;

// Below this a gzip header and the CPU cost more than the bytes saved (nginx's gzip_min_length).
const MIN_BYTES = 1024;

const negotiated = new Map<string, Encoding | null>();

function parseAcceptEncoding(header: string): Encoding | null {
  let br = 0;
  let gzip = 0;
  let star = -1;
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName!.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!(q >= 0 && q <= 1)) q = 0;
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gzip = q;
    else if (name === '*') star = q;
  }
  if (star > 0) {
    if (br === 0 && !/\bbr\b/i.test(header)) br = star;
    if (gzip === 0 && !/gzip/i.test(header)) gzip = star;
  }
  // Brotli is ~15 % smaller than gzip on our Thai HTML; prefer it at equal quality values.
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3), or null for identity.
 * Browsers send a handful of distinct headers, so the answer is memoised per header string.
 */
export function negotiateEncoding(header: string | undefined | null): Encoding | null {
  if (!header) return null;
  let found = negotiated.get(header);
  if (found === undefined) {
    found = parseAcceptEncoding(header);
    if (negotiated.size > 500) negotiated.clear();
    negotiated.set(header, found);
  }
  return found;
}

/**
 * Compresses once, for bytes that are kept: brotli at a level that costs a millisecond or two
 * on a 20 KB page (`quality` 11 only for start-up work such as static files).
 */
export function compressBytes(bytes: Uint8Array, encoding: Encoding, quality = 6): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(bytes, brotliOptions(bytes, quality))
    : gzipSync(bytes, { level: quality >= 9 ? 9 : 6 });
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** compressBytes on libuv's thread pool, for work done while requests are being answered. */
export function compressBytesOffThread(
  bytes: Uint8Array,
  encoding: Encoding,
  quality = 6,
): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(bytes, brotliOptions(bytes, quality))
    : gzipAsync(bytes, { level: quality >= 9 ? 9 : 6 });
}

function brotliOptions(bytes: Uint8Array, quality: number) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  };
}

/** Whether a body of this type and size should be offered compressed. */
export function isCompressible(contentType: string | null | undefined, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE_TYPE.test(contentType ?? '');
}

/** A Vary value with `Accept-Encoding` added once. */
export function varyWithEncoding(vary: string | null | undefined): string {
  if (!vary) return 'Accept-Encoding';
  if (/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary) || vary.trim() === '*') return vary;
  return `${vary}, Accept-Encoding`;
}

/**
 * The entity tag of an encoded representation: a strong tag names exact bytes, so each coding
 * gets its own (`"abc"` → `"abc-br"`); a weak tag stays as it is, since it only promises the
 * same meaning, as RFC 9110 §8.8.3 allows.
 */
export function encodedEtag(etag: string, encoding: Encoding | null): string {
  if (!encoding || etag.startsWith('W/')) return etag;
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

/**
 * Compresses a dynamic response per request when the client accepts it: staff pages, a
 * logged-in visitor's public page, search results. Answers that already carry a coding (the
 * page cache's stored variants, static files) pass untouched.
 */
export const compressResponses = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // Answers to a POST (a thank-you page, a form shown again) are small and answered once; the
  // closing-day EIT submit is also answered by a Node lane that must send exactly what the route
  // sends (surveys/node-lane.test.ts), so only GET and HEAD answers are compressed.
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
  const res = c.res;
  // HEAD too: Hono answers it by running the GET and dropping the body, so it gets the same headers.
  if (!res.body || res.headers.has('content-encoding')) return;
  if (res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304) return;
  const type = res.headers.get('content-type');
  if (!COMPRESSIBLE_TYPE.test(type ?? '')) return;
  const cacheControl = res.headers.get('cache-control') ?? '';
  if (/no-transform/i.test(cacheControl)) return;
  const encoding = negotiateEncoding(c.req.header('accept-encoding'));
  const vary = varyWithEncoding(res.headers.get('vary'));
  const length = Number(res.headers.get('content-length'));
  if (!encoding || (length >= 0 && length < MIN_BYTES && res.headers.has('content-length'))) {
    if (encoding !== null || c.req.header('accept-encoding')) res.headers.set('vary', vary);
    return;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  headers.set('vary', vary);
  if (bytes.byteLength < MIN_BYTES) {
    replaceResponse(c, new Response(bytes, { status: res.status, headers }));
    return;
  }
  // Per-request work: a lighter brotli level than the once-per-page cache variants.
  const body = compressBytes(bytes, encoding, 4);
  headers.set('content-encoding', encoding);
  headers.set('content-length', String(body.byteLength));
  const etag = headers.get('etag');
  if (etag) headers.set('etag', encodedEtag(etag, encoding));
  replaceResponse(c, new Response(new Uint8Array(body), { status: res.status, headers }));
});

/**
 * Sets `c.res` to exactly this response. Hono's setter copies the old response's headers onto
 * the new one, which would put the uncompressed Content-Length back on a compressed body.
 */
export function replaceResponse(c: Context, response: Response): void {
  c.res = undefined as unknown as Response;
  c.res = response;
}
