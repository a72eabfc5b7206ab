import { Layout } from '../../core/http/layout.js';
import { PageHeader, useT, useVars } from '../../core/http/ui.js';
import { formatNumberTh } from '../../core/i18n/thai-format.js';
import { PERIODS, type Cell, type ComplaintStatistics } from '../statistics.js';
import { thaiDay } from './format.js';

function CellText({ cell }: { cell: Cell }) {
  const t = useT();
  return (
    <>
      {'value' in cell
        ? formatNumberTh(cell.value)
        : t('complaints.stats.fewerThan', { n: cell.fewerThan })}
    </>
  );
}

/** The public statistics of a period, by kind, channel and type of conduct. */
export function StatisticsPage({ stats }: { stats: ComplaintStatistics }) {
  const t = useT();
  const root = `/a/${useVars().publicAgency.slug}/complaints/statistics`;
  const title = t('complaints.stats.title', { year: stats.fiscalYear });
  return (
    <Layout title={title}>
      <PageHeader
        title={title}
        lead={`${t(`complaints.stats.periods.${stats.period}`)}: ${thaiDay(stats.from)} – ${thaiDay(stats.to)}`}
      />
      <nav aria-label={t('complaints.stats.period')}>
        <ul class="inline-list">
          {PERIODS.map((p) => (
            <li>
              <a
                href={`${root}?year=${stats.fiscalYear}&period=${p}`}
                aria-current={p === stats.period ? 'page' : undefined}
              >
                {t(`complaints.stats.periods.${p}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="hint">{t('complaints.stats.suppressed')}</p>
      {stats.kinds.map((k) => (
        <section data-kind={k.kind}>
          <h2>{t(`complaints.kinds.${k.kind}`)}</h2>
          <table>
            <tbody>
              <tr>
                <th scope="row">{t('complaints.stats.received')}</th>
                <td data-received>{formatNumberTh(k.received)}</td>
              </tr>
              <tr>
                <th scope="row">{t('complaints.stats.finished')}</th>
                <td data-finished>{formatNumberTh(k.finished)}</td>
              </tr>
              <tr>
                <th scope="row">{t('complaints.stats.inProgress')}</th>
                <td data-in-progress>{formatNumberTh(k.inProgress)}</td>
              </tr>
            </tbody>
          </table>
          {k.byChannel.length > 0 && (
            <table>
              <caption>{t('complaints.stats.byChannel')}</caption>
              <tbody>
                {k.byChannel.map((c) => (
                  <tr>
                    <th scope="row">{t(`complaints.channels.${c.channel}`)}</th>
                    <td>
                      <CellText cell={c.count} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {k.byConduct.length > 0 && (
            <table>
              <caption>{t('complaints.stats.byConduct')}</caption>
              <tbody>
                {k.byConduct.map((c) => (
                  <tr>
                    <th scope="row">{t(`complaints.conduct.${c.conductType}`)}</th>
                    <td>
                      <CellText cell={c.count} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </Layout>
  );
}
