import { Layout } from '../../core/http/layout.js';
import { CsrfField, ErrorSummary, Notice, PageHeader, useT } from '../../core/http/ui.js';
import type { FormState } from '../../core/http/form.js';
import type { FeedFailure } from '../feed-sources.js';
import type { Readiness } from '../estimate-readiness.js';
import { STAFF_BASE, StatusBadge, YearPicker, thaiDate, ItemTableHead } from './staff-parts.js';

/**
 * The readiness dashboard: the estimated OIT score, the item counts by status, the days to the
 * assessment window, the reminder button (admins), and the failed feeds named for staff.
 */
export function ReadinessPage(props: {
  r: Readiness;
  unitName: Map<string, string>;
  canRemind: boolean;
  failedFeeds: FeedFailure[];
  requestId: string | undefined;
  /** A refused reminder form (a year that is not one). */
  form?: FormState | undefined;
}) {
  const t = useT();
  const { r } = props;
  const d = r.deadline;
  return (
    <Layout title={t('disclosure.readiness.title', { year: r.fiscalYear })}>
      <PageHeader title={t('disclosure.readiness.title', { year: r.fiscalYear })} />
      <YearPicker year={r.fiscalYear} action={`${STAFF_BASE}/readiness`} />
      <Notice />
      <ErrorSummary errors={props.form?.errors} message={props.form?.message} />
      {props.failedFeeds.length > 0 && (
        <div class="error-summary" role="alert" id="failed-feeds">
          <p>
            {t('disclosure.readiness.feedFailed', {
              modules: props.failedFeeds.map((f) => f.module).join(', '),
            })}
          </p>
          {props.requestId && (
            <p class="muted">
              {t('disclosure.readiness.feedFailedReference')}: <code>{props.requestId}</code>
            </p>
          )}
        </div>
      )}
      <div class="cards">
        <section class="card">
          <h2>{t('disclosure.readiness.estimate')}</h2>
          <p class="num" style="font-size:2.5rem;margin:0">
            {r.estimate.oit.toFixed(2)}
          </p>
          <p class="muted">
            {r.estimate.indicators
              .map(
                (i) =>
                  `${t('disclosure.readiness.indicator', { no: i.no })}: ${i.score.toFixed(2)}`,
              )
              .join(' · ')}
          </p>
          <p class="muted">{t('disclosure.readiness.estimateNote')}</p>
        </section>
        <section class="card">
          <h2>{t('disclosure.items.status')}</h2>
          <ul>
            {(['published', 'in_review', 'draft', 'outdated', 'missing'] as const).map((s) => (
              <li>
                <StatusBadge status={s} /> {r.counts[s]}
              </li>
            ))}
          </ul>
        </section>
        <section class="card" role="status">
          {d ? (
            <>
              <p>
                {t('disclosure.readiness.window', {
                  opens: thaiDate(d.opensOn),
                  closes: thaiDate(d.closesOn),
                })}
              </p>
              <p>
                <strong>
                  {d.daysToOpen > 0
                    ? t('disclosure.readiness.daysToOpen', { days: d.daysToOpen })
                    : d.daysToClose >= 0
                      ? t('disclosure.readiness.daysToClose', { days: d.daysToClose })
                      : t('disclosure.readiness.closed')}
                </strong>
              </p>
            </>
          ) : (
            <p>{t('disclosure.readiness.noWindow', { year: r.fiscalYear })}</p>
          )}
          {props.canRemind && (
            <form method="post" action={`${STAFF_BASE}/readiness/remind`}>
              <CsrfField />
              <input type="hidden" name="year" value={String(r.fiscalYear)} />
              <p class="muted">{t('disclosure.reminders.lead')}</p>
              <button type="submit">{t('disclosure.reminders.button')}</button>
            </form>
          )}
        </section>
      </div>
      <div class="table-wrap">
        <table>
          <ItemTableHead
            columns={[
              'disclosure.items.unit',
              'disclosure.items.status',
              'disclosure.readiness.next',
            ]}
          />
          <tbody>
            {r.items.map((i) => (
              <tr data-item={i.item.code} data-item-status={i.status}>
                <td>{i.item.code}</td>
                <td>
                  <a href={`${STAFF_BASE}/items/${r.fiscalYear}/${i.item.code}`}>{i.item.nameTh}</a>
                  {i.isFed && <div class="muted">{t('disclosure.readiness.fed')}</div>}
                </td>
                <td>
                  {i.responsibleUnitId ? (props.unitName.get(i.responsibleUnitId) ?? '') : ''}
                </td>
                <td>
                  <StatusBadge status={i.status} />
                  {i.reasons.map((reason) => (
                    <div class="muted">{t(reason)}</div>
                  ))}
                </td>
                <td>{t(i.nextStep)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
