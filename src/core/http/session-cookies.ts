import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/sessions.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S } from '../auth/trusted-devices.js';
import type { AppEnv } from './env.js';
import { isCookieSecure } from './https.js';
import { rotateCsrfToken } from './middleware.js';

/**
 * Hands the browser a new log-in: the session cookie (HttpOnly, Lax so links from mail keep
 * the session), the trusted-device cookie (Strict, sent only to /login, where it lifts the
 * per-address limit for this device), and a fresh CSRF token, so a token planted before the
 * log-in is worthless after it (session fixation).
 */
export function startSession(
  c: Context<AppEnv>,
  session: { token: string; deviceToken: string },
): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isCookieSecure(c),
    maxAge: SESSION_TTL_MS / 1000,
  });
  setCookie(c, DEVICE_COOKIE, session.deviceToken, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/login',
    secure: isCookieSecure(c),
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
  rotateCsrfToken(c);
}
