import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The address a request came from, for rate limits only (never stored or logged). Behind
 * `trustProxy` proxies it is the address the outermost trusted proxy saw, read from the
 * right-hand end of X-Forwarded-For, which each proxy appends to: entries further left were
 * written by the client and could be anything. With no trusted proxy the header is ignored.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return addressFromHops(
    incoming?.socket?.remoteAddress ?? 'unknown',
    c.req.header('x-forwarded-for'),
    c.get('config').trustProxy,
  );
}

/** clientAddress from the socket peer, the X-Forwarded-For header and the trusted hops. */
export function addressFromHops(
  peer: string,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string {
  if (hops === 0) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const forwarded = header
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}
