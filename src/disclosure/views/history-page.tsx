import { Layout } from '../../core/http/layout.js';
import { PageHeader, useT } from '../../core/http/ui.js';
import type { disclosureEntries, disclosureEntryVersions } from '../schema.js';
import { STAFF_BASE, StatusBadge } from './staff-parts.js';

/** Every saved version and status change of one entry, newest first, with who and when. */
export function HistoryPage(props: {
  entry: typeof disclosureEntries.$inferSelect;
  versions: (typeof disclosureEntryVersions.$inferSelect)[];
}) {
  const t = useT();
  const { entry } = props;
  const title = t('disclosure.history.title', { code: entry.itemCode, year: entry.fiscalYear });
  const at = new Intl.DateTimeFormat('th-TH', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Bangkok',
  });
  return (
    <Layout title={title}>
      <PageHeader title={title} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('disclosure.history.version')}</th>
              <th scope="col">{t('disclosure.history.event')}</th>
              <th scope="col">{t('disclosure.items.status')}</th>
              <th scope="col">{t('disclosure.history.by')}</th>
              <th scope="col">{t('disclosure.history.at')}</th>
            </tr>
          </thead>
          <tbody>
            {props.versions.map((v) => (
              <tr>
                <td class="num">{v.version}</td>
                <td>
                  {t(`disclosure.history.events.${v.event}`)}
                  {v.comment && <div class="muted">{v.comment}</div>}
                </td>
                <td>
                  <StatusBadge status={v.status} />
                </td>
                <td>{v.actorLabel}</td>
                <td>{at.format(v.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`${STAFF_BASE}/items/${entry.fiscalYear}/${entry.itemCode}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}
