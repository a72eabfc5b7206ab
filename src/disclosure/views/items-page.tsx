import { Layout } from '../../core/http/layout.js';
import { Notice, PageHeader, useT } from '../../core/http/ui.js';
import { groupOitItems } from '../oit-items.js';
import type { OitItemState } from '../item-status.js';
import { STAFF_BASE, StatusBadge, YearPicker, ItemTableHead } from './staff-parts.js';

/** The staff list of a year's OIT items by group: who prepares each, and its status. */
export function ItemsPage(props: {
  year: number;
  statuses: OitItemState[];
  unitName: Map<string, string>;
  canManage: boolean;
}) {
  const t = useT();
  const byCode = new Map(props.statuses.map((s) => [s.itemCode, s]));
  return (
    <Layout title={t('disclosure.items.title', { year: props.year })}>
      <PageHeader
        title={t('disclosure.items.title', { year: props.year })}
        lead={t('disclosure.items.lead')}
      />
      <Notice />
      <YearPicker year={props.year} action={STAFF_BASE} />
      <p>
        <a href={`${STAFF_BASE}/readiness?year=${props.year}`}>{t('disclosure.nav.readiness')}</a> ·{' '}
        <a href={`${STAFF_BASE}/link-sheet.csv?year=${props.year}`}>
          {t('disclosure.items.linkSheetCsv')}
        </a>{' '}
        ·{' '}
        <a href={`${STAFF_BASE}/link-sheet.xlsx?year=${props.year}`}>
          {t('disclosure.items.linkSheetXlsx')}
        </a>
        {props.canManage && (
          <>
            {' '}
            ·{' '}
            <a href={`${STAFF_BASE}/new-year?year=${props.year}`}>
              {t('disclosure.items.newYear')}
            </a>
          </>
        )}
      </p>
      {groupOitItems(props.year).map((group) => (
        <section>
          <h2>
            {group.code} {group.nameTh}
          </h2>
          <div class="table-wrap">
            <table>
              <ItemTableHead columns={['disclosure.items.unit', 'disclosure.items.status']} />
              <tbody>
                {group.items.map((item) => {
                  const s = byCode.get(item.code);
                  return (
                    <tr data-item={item.code} data-item-status={s?.status ?? 'missing'}>
                      <td>{item.code}</td>
                      <td>
                        <a href={`${STAFF_BASE}/items/${props.year}/${item.code}`}>{item.nameTh}</a>
                      </td>
                      <td>
                        {s?.responsibleUnitId
                          ? (props.unitName.get(s.responsibleUnitId) ?? '')
                          : ''}
                      </td>
                      <td>
                        <StatusBadge status={s?.status ?? 'missing'} />
                        {s?.pendingChange && (
                          <div class="muted">
                            {t('disclosure.items.pendingChange')}{' '}
                            {t(`disclosure.status.${s.pendingChange}`)}
                          </div>
                        )}
                        {s?.needsRenewal && <div class="muted">{t('disclosure.items.renew')}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  );
}
