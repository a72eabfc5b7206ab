import { Layout } from '../../core/http/layout.js';
import { Notice, PageHeader, PostForm, useT } from '../../core/http/ui.js';
import type { FrameworkFileIssue } from '../frameworks/framework-issues.js';
import type { FrameworkVersionRow, FrameworkVersionSummary } from '../framework-versions.js';
import { DiffTable } from './framework-pages.js';

const BASE = '/admin/assessment/frameworks';

/** Catalog key of each version status. */
const STATUS_KEY: Record<FrameworkVersionSummary['status'], string> = {
  pending: 'statusPending',
  accepted: 'statusAccepted',
  discarded: 'statusDiscarded',
};

const thaiDateTime = (d: Date | null) =>
  d
    ? new Intl.DateTimeFormat('th-TH', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Bangkok',
      }).format(d)
    : '';

export interface FrameworkYearRow {
  fiscalYear: number;
  origin: 'imported' | 'shipped';
}

/** /admin/assessment/frameworks: the years in use, every imported version, the upload form. */
export function FrameworkAdminPage(props: {
  years: FrameworkYearRow[];
  versions: FrameworkVersionSummary[];
  issues?: FrameworkFileIssue[];
  fileName?: string;
}) {
  const t = useT();
  return (
    <Layout title={t('assessment.frameworkImport.title')}>
      <PageHeader
        title={t('assessment.frameworkImport.title')}
        lead={t('assessment.frameworkAdmin.lead')}
      />
      <Notice />
      {props.issues && (
        <div class="error-summary" role="alert" tabindex={-1} data-testid="framework-issues">
          <p>
            <strong>{t('assessment.frameworkImport.refused')}</strong>
          </p>
          <p>
            {t('assessment.frameworkAdmin.issueCount', {
              file: props.fileName,
              n: props.issues.length,
            })}
          </p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('assessment.frameworkAdmin.path')}</th>
                  <th scope="col">{t('assessment.frameworkAdmin.problemTh')}</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {props.issues.map((i) => (
                  <tr>
                    <td>
                      <code>{i.path || t('assessment.frameworkAdmin.wholeFile')}</code>
                    </td>
                    <td>{i.messageTh}</td>
                    <td lang="en">{i.messageEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <h2>{t('assessment.frameworkAdmin.importTitle')}</h2>
      <PostForm action={BASE} enctype="multipart/form-data" class="card">
        <div class="field">
          <label for="f-file">{t('assessment.frameworkAdmin.fileLabel')}</label>
          <input id="f-file" name="file" type="file" accept=".json,application/json" required />
        </div>
        <button type="submit">{t('assessment.frameworkAdmin.check')}</button>
      </PostForm>
      <h2>{t('assessment.frameworkAdmin.inUse')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('assessment.frameworkAdmin.fiscalYear')}</th>
              <th scope="col">{t('assessment.frameworkAdmin.origin')}</th>
              <th scope="col">{t('assessment.frameworkAdmin.export')}</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((y) => (
              <tr>
                <td>{y.fiscalYear}</td>
                <td>
                  {t(
                    y.origin === 'imported'
                      ? 'assessment.frameworkAdmin.imported'
                      : 'assessment.frameworkAdmin.shipped',
                  )}
                </td>
                <td>
                  <a href={`${BASE}/${y.fiscalYear}.json`} download>
                    fy{y.fiscalYear}.json
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('assessment.frameworkAdmin.history')}</h2>
      {props.versions.length === 0 ? (
        <p>{t('assessment.frameworkAdmin.noImports')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('assessment.frameworkAdmin.year')}</th>
                <th scope="col">{t('assessment.frameworkAdmin.version')}</th>
                <th scope="col">{t('assessment.frameworkAdmin.status')}</th>
                <th scope="col">{t('assessment.frameworkAdmin.file')}</th>
                <th scope="col">{t('assessment.frameworkAdmin.importedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {props.versions.map((v) => (
                <tr>
                  <td>{v.fiscalYear}</td>
                  <td>
                    <a href={`${BASE}/versions/${v.id}`}>{v.version}</a>
                  </td>
                  <td>{t(`assessment.frameworkAdmin.${STATUS_KEY[v.status]}`)}</td>
                  <td>{v.fileName}</td>
                  <td>
                    {v.importedByLabel} ({thaiDateTime(v.importedAt)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** One imported version: what it changes against the previous year and the year in use. */
export function FrameworkVersionPage(props: {
  version: FrameworkVersionRow;
  previousYear: number | null;
  previousRows: [string, string, string, string][];
  currentRows: [string, string, string, string][] | null;
}) {
  const v = props.version;
  const t = useT();
  return (
    <Layout
      title={t('assessment.frameworkAdmin.versionTitle', {
        year: v.fiscalYear,
        version: v.version,
      })}
    >
      <PageHeader
        title={t('assessment.frameworkAdmin.versionHeading', {
          year: v.fiscalYear,
          version: v.version,
          status: t(`assessment.frameworkAdmin.${STATUS_KEY[v.status]}`),
        })}
        lead={t('assessment.frameworkAdmin.versionLead', {
          file: v.fileName,
          by: v.importedByLabel,
          at: thaiDateTime(v.importedAt),
        })}
      />
      <Notice />
      <h2 id="diff-previous">
        {props.previousYear === null
          ? t('assessment.frameworkAdmin.noPrevious')
          : t('assessment.frameworkAdmin.againstYear', { year: props.previousYear })}
      </h2>
      {props.previousYear !== null && <DiffTable rows={props.previousRows} />}
      {props.currentRows && (
        <>
          <h2>{t('assessment.frameworkAdmin.againstCurrent', { year: v.fiscalYear })}</h2>
          <DiffTable rows={props.currentRows} />
        </>
      )}
      {v.status === 'pending' ? (
        <div class="actions">
          <PostForm action={`${BASE}/versions/${v.id}/accept`}>
            <button type="submit">{t('assessment.frameworkAdmin.accept')}</button>
          </PostForm>
          <PostForm action={`${BASE}/versions/${v.id}/discard`}>
            <button type="submit" class="secondary">
              {t('assessment.frameworkAdmin.discard')}
            </button>
          </PostForm>
        </div>
      ) : (
        <p>
          {t('assessment.frameworkAdmin.decided', {
            status: t(`assessment.frameworkAdmin.${STATUS_KEY[v.status]}`),
            by: v.decidedByLabel,
            at: thaiDateTime(v.decidedAt),
          })}
        </p>
      )}
      <p>
        <a href={BASE}>{t('assessment.frameworkAdmin.back')}</a>
      </p>
    </Layout>
  );
}
