import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.js';
import { setLateHeader } from './middleware.js';

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
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

/** Sets SECURITY_HEADERS on the response, whatever the route answered (errors included). */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  for (const [name, value] of SECURITY_HEADERS) setLateHeader(c, name, value);
});
