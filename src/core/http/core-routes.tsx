import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { startSession } from './session-cookies.js';
import { asc } from 'drizzle-orm';
import { agencies } from '../agencies/schema.js';
import { logIn, LogInInput } from '../auth/log-in.js';
import { deleteSession, SESSION_COOKIE } from '../auth/sessions.js';
import { RateLimitedError } from '../errors.js';
import { DEVICE_COOKIE } from '../auth/trusted-devices.js';
import { requestCookie } from './cookies.js';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './env.js';
import { submitForm } from './form.js';
import { LOCALE_COOKIE, requireStaff, rotateCsrfToken } from './middleware.js';
import { isCookieSecure } from './https.js';
import { safeLocalPath } from './safe-local-path.js';
import { LoginPage } from '../auth/views/log-in-page.js';
import { ChooseAgencyPage } from '../auth/views/choose-agency-page.js';
import { chooseAgency, ChooseAgencyInput, listChoosableAgencies } from '../auth/choose-agency.js';
import type { AgencyContext } from '../context.js';
import type { ModuleManifest, WaitingItem } from '../module.js';
import { HomePage, StaffHome } from './views/home-pages.js';

const collator = new Intl.Collator('th');

/**
 * Asks every module what waits for this person. A failing module is logged with the request
 * id and left out, so one broken module cannot take the home page down.
 */
async function collectWaiting(
  ctx: AgencyContext,
  modules: readonly ModuleManifest[],
  requestId: string,
): Promise<WaitingItem[]> {
  const lists = await Promise.all(
    modules.map(async (m) => {
      if (!m.waiting) return [];
      try {
        return await m.waiting(ctx);
      } catch (error) {
        console.error(
          JSON.stringify({
            level: 'error',
            requestId,
            module: m.name,
            hook: 'waiting',
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
        );
        return [];
      }
    }),
  );
  return lists.flat().filter((w) => w.count > 0);
}

/**
 * Checks a log-in against its limits. A wrong password comes back as a refusal of the form
 * (422, submitForm); too many attempts as the same page with the wait (429), which the form's
 * refusals do not cover, so it is an outcome here rather than an error.
 */
async function logInFromRequest(c: Context<AppEnv>, input: LogInInput) {
  // Not the first X-Forwarded-For entry: anyone can write one per attempt and so never
  // reach the per-client limit.
  const client = { address: clientAddress(c), deviceToken: requestCookie(c, DEVICE_COOKIE) };
  const ctx = {
    db: c.get('database').db,
    actor: { userId: null, label: input.email, roles: [], isInstanceAdmin: false },
    locale: c.get('locale'),
    now: () => new Date(),
    requestId: c.get('requestId'),
  };
  try {
    return await logIn(ctx, input, client);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return { message: c.get('t')(error.messageKey, error.details), email: input.email };
  }
}

export const coreRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const list = await c.get('database').db.select().from(agencies).orderBy(asc(agencies.slug));
    list.sort((a, b) => collator.compare(a.nameTh, b.nameTh));
    return c.render(<HomePage list={list} />);
  })
  .get('/healthz', async (c) => {
    await c.get('database').query('select 1');
    return c.json({ ok: true });
  })
  .get('/lang/:locale', (c) => {
    const target = c.req.param('locale') === 'en' ? 'en' : 'th';
    setCookie(c, LOCALE_COOKIE, target, {
      path: '/',
      sameSite: 'Lax',
      maxAge: 365 * 24 * 3600,
      secure: isCookieSecure(c),
    });
    return c.redirect(safeLocalPath(c.req.query('back'), '/', new URL(c.req.url).origin), 303);
  })
  .get('/login', (c) => {
    if (c.get('user'))
      return c.redirect(
        safeLocalPath(c.req.query('next'), '/staff', new URL(c.req.url).origin),
        303,
      );
    return c.render(
      <LoginPage next={safeLocalPath(c.req.query('next'), '', new URL(c.req.url).origin)} />,
    );
  })
  .post('/login', async (c) => {
    const next = safeLocalPath(c.req.query('next'), '/staff', new URL(c.req.url).origin);
    return submitForm(c, {
      schema: LogInInput,
      run: (input) => logInFromRequest(c, input),
      respond: (outcome) => {
        if (!('token' in outcome)) {
          c.status(429);
          return c.render(<LoginPage {...outcome} next={next} />);
        }
        startSession(c, outcome);
        return c.redirect(next, 303);
      },
      page: (form) => <LoginPage form={form} next={next} />,
    });
  })
  .post('/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) await deleteSession(c.get('database').db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    rotateCsrfToken(c);
    return c.redirect('/?notice=auth.loggedOut', 303);
  })
  .use('/staff', requireStaff)
  .use('/staff/*', requireStaff)
  .get('/staff', async (c) => {
    const waiting = c.get('agency')
      ? await collectWaiting(c.get('ctx'), c.get('modules') ?? [], c.get('requestId'))
      : [];
    return c.render(<StaffHome waiting={waiting} />);
  })
  .get('/staff/choose-agency', async (c) =>
    c.render(
      <ChooseAgencyPage list={await listChoosableAgencies(c.get('database').db, c.get('user')!)} />,
    ),
  )
  .post('/staff/choose-agency', async (c) => {
    const db = c.get('database').db;
    const user = c.get('user')!;
    return submitForm(c, {
      schema: ChooseAgencyInput,
      run: (input) => chooseAgency(db, user, c.get('sessionToken')!, input),
      redirect: () => '/staff',
      page: async (form) => (
        <ChooseAgencyPage list={await listChoosableAgencies(db, user)} message={form.message} />
      ),
    });
  });
