import { Layout } from '../../http/layout.js';
import { PageHeader, useT, useVars } from '../../http/ui.js';
import type { auditLog } from '../../audit/schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** The agency's audit log, newest first, with the result of checking its hash chain. */
export function AuditPage(props: {
  rows: AuditRow[];
  verified: { ok: boolean; checked: number; problems: number };
  nextBefore?: number;
}) {
  const t = useT();
  const { locale } = useVars();
  const fmt = new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Bangkok',
  });
  return (
    <Layout title={t('agencies.audit.title')}>
      <PageHeader title={t('agencies.audit.title')} lead={t('agencies.audit.lead')} />
      <p class={props.verified.ok ? 'notice' : 'error-summary'} role="status">
        {props.verified.ok
          ? t('agencies.audit.verifyOk', { count: props.verified.checked })
          : t('agencies.audit.verifyFailed', { count: props.verified.problems })}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agencies.audit.seq')}</th>
              <th scope="col">{t('agencies.audit.at')}</th>
              <th scope="col">{t('agencies.audit.actor')}</th>
              <th scope="col">{t('agencies.audit.action')}</th>
              <th scope="col">{t('agencies.audit.entity')}</th>
              <th scope="col">{t('agencies.audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td class="num">{r.seq}</td>
                <td>{fmt.format(r.at)}</td>
                <td>{r.actorLabel}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.entityType} <code class="muted">{r.entityId.slice(0, 8)}</code>
                </td>
                <td>
                  <details>
                    <summary>JSON</summary>
                    <pre style="white-space:pre-wrap;max-width:40rem">
                      {JSON.stringify({ before: r.before, after: r.after }, null, 1)}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.nextBefore !== undefined && (
        <p class="pager">
          <a href={`/staff/agency/audit?before=${props.nextBefore}`}>{t('next')} →</a>
        </p>
      )}
    </Layout>
  );
}
