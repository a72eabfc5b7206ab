import { can } from '../../auth/permissions.js';
import type { agencies } from '../../agencies/schema.js';
import type { WaitingItem } from '../../module.js';
import { Layout } from '../layout.js';
import { Notice, PageHeader, useT, useVars } from '../ui.js';

/** The instance's front page: what Prongsai is and the agencies it serves. */
export function HomePage({ list }: { list: (typeof agencies.$inferSelect)[] }) {
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
                {[
                  a.districtTh && t('homePage.district', { name: a.districtTh }),
                  a.provinceTh && t('homePage.province', { name: a.provinceTh }),
                ]
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

/** A staff member's home: what waits for them (from every module's `waiting`) and shortcuts. */
export function StaffHome(props: { waiting: WaitingItem[] }) {
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
