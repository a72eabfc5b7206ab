import { Layout } from '../../core/http/layout.js';
import { PageHeader, useT } from '../../core/http/ui.js';
import type { ServiceStatistic } from '../service-statistics.js';

/** The public statistics of one fiscal year (OIT: ข้อมูลสถิติการให้บริการ, satisfaction). */
export function StatisticsPage(props: { fiscalYear: number; rows: ServiceStatistic[] }) {
  const t = useT();
  return (
    <Layout title={t('eservice.stats.title', { year: props.fiscalYear })}>
      <PageHeader
        title={t('eservice.stats.title', { year: props.fiscalYear })}
        lead={t('eservice.stats.lead')}
      />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('eservice.track.service')}</th>
            <th scope="col">{t('eservice.stats.requests')}</th>
            <th scope="col">{t('eservice.stats.completed')}</th>
            <th scope="col">{t('eservice.stats.onTime')}</th>
            <th scope="col">{t('eservice.stats.averageHours')}</th>
            <th scope="col">{t('eservice.stats.satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{r.requests}</td>
              <td>{r.completed}</td>
              <td>{r.onTime}</td>
              <td>{r.averageHours ?? '—'}</td>
              <td>
                {r.satisfaction
                  ? t('eservice.stats.scores', {
                      process: r.satisfaction.process,
                      time: r.satisfaction.time,
                      staff: r.satisfaction.staff,
                      outcome: r.satisfaction.outcome,
                      answers: r.satisfaction.answers,
                    })
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
