import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  PageHeader,
  PostForm,
  SelectField,
  TextField,
  useT,
  type FieldErrors,
} from '../../core/http/ui.js';
import type { WebsiteCheckReport } from '../checker/check-website.js';
import { CHECKER_PAGE_LIMITS } from '../checker/check-website-form.js';
import { listOitYears } from '../oit-items.js';
import { ItemTableHead, STAFF_BASE } from './staff-parts.js';

/** The website checker: the address form, then the report of what the crawl found per item. */
export function CheckerPage(props: {
  year: number;
  url?: string;
  report?: WebsiteCheckReport;
  errors?: FieldErrors;
}) {
  const t = useT();
  const r = props.report;
  return (
    <Layout title={t('disclosure.checker.title')}>
      <PageHeader
        title={t('disclosure.checker.title')}
        lead={t('disclosure.checker.lead', {
          pages: CHECKER_PAGE_LIMITS.maxPages,
          seconds: CHECKER_PAGE_LIMITS.timeLimitMs / 1000,
        })}
      />
      <ErrorSummary errors={props.errors} />
      <PostForm action={`${STAFF_BASE}/checker`} class="card">
        <TextField
          name="url"
          label="disclosure.checker.url"
          type="url"
          required
          value={props.url}
          errors={props.errors}
        />
        <SelectField
          name="year"
          label="disclosure.items.year"
          value={String(props.year)}
          options={listOitYears().map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button type="submit">{t('disclosure.checker.run')}</button>
      </PostForm>
      {r && !r.isReachable && <p class="error-summary">{t('disclosure.checker.unreachable')}</p>}
      {r && r.isReachable && (
        <>
          <p>{t('disclosure.checker.pages', { pages: r.pagesVisited })}</p>
          <div class="table-wrap">
            <table>
              <ItemTableHead
                columns={[
                  'disclosure.checker.found',
                  'disclosure.checker.current',
                  'disclosure.checker.evidence',
                ]}
              />
              <tbody>
                {r.items.map((i) => (
                  <tr>
                    <td>{i.code}</td>
                    <td>{i.nameTh}</td>
                    <td>{i.status}</td>
                    <td>
                      {i.isCurrent === null ? '–' : i.isCurrent ? t('yes') : t('no')}
                      {i.currency && <div class="muted">{i.currency.read}</div>}
                    </td>
                    <td>
                      {i.evidence.slice(0, 2).map((ev) => (
                        <div>
                          <a href={ev.url} rel="noopener noreferrer">
                            {ev.text || ev.url}
                          </a>
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.brokenLinks.length > 0 && (
            <>
              <h2>{t('disclosure.checker.brokenLinks')}</h2>
              <ul>
                {r.brokenLinks.slice(0, 50).map((b) => (
                  <li>{JSON.stringify(b)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Layout>
  );
}
