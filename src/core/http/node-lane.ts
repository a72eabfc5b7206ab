import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/config.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { addressFromHops } from './client-address.js';
import { securityHeadersFor } from './security-headers.js';
import { incomingCookies } from './cookies.js';
import {
  CSRF_COOKIE,
  csrfTokenMatches,
  FORM_BODY_LIMIT,
  isCsrfToken,
  LOCALE_COOKIE,
  parseFormBodyStrictly,
  type FormFields,
} from './middleware.js';

// The lane contract lives in a types-only file that core/module.ts can name without a loop.
export type { NodeLane, NodeLaneContext } from './node-lane-types.js';

/**
 * Whether a request is an anonymous, Thai, urlencoded form POST small enough to read at
 * once: the only kind a lane takes. A session (staff trying a survey), the English site, a
 * CSRF header instead of a field, or a chunked or oversized body go to Hono.
 */
export function isPlainFormPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const headers = req.headers;
  if (!headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return false;
  const length = Number(headers['content-length']);
  if (!(length >= 0 && length <= FORM_BODY_LIMIT) || headers['transfer-encoding']) return false;
  if (headers['x-csrf-token'] !== undefined) return false;
  const cookies = incomingCookies(req);
  return !cookies[SESSION_COOKIE] && (cookies[LOCALE_COOKIE] ?? 'th') !== 'en';
}

/**
 * Reads the whole body of a plain form POST and decodes it as the strict UTF-8 middleware
 * does. The bytes are kept on the request as `rawBody`, where Hono's Node adapter reads a
 * body that is already consumed, so a fallback sees the same request. Null: not valid
 * UTF-8 or not a well-formed form (Hono answers 422).
 */
export async function readFormBody(req: IncomingMessage): Promise<FormFields | null> {
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
  try {
    return parseFormBodyStrictly(body);
  } catch {
    return null;
  }
}

/** The double-submit CSRF check of the `csrf` middleware: the form's `_csrf` equals the cookie. */
export function csrfMatches(req: IncomingMessage, fields: FormFields): boolean {
  const token = incomingCookies(req)[CSRF_COOKIE];
  const sent = fields._csrf;
  return isCsrfToken(token) && typeof sent === 'string' && csrfTokenMatches(token, sent);
}

/** The client address for rate limits, as `clientAddress(c)` gives it to Hono's routes. */
export function nodeClientAddress(req: IncomingMessage, config: Config): string {
  return addressFromHops(
    req.socket.remoteAddress ?? 'unknown',
    req.headers['x-forwarded-for'],
    config.trustProxy,
  );
}

const httpsRequests = new WeakSet<IncomingMessage>();

/**
 * Records that a request a lane is about to serve came over HTTPS (createApp does this with
 * the configured trustProxy before calling a lane), so writeLaneResponse adds HSTS to it.
 */
export function markHttpsRequest(req: IncomingMessage): void {
  httpsRequests.add(req);
}

/**
 * Writes a complete response with the headers every app response carries (security headers,
 * a request id) plus the route's own; a security header the route set (a stricter CSP) wins.
 * Header names are lower-case, as Node gives them.
 */
export function writeLaneResponse(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  body = '',
): void {
  const all: Record<string, string | string[] | number> = { ...headers };
  const isHttps = res.req !== undefined && httpsRequests.has(res.req);
  for (const [name, value] of securityHeadersFor(isHttps, (n) => n in headers)) all[name] = value;
  all['x-request-id'] = randomUUID();
  all['content-length'] = Buffer.byteLength(body);
  res.writeHead(status, all);
  res.end(body);
}
