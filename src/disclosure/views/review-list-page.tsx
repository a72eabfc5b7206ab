import { Layout } from '../../core/http/layout.js';
import { Notice, PageHeader, useT } from '../../core/http/ui.js';
import type { disclosureEntries } from '../schema.js';
import { getOitItem, listOitYears } from '../oit-items.js';
import { STAFF_BASE, thaiDate } from './staff-parts.js';

/** The approver's queue: entries in review, each linking to its item page. */
export function ReviewListPage(props: { rows: (typeof disclosureEntries.$inferSelect)[] }) {
  const t = useT();
  return (
    <Layout title={t('disclosure.review.title')}>
      <PageHeader title={t('disclosure.review.title')} />
      <Notice />
      {props.rows.length === 0 ? (
        <p>{t('disclosure.review.empty')}</p>
      ) : (
        <ul>
          {props.rows.map((e) => {
            // An entry of a year whose criteria were since removed still lists, without a name.
            const name = listOitYears().includes(e.fiscalYear)
              ? getOitItem(e.fiscalYear, e.itemCode).nameTh
              : '';
            return (
              <li>
                {e.fiscalYear} · {e.itemCode} {name} ({thaiDate(e.submittedAt)}){' '}
                <a href={`${STAFF_BASE}/items/${e.fiscalYear}/${e.itemCode}`}>
                  {t('disclosure.review.open')}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}
