import { Layout } from '../../core/http/layout.js';
import { PageHeader, useT, useVars } from '../../core/http/ui.js';
import type { ServiceStatistic } from '../service-statistics.js';
import { monthLabel, type PeriodStatistic, type PeriodStatistics } from '../period-statistics.js';

function PeriodTable(props: {
  caption: string;
  rows: PeriodStatistic[];
  label: (p: PeriodStatistic) => string;
}) {
  const t = useT();
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('eservice.stats.period')}</th>
          <th scope="col">{t('eservice.stats.requests')}</th>
          <th scope="col">{t('eservice.stats.completed')}</th>
          <th scope="col">{t('eservice.stats.onTime')}</th>
          <th scope="col">{t('eservice.stats.averageHours')}</th>
          <th scope="col">{t('eservice.stats.satisfactionMean')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">{props.label(r)}</th>
            <td>{r.requests}</td>
            <td>{r.completed}</td>
            <td>{r.onTime}</td>
            <td>{r.averageHours ?? '—'}</td>
            <td>
              {r.satisfaction === null
                ? '—'
                : t('eservice.stats.meanOf', { mean: r.satisfaction, answers: r.answers })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The year's figures per month and per fiscal quarter, over all services. */
export function PeriodTables(props: { periods: PeriodStatistics }) {
  const t = useT();
  const locale = useVars().locale;
  return (
    <>
      <PeriodTable
        caption={t('eservice.stats.byQuarter')}
        rows={props.periods.quarters}
        label={(r) => t('eservice.stats.quarter', { n: r.period })}
      />
      <PeriodTable
        caption={t('eservice.stats.byMonth')}
        rows={props.periods.months}
        label={(r) => monthLabel(String(r.period), locale)}
      />
    </>
  );
}

/** The statistics of one fiscal year (OIT: ข้อมูลสถิติการให้บริการ, satisfaction). */
export function StatisticsPage(props: {
  fiscalYear: number;
  rows: ServiceStatistic[];
  periods: PeriodStatistics;
}) {
  const t = useT();
  return (
    <Layout title={t('eservice.stats.title', { year: props.fiscalYear })}>
      <PageHeader
        title={t('eservice.stats.title', { year: props.fiscalYear })}
        lead={t('eservice.stats.lead')}
      />
      <table>
        <caption>{t('eservice.stats.byService')}</caption>
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
      <PeriodTables periods={props.periods} />
    </Layout>
  );
}
