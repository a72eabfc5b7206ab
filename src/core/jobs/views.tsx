import { Layout } from '../http/layout.js';
import { Notice, PageHeader, PostForm, useT, useVars } from '../http/ui.js';
import type { JobStatus } from './list-jobs.js';
import type { JobRunRow } from './schema.js';

function When({ date }: { date: Date | null | undefined }) {
  const locale = useVars().locale;
  if (!date) return <>-</>;
  const text = new Intl.DateTimeFormat(locale === 'th' ? 'th-TH' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Bangkok',
  }).format(date);
  return <time datetime={date.toISOString()}>{text}</time>;
}

function Status({ run }: { run: Pick<JobRunRow, 'status'> }) {
  const t = useT();
  return <span class={`status status-${run.status}`}>{t(`jobs.status.${run.status}`)}</span>;
}

function RunsTable({
  runs,
  showRunner,
}: {
  runs: Omit<JobRunRow, 'byAgency'>[];
  showRunner: boolean;
}) {
  const t = useT();
  if (runs.length === 0) return <p>{t('jobs.never')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('jobs.name')}</th>
            <th scope="col">{t('jobs.slot')}</th>
            <th scope="col">{t('jobs.started')}</th>
            <th scope="col">{t('jobs.finished')}</th>
            <th scope="col">{t('jobs.attempts')}</th>
            <th scope="col">{t('jobs.result')}</th>
            {showRunner && <th scope="col">{t('jobs.runner')}</th>}
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr>
              <td>{r.job}</td>
              <td>
                <When date={r.slot} />
              </td>
              <td>
                <When date={r.startedAt} />
              </td>
              <td>
                <When date={r.finishedAt} />
              </td>
              <td>{r.attempts}</td>
              <td>
                <Status run={r} /> {r.summary}
                {r.error && showRunner && <div class="hint">{r.error}</div>}
              </td>
              {showRunner && <td>{r.runner}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /admin/jobs: every job, its schedule, last and next run, and the latest runs. */
export function JobsAdminPage({ jobs, runs }: { jobs: JobStatus[]; runs: JobRunRow[] }) {
  const t = useT();
  return (
    <Layout title={t('jobs.title')}>
      <PageHeader title={t('jobs.title')} lead={t('jobs.lead')} />
      <Notice />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('jobs.name')}</th>
              <th scope="col">{t('jobs.schedule')}</th>
              <th scope="col">{t('jobs.lastRun')}</th>
              <th scope="col">{t('jobs.nextRun')}</th>
              <th scope="col">{t('jobs.runNow.column')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr id={`job-${job.name}`}>
                <td>
                  <strong>{job.name}</strong>
                  <div class="hint">{job.summary}</div>
                </td>
                <td>
                  <code>{job.schedule}</code>
                  {!job.isEnabled && <> ({t('jobs.disabled')})</>}
                </td>
                <td>
                  {job.lastRun ? (
                    <>
                      <Status run={job.lastRun} /> <When date={job.lastRun.startedAt} />
                      <div class="hint">
                        {job.lastRun.status === 'failed' ? job.lastRun.error : job.lastRun.summary}
                      </div>
                    </>
                  ) : (
                    t('jobs.never')
                  )}
                </td>
                <td>
                  <When date={job.nextRun} />
                </td>
                <td>
                  <PostForm action="/admin/jobs/run">
                    <input type="hidden" name="job" value={job.name} />
                    <button type="submit" class="secondary">
                      {t('jobs.runNow.button')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('jobs.recent')}</h2>
      <RunsTable runs={runs} showRunner />
    </Layout>
  );
}

/** The runs that did something for one agency, with that agency's line only. */
export function AgencyJobsPage({ runs }: { runs: Omit<JobRunRow, 'byAgency'>[] }) {
  const t = useT();
  return (
    <Layout title={t('jobs.agencyTitle')}>
      <PageHeader title={t('jobs.agencyTitle')} lead={t('jobs.agencyLead')} />
      <RunsTable runs={runs} showRunner={false} />
    </Layout>
  );
}
