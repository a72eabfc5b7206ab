import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { setCookie } from 'hono/cookie';
import { requestCookie } from './cookies.js';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { and, eq } from 'drizzle-orm';
import type { Locale } from '../context.js';
import { AppError, ForbiddenError, UnauthenticatedError, ValidationError } from '../errors.js';
import { translator } from '../i18n/i18n.js';
import { findSessionUser, SESSION_COOKIE } from '../auth/sessions.js';
import { can } from '../auth/permissions.js';
import { agencies, staff } from '../agencies/schema.js';
import type { AppEnv } from './env.js';
import { isCookieSecure } from './https.js';

export const CSRF_COOKIE = 'prongsai_csrf';
export const LOCALE_COOKIE = 'prongsai_lang';
export const FORM_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 25 * 1024 * 1024;

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = randomUUID();
  c.set('requestId', id);
  await next();
  setLateHeader(c, 'X-Request-Id', id);
});

/**
 * Sets a header on the response a handler already returned. `c.header()` at this point
 * rebuilds the response around its body (a full undici Response and stream per request, a
 * tenth of a survey POST's CPU); the node adapter's light response takes the header as is.
 */
export function setLateHeader(c: Context, name: string, value: string): void {
  c.res.headers.set(name, value);
}

/** Thai unless the visitor chose English (cookie set by /lang/:locale). */
export const locale = createMiddleware<AppEnv>(async (c, next) => {
  const chosen = requestCookie(c, LOCALE_COOKIE);
  const value: Locale = chosen === 'en' ? 'en' : 'th';
  c.set('locale', value);
  c.set('t', translator(value));
  await next();
});

/** A module's stricter upload limit for this path (ModuleManifest.uploadLimits), or 25 MB. */
function uploadLimit(c: Context<AppEnv>): number {
  let limit = UPLOAD_BODY_LIMIT;
  for (const module of c.get('modules') ?? []) {
    for (const [prefix, bytes] of Object.entries(module.uploadLimits ?? {})) {
      if (c.req.path.startsWith(prefix)) limit = Math.min(limit, bytes);
    }
  }
  return limit;
}

/**
 * Refuses oversized bodies before they are read: 1 MB for forms, 25 MB for multipart uploads
 * or a module's stricter limit for the path (modules check their own per-file limits). Content-Length is checked first; a chunked body
 * is counted as it streams.
 */
export const bodyLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const type = c.req.header('content-type') ?? '';
  const limit = type.startsWith('multipart/form-data') ? uploadLimit(c) : FORM_BODY_LIMIT;
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', 'errors.payloadTooLarge', {
      limit: `${Math.round(limit / 1024 / 1024)} MB`,
    });
  const length = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(length)) {
    if (length > limit) throw tooLarge();
    return next();
  }
  const raw = c.req.raw;
  if (raw.body) {
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
    c.req.raw = new Request(raw, { body: Buffer.concat(chunks), duplex: 'half' } as RequestInit);
  }
  return next();
});

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Refuses, for every route at once, a form body that is not valid UTF-8, raw or
 * percent-encoded (%FF%FE): otherwise each field would silently turn into U+FFFD replacement
 * characters, and a route that reads no field would accept it without a word. Likewise a
 * multipart body that cannot be parsed (no boundary, a broken one, cut short), and a NUL
 * character in any field or uploaded file name, which PostgreSQL cannot store: each was a
 * 500 from whichever route first read the body, anonymous survey pages included.
 */
export const requireUtf8Forms = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (c.req.method !== 'GET' && type.startsWith('multipart/form-data')) {
    let body: Record<string, unknown>;
    try {
      // Hono keeps the parsed FormData: formFields() reads it from there.
      body = await c.req.parseBody({ all: true });
    } catch {
      throw new ValidationError('errors.badForm');
    }
    for (const [key, value] of Object.entries(body)) {
      for (const item of ([] as unknown[]).concat(value)) {
        const text = item instanceof File ? item.name : String(item);
        if (key.includes('\u0000') || text.includes('\u0000')) {
          throw new ValidationError('errors.controlCharacters');
        }
      }
    }
  }
  if (c.req.method !== 'GET' && type.startsWith('application/x-www-form-urlencoded')) {
    let fields: FormFields;
    try {
      fields = parseFormBodyStrictly(await c.req.arrayBuffer());
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      throw new ValidationError('errors.invalidEncoding');
    }
    // Parsed once, here: the CSRF check and the route read these (formFields) instead of
    // having undici parse the body into a FormData and Hono convert it, twice per POST.
    parsedForms.set(c.req.raw, fields);
  }
  await next();
});

/** A submitted form's fields: a repeated name (or one ending in `[]`) gives an array. */
export type FormFields = Record<string, string | string[]>;

const parsedForms = new WeakMap<Request, FormFields>();

/**
 * An urlencoded body as requireUtf8Forms reads it (for the Node lanes too): throws when it is
 * not valid UTF-8, raw or percent-encoded, and a ValidationError when a field holds NUL.
 */
export function parseFormBodyStrictly(body: ArrayBuffer | Uint8Array): FormFields {
  return parseUrlencodedStrictly(strictUtf8.decode(body));
}

/**
 * application/x-www-form-urlencoded, decoded strictly: a malformed percent sequence throws
 * (URLSearchParams would keep it as literal text). Same fields as URLSearchParams otherwise.
 */
function parseUrlencodedStrictly(text: string): FormFields {
  const fields: FormFields = Object.create(null) as FormFields;
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (key.includes('\u0000') || value.includes('\u0000')) {
      throw new ValidationError('errors.controlCharacters');
    }
    const seen = fields[key];
    if (seen === undefined) fields[key] = key.endsWith('[]') ? [value] : value;
    else if (Array.isArray(seen)) seen.push(value);
    else fields[key] = [seen, value];
  }
  return fields;
}

/**
 * The fields of the request's form: an urlencoded body as requireUtf8Forms parsed it, a
 * multipart one (file uploads) through Hono. With `all: false` a repeated field gives its
 * last value, as Hono's parseBody() does.
 */
export async function formFields(
  c: Context,
  options: { all?: boolean } = {},
): Promise<Record<string, unknown>> {
  const parsed = parsedForms.get(c.req.raw);
  if (!parsed)
    return (await c.req.parseBody({ all: options.all ?? false })) as Record<string, unknown>;
  if (options.all) return parsed;
  const last: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(parsed)) {
    last[key] = Array.isArray(value) && !key.endsWith('[]') ? value[value.length - 1] : value;
  }
  return last;
}

/**
 * Double-submit CSRF protection for every visitor, logged in or not (survey forms are
 * anonymous): a random HttpOnly SameSite cookie, echoed in each form's `_csrf` field. A
 * cross-site page can neither read the cookie nor set it, so it cannot forge the pair.
 */
export const csrf = createMiddleware<AppEnv>(async (c, next) => {
  // A server-to-server POST that authenticates with a bearer token (the complaints intake
  // webhook) has no CSRF cookie and needs none: a cross-site form cannot send an Authorization
  // header, and a cross-site fetch that sets one needs a CORS preflight this app never grants.
  // The route that accepts it checks the token itself.
  if (c.req.method === 'POST' && c.req.header('authorization')?.startsWith('Bearer ')) {
    c.set('csrfToken', '');
    return next();
  }
  // Open311 GeoReport v2 clients send the agency's API key as the form field `api_key` (the
  // spec's way). The key, not a cookie, is the credential, so a forged cross-site form carries
  // nothing it could abuse; the route refuses any POST without a valid key of that agency.
  if (
    c.req.method === 'POST' &&
    /^\/a\/[^/]+\/open311\/v2\/requests\.(json|xml)$/.test(c.req.path)
  ) {
    c.set('csrfToken', '');
    return next();
  }
  let token = requestCookie(c, CSRF_COOKIE);
  if (!isCsrfToken(token)) {
    token = randomBytes(32).toString('base64url');
    setCookie(c, CSRF_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: isCookieSecure(c),
    });
    // A new cookie cannot have been echoed yet: any unsafe request now is forged or stale.
    c.set('csrfToken', token);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) throw new ForbiddenError('errors.csrf');
    return next();
  }
  c.set('csrfToken', token);
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const type = c.req.header('content-type') ?? '';
      if (
        type.startsWith('application/x-www-form-urlencoded') ||
        type.startsWith('multipart/form-data')
      ) {
        const body = await formFields(c).catch(() => ({}) as Record<string, unknown>);
        const field = body._csrf;
        sent = typeof field === 'string' ? field : undefined;
      }
    }
    if (!csrfTokenMatches(token, sent)) throw new ForbiddenError('errors.csrf');
  }
  await next();
});

/**
 * Gives the browser a new CSRF token (at log-in and log-out): a token planted or read before
 * the session changed hands (a shared computer, a cookie set from a sibling subdomain) is
 * worthless after it. Pages rendered in this response already use the new one.
 */
export function rotateCsrfToken(c: Context<AppEnv>): string {
  const token = randomBytes(32).toString('base64url');
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isCookieSecure(c),
  });
  c.set('csrfToken', token);
  return token;
}

/** Whether a CSRF cookie holds a token this app could have issued (32 random bytes, base64url). */
export const isCsrfToken = (token: string | undefined): token is string =>
  token !== undefined && /^[\w-]{43}$/.test(token);

/** The double-submit comparison: the token the form (or header) sent equals the cookie's. */
export function csrfTokenMatches(token: string, sent: string | undefined): boolean {
  const a = Buffer.from(sent ?? '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Loads the session's user and, when it has one, its agency and roles there. */
export const session = createMiddleware<AppEnv>(async (c, next) => {
  c.set('user', null);
  c.set('sessionToken', null);
  c.set('agency', null);
  c.set('roles', []);
  const token = requestCookie(c, SESSION_COOKIE);
  if (token) {
    const db = c.get('database').db;
    const found = await findSessionUser(db, token, new Date());
    if (found) {
      c.set('user', found.user);
      c.set('sessionToken', token);
      if (found.session.agencyId) {
        const [agency] = await db
          .select()
          .from(agencies)
          .where(eq(agencies.id, found.session.agencyId));
        const [membership] = await db
          .select()
          .from(staff)
          .where(and(eq(staff.agencyId, found.session.agencyId), eq(staff.userId, found.user.id)));
        if (agency && (membership || found.user.isInstanceAdmin)) {
          c.set('agency', agency);
          c.set('roles', membership?.roles ?? []);
        }
      }
    }
  }
  await next();
});

/**
 * Guards /staff/*: a logged-in user working in an agency. Builds the use-case context, whose
 * agencyId comes from the session only, never from the URL or the form.
 */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user');
  if (!user) {
    if (c.req.method === 'GET') {
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    throw new UnauthenticatedError();
  }
  const agency = c.get('agency');
  if (!agency) {
    if (c.req.path === '/staff/choose-agency') return next();
    return c.redirect('/staff/choose-agency', 303);
  }
  c.set('ctx', {
    db: c.get('database').db,
    agencyId: agency.id,
    actor: {
      userId: user.id,
      label: user.email,
      roles: c.get('roles'),
      isInstanceAdmin: user.isInstanceAdmin,
    },
    locale: c.get('locale'),
    now: () => new Date(),
    requestId: c.get('requestId'),
  });
  await next();
});

/** Refuses the request unless the actor holds the permission in the current agency. */
export function requirePermission(permission: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!can(c.get('ctx').actor, permission)) throw new ForbiddenError();
    await next();
  });
}
