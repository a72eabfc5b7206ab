import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.js';
import { setLateHeader } from './middleware.js';
import { isHttpsRequest } from './https.js';

/**
 * The security headers of every response (what hono's secureHeaders sent with our CSP:
 * no inline script, no framing, forms post to this site only). One list for Hono's
 * responses and for those the Node server writes itself (node-lane.ts).
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  [
    'content-security-policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'",
  ],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

/**
 * Sent only on a response to an HTTPS request: over plain HTTP it means nothing to a browser,
 * and a site that is not (yet) served over HTTPS must not promise it is.
 */
export const HSTS_HEADER = [
  'strict-transport-security',
  'max-age=15552000; includeSubDomains',
] as const;

/**
 * The security headers for one response: SECURITY_HEADERS, HSTS over HTTPS, and any of these
 * the route set itself left as it is. A stored file's `default-src 'none'; sandbox` is
 * stricter than the page CSP and must survive (an uploaded HTML or SVG would otherwise script
 * the site's origin).
 */
export function securityHeadersFor(
  isHttps: boolean,
  hasOwn: (name: string) => boolean,
): [string, string][] {
  const all: readonly (readonly [string, string])[] = isHttps
    ? [...SECURITY_HEADERS, HSTS_HEADER]
    : SECURITY_HEADERS;
  return all.filter(([name]) => !hasOwn(name)).map(([name, value]) => [name, value]);
}

/** Sets the security headers on the response, whatever the route answered (errors included). */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const own = c.res.headers;
  for (const [name, value] of securityHeadersFor(isHttpsRequest(c), (n) => own.has(n))) {
    setLateHeader(c, name, value);
  }
});
