import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import { can } from '../auth/permissions.js';
import { agencies, staff } from '../agencies/schema.js';
import { logIn, LogInInput } from '../auth/log-in.js';
import {
  deleteSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  setSessionAgency,
} from '../auth/sessions.js';
import { ForbiddenError, RateLimitedError, ValidationError } from '../errors.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S } from '../auth/trusted-devices.js';
import { requestCookie } from './cookies.js';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './env.js';
import { readForm } from './form.js';
import { LOCALE_COOKIE, requireStaff, rotateCsrfToken } from './middleware.js';
import { isCookieSecure } from './https.js';
import { safeLocalPath } from './safe-local-path.js';
import { Notice, PageHeader, PostForm, useT, useVars } from './ui.js';
import { Layout } from './layout.js';
import { LoginPage } from '../auth/views/log-in-page.js';
import type { AgencyContext } from '../context.js';
import type { ModuleManifest, WaitingItem } from '../module.js';

const collator = new Intl.Collator('th');

function HomePage({ list }: { list: (typeof agencies.$inferSelect)[] }) {
  const t = useT();
  return (
    <Layout>
      <PageHeader title={t('homePage.title')} lead={t('homePage.intro')} />
      <Notice />
      <h2>{t('homePage.agencies')}</h2>
      {list.length === 0 ? (
        <p>{t('homePage.noAgencies')}</p>
      ) : (
        <ul class="cards" style="list-style:none;padding:0">
          {list.map((a) => (
            <li class="card">
              <strong>{a.nameTh}</strong>
              <br />
              <span class="muted">
                {[a.districtTh && `อำเภอ${a.districtTh}`, a.provinceTh && `จังหวัด${a.provinceTh}`]
                  .filter(Boolean)
                  .join(' ')}
              </span>
              <br />
              <a href={`/a/${a.slug}`}>{t('homePage.publicSite')}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function ChooseAgencyPage({ list }: { list: { id: string; nameTh: string }[] }) {
  const t = useT();
  const { user } = useVars();
  return (
    <Layout title={t('auth.chooseAgency')}>
      <PageHeader title={t('auth.chooseAgency')} />
      {user?.isInstanceAdmin && (
        <p>
          <a href="/admin/agencies">{t('agencies.admin.title')}</a> ·{' '}
          <a href="/admin/jobs">{t('jobs.title')}</a>
        </p>
      )}
      {list.length === 0 && <p>{t('auth.noMembership')}</p>}
      <ul class="stack" style="list-style:none;padding:0">
        {list.map((a) => (
          <li>
            <PostForm action="/staff/choose-agency" class="inline">
              <input type="hidden" name="agencyId" value={a.id} />
              <button type="submit" class="secondary">
                {a.nameTh}
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

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

function StaffHome(props: { waiting: WaitingItem[] }) {
  const { t, agency, nav, ctx: actorCtx } = useVars();
  const actor = actorCtx.actor;
  const items = nav
    .filter((n) => n.audience === 'staff' && n.href !== '/staff')
    .filter((n) => !n.permission || can(actor, n.permission))
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
  return (
    <Layout title={t('auth.staffHome')}>
      <PageHeader title={agency?.nameTh ?? t('auth.staffHome')} lead={t('auth.staffHomeLead')} />
      <section class="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('auth.waitingTitle')}</h2>
        {props.waiting.length === 0 ? (
          <p class="muted">{t('auth.nothingWaiting')}</p>
        ) : (
          <ul class="waiting" data-waiting>
            {props.waiting.map((w) => (
              <li data-waiting-item={w.label}>
                <a href={w.href}>{t(w.label, { ...w.params, count: w.count })}</a>{' '}
                <span class="badge warn">{w.count}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2>{t('auth.shortcuts')}</h2>
      <ul class="cards" style="list-style:none;padding:0">
        {items.map((n) => (
          <li class="card">
            <a href={n.href}>{t(n.label)}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
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
    const form = await readForm(c, LogInInput);
    const next = safeLocalPath(c.req.query('next'), '/staff', new URL(c.req.url).origin);
    if (!form.ok) {
      c.status(422);
      return c.render(
        <LoginPage errors={form.errors} email={String(form.values.email ?? '')} next={next} />,
      );
    }
    // Not the first X-Forwarded-For entry: anyone can write one per attempt and so never
    // reach the per-client limit.
    const client = { address: clientAddress(c), deviceToken: requestCookie(c, DEVICE_COOKIE) };
    try {
      const result = await logIn(
        {
          db: c.get('database').db,
          actor: { userId: null, label: form.data.email, roles: [], isInstanceAdmin: false },
          locale: c.get('locale'),
          now: () => new Date(),
          requestId: c.get('requestId'),
        },
        form.data,
        client,
      );
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: isCookieSecure(c),
        maxAge: SESSION_TTL_MS / 1000,
      });
      setCookie(c, DEVICE_COOKIE, result.deviceToken, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/login',
        secure: isCookieSecure(c),
        maxAge: DEVICE_COOKIE_MAX_AGE_S,
      });
      rotateCsrfToken(c);
      return c.redirect(next, 303);
    } catch (error) {
      if (error instanceof ValidationError || error instanceof RateLimitedError) {
        c.status(error.status);
        return c.render(
          <LoginPage
            message={c.get('t')(error.messageKey, error.details)}
            email={form.data.email}
            next={next}
          />,
        );
      }
      throw error;
    }
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
  .get('/staff/choose-agency', async (c) => {
    const user = c.get('user')!;
    const db = c.get('database').db;
    const list = user.isInstanceAdmin
      ? await db.select({ id: agencies.id, nameTh: agencies.nameTh }).from(agencies)
      : await db
          .select({ id: agencies.id, nameTh: agencies.nameTh })
          .from(staff)
          .innerJoin(agencies, eq(agencies.id, staff.agencyId))
          .where(eq(staff.userId, user.id));
    list.sort((a, b) => collator.compare(a.nameTh, b.nameTh));
    return c.render(<ChooseAgencyPage list={list} />);
  })
  .post('/staff/choose-agency', async (c) => {
    const user = c.get('user')!;
    const form = await readForm(c, z.object({ agencyId: z.uuid() }));
    if (!form.ok) throw new ValidationError('errors.validation', form.errors);
    const db = c.get('database').db;
    const [membership] = await db
      .select()
      .from(staff)
      .where(eq(staff.userId, user.id))
      .then((rows) => rows.filter((r) => r.agencyId === form.data.agencyId));
    const [agency] = await db.select().from(agencies).where(eq(agencies.id, form.data.agencyId));
    if (!agency || (!membership && !user.isInstanceAdmin)) throw new ForbiddenError();
    await setSessionAgency(db, c.get('sessionToken')!, agency.id);
    return c.redirect('/staff', 303);
  });
