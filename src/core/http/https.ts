import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { Config } from '../config/config.js';
import type { AppEnv } from './env.js';

/**
 * Whether the visitor reached the site over HTTPS: the socket itself is TLS, or, behind
 * `trustProxy` proxies, the outermost trusted proxy says so in X-Forwarded-Proto (nginx's
 * `proxy_set_header X-Forwarded-Proto $scheme`). Proxies that append give a list; the entry
 * of the outermost trusted one is `trustProxy` from the right, as for X-Forwarded-For. With
 * no trusted proxy the header is ignored: anyone can send it.
 */
export function isHttpsFrom(
  isEncrypted: boolean,
  forwardedProto: string | string[] | undefined,
  trustProxy: number,
): boolean {
  if (isEncrypted) return true;
  if (trustProxy === 0 || forwardedProto === undefined) return false;
  const protos = (Array.isArray(forwardedProto) ? forwardedProto.join(',') : forwardedProto)
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  return protos[Math.max(0, protos.length - trustProxy)] === 'https';
}

/** Whether the Node request came over HTTPS (see isHttpsFrom). */
export function isHttpsIncoming(req: IncomingMessage, trustProxy: number): boolean {
  const socket = req.socket as { encrypted?: boolean } | undefined;
  return isHttpsFrom(socket?.encrypted === true, req.headers['x-forwarded-proto'], trustProxy);
}

/**
 * Whether the request Hono is answering came over HTTPS (see isHttpsFrom). Under Node the
 * socket says so, not the URL: a client may write `GET https://…` in the request line of a
 * plain connection. Without a Node request (app.request in tests) the URL's scheme is all
 * there is.
 */
export function isHttpsRequest(c: Context<AppEnv>): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const socket = incoming?.socket as { encrypted?: boolean } | undefined;
  return isHttpsFrom(
    incoming ? socket?.encrypted === true : c.req.url.startsWith('https:'),
    c.req.header('x-forwarded-proto'),
    c.get('config').trustProxy,
  );
}

/**
 * The `Secure` flag for the app's cookies: PRONGSAI_SECURE_COOKIES when set, otherwise
 * whether this request came over HTTPS. A cookie set over HTTPS is then never sent back in
 * clear text, and http://localhost still works out of the box.
 */
export function isCookieSecure(
  c: Context<AppEnv>,
  config: Pick<Config, 'secureCookies'> = c.get('config'),
): boolean {
  return config.secureCookies === 'auto' ? isHttpsRequest(c) : config.secureCookies;
}
