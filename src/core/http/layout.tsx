import type { PropsWithChildren } from 'hono/jsx';
import { raw } from 'hono/html';
import { useRequestContext } from './render-page.js';
import { can } from '../auth/permissions.js';
import type { AppEnv } from './env.js';
import { CsrfField } from './ui.js';

/**
 * The accessible base layout every page uses: landmarks (header, nav, main, footer), a skip
 * link, a visible focus style, the language switch and log-in state. No JavaScript: all of it
 * works as plain links and forms on a cheap phone.
 */
export function Layout({ children, title }: PropsWithChildren<{ title?: string }>) {
  const c = useRequestContext();
  const [t, locale, user, agency, nav, roles] = [
    c.get('t'),
    c.get('locale'),
    c.get('user'),
    c.get('agency'),
    c.get('nav'),
    c.get('roles'),
  ];
  const path = c.req.path;
  const publicAgency = c.get('publicAgency') as AppEnv['Variables']['publicAgency'] | undefined;
  const isStaffPage = path.startsWith('/staff');
  const headerAgency = isStaffPage ? agency : (publicAgency ?? null);
  const agencyName = headerAgency
    ? locale === 'en' && headerAgency.nameEn
      ? headerAgency.nameEn
      : headerAgency.nameTh
    : null;
  const pageTitle = [title ?? c.get('title'), agencyName, t('appName')].filter(Boolean).join(' | ');
  const actor = {
    userId: user?.id ?? null,
    label: user?.email ?? '',
    // Unset when bodyLimit or csrf refused the request before the session was read.
    roles: roles ?? [],
    isInstanceAdmin: user?.isInstanceAdmin ?? false,
  };
  const navItems = (nav ?? [])
    .filter((item) => (isStaffPage ? item.audience === 'staff' : item.audience === 'public'))
    .filter((item) => !item.permission || can(actor, item.permission))
    .filter((item) => item.audience === 'staff' || publicAgency);
  const hrefOf = (href: string, audience: 'staff' | 'public') =>
    audience === 'staff' ? href : `/a/${publicAgency?.slug ?? ''}${href}`;
  const back = encodeURIComponent(c.req.url.replace(/^https?:\/\/[^/]+/, ''));
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={publicAgency && !isStaffPage ? `/a/${publicAgency.slug}` : '/'}>
              <span class="brand-mark" aria-hidden="true">
                ◆
              </span>
              <span>
                {agencyName ?? t('appName')}
                {agencyName && <small class="brand-sub">{t('appName')}</small>}
              </span>
            </a>
            <div class="header-tools">
              <span class="lang" aria-label={t('language')}>
                {locale === 'th' ? (
                  <a href={`/lang/en?back=${back}`} lang="en" hreflang="en">
                    {t('switchToEnglish')}
                  </a>
                ) : (
                  <a href={`/lang/th?back=${back}`} lang="th" hreflang="th">
                    {t('switchToThai')}
                  </a>
                )}
              </span>
              {user ? (
                <form method="post" action="/logout" class="inline">
                  <CsrfField />
                  <button type="submit" class="link-button">
                    {t('logOut')}
                  </button>
                </form>
              ) : (
                <a href="/login">{t('logIn')}</a>
              )}
            </div>
          </div>
          {navItems.length > 0 && (
            <nav aria-label={t('mainNav')} class="main-nav">
              <ul class="wrap">
                {navItems
                  .sort((a, b) => (a.order ?? 50) - (b.order ?? 50))
                  .map((item) => {
                    const href = hrefOf(item.href, item.audience);
                    const current =
                      path === href || (href !== '/staff' && path.startsWith(`${href}/`));
                    return (
                      <li>
                        <a href={href} aria-current={current ? 'page' : undefined}>
                          {t(item.label)}
                        </a>
                      </li>
                    );
                  })}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            {publicAgency && !isStaffPage && (
              <p>
                {publicAgency.nameTh} {publicAgency.districtTh && `อำเภอ${publicAgency.districtTh}`}{' '}
                {publicAgency.provinceTh && `จังหวัด${publicAgency.provinceTh}`}
              </p>
            )}
            <p>{t('footer')}</p>
          </div>
        </footer>
        {raw('')}
      </body>
    </html>
  );
}
