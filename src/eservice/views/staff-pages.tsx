import { Layout } from '../../core/http/layout.js';
import type { FormState } from '../../core/http/form.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  TextArea,
  TextField,
  useT,
} from '../../core/http/ui.js';
import type { Manual } from '../manual.js';
import type { RequestRow, RequestStepRow, ServiceRow, ServiceWithManual } from '../queries.js';
import { RequestFields } from './request-pages.js';
import { useWhen } from './format.js';

/** The staff start page: services with their open requests, and the module's tools. */
export function ServicesAdminPage(props: {
  services: ServiceWithManual[];
  openCounts: Map<string, number>;
  form: FormState;
}) {
  const t = useT();
  return (
    <Layout title={t('eservice.staff.title')}>
      <PageHeader
        title={t('eservice.staff.title')}
        actions={
          <>
            <a href="/staff/eservice/services/new">{t('eservice.staff.newService')}</a>{' '}
            <a href="/staff/eservice/holidays">{t('eservice.staff.holidays')}</a>{' '}
            <a href="/staff/eservice/report">{t('eservice.staff.report')}</a>{' '}
            <a href="/staff/eservice/leaflets.pdf">{t('eservice.staff.printAll')}</a>{' '}
            <a href="/staff/eservice/api-keys">{t('eservice.staff.apiKeys')}</a>{' '}
            <a href="/staff/eservice/statistics">{t('eservice.staff.statistics')}</a>
          </>
        }
      />
      <Notice />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <ul class="stack">
        {props.services.map((s) => (
          <li class="card">
            <strong>{s.manual.name}</strong>
            <p>{t('eservice.staff.openCount', { count: props.openCounts.get(s.id) ?? 0 })}</p>
            <p>
              <a href={`/staff/eservice/services/${s.id}/queue`}>{t('eservice.staff.queue')}</a>{' '}
              <a href={`/staff/eservice/services/${s.id}/edit`}>{t('eservice.staff.editManual')}</a>
            </p>
            <PostForm action={`/staff/eservice/services/${s.id}/leaflet`}>
              <input type="hidden" name="revision" value={String(s.currentRevision)} />
              <button type="submit">{t('eservice.staff.publishLeaflet')}</button>
            </PostForm>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** A service's queue in order, take-next, take-out-of-order with a reason, counter entry. */
export function QueuePage(props: {
  service: ServiceRow;
  manual: Manual;
  open: RequestRow[];
  form: FormState;
  counterForm: FormState;
}) {
  const t = useT();
  const when = useWhen();
  const base = `/staff/eservice/services/${props.service.id}`;
  const queued = props.open.filter((r) => r.status === 'queued');
  const working = props.open.filter((r) => r.status !== 'queued');
  return (
    <Layout title={t('eservice.queue.title', { name: props.manual.name })}>
      <PageHeader
        title={t('eservice.queue.title', { name: props.manual.name })}
        lead={t('eservice.queue.lead')}
      />
      <Notice />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <PostForm action={`${base}/take`}>
        <button type="submit" disabled={queued.length === 0}>
          {t('eservice.queue.takeNext')}
        </button>
      </PostForm>
      {queued.length === 0 && <p>{t('eservice.queue.empty')}</p>}
      <ol class="stack">
        {queued.map((r, i) => (
          <li class="card">
            {t('eservice.queue.position')} {i + 1} · {r.trackingCode} · {when(r.queuedAt)} ·{' '}
            {t(`eservice.channel.${r.channel}`)}
            {i > 0 && (
              <PostForm action={`${base}/take`} class="stack">
                <input type="hidden" name="requestId" value={r.id} />
                <TextField
                  name="reason"
                  label="eservice.queue.reason"
                  errors={props.form.errors}
                  maxlength={1000}
                />
                <button type="submit">{t('eservice.queue.takeThis')}</button>
              </PostForm>
            )}
          </li>
        ))}
      </ol>
      <ul>
        {working.map((r) => (
          <li>
            <a href={`/staff/eservice/requests/${r.id}`}>{r.trackingCode}</a> ·{' '}
            {t(`eservice.status.${r.status}`)} · {when(r.dueAt)}
          </li>
        ))}
      </ul>
      <section class="card">
        <h2>{t('eservice.queue.counterTitle')}</h2>
        <ErrorSummary errors={props.counterForm.errors} message={props.counterForm.message} />
        <PostForm action={`${base}/counter`} class="stack">
          <RequestFields form={props.counterForm} manual={props.manual} withFiles={false} />
          <button type="submit">{t('eservice.queue.counterSubmit')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

/** One request at work: its steps to close in order, the one-time document request, extensions. */
export function RequestWorkPage(props: {
  request: RequestRow;
  steps: RequestStepRow[];
  manual: Manual;
  files: { id: string; fileName: string }[];
  form: FormState;
  /** A delay notice was due: its printable letter can be downloaded. */
  hasDelayLetter?: boolean;
}) {
  const t = useT();
  const when = useWhen();
  const r = props.request;
  const base = `/staff/eservice/requests/${r.id}`;
  const next = props.steps.find((s) => !s.closedAt);
  const isOpen = r.status !== 'completed' && r.status !== 'rejected';
  return (
    <Layout title={t('eservice.work.title', { code: r.trackingCode })}>
      <PageHeader
        title={t('eservice.work.title', { code: r.trackingCode })}
        lead={props.manual.name}
        actions={
          props.hasDelayLetter ? (
            <a href={`${base}/delay-letter.pdf`}>{t('eservice.letter.download')}</a>
          ) : undefined
        }
      />
      <Notice />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <dl>
        <dt>{t('eservice.work.requester')}</dt>
        <dd>
          {r.requesterName} {r.contactEmail ?? ''} {r.contactPhone ?? ''}
        </dd>
        <dt>{t('eservice.public.trackTitle')}</dt>
        <dd>{t(`eservice.status.${r.status}`)}</dd>
        <dt>{t('eservice.track.dueAt')}</dt>
        <dd>{when(r.dueAt)}</dd>
      </dl>
      {r.details && <p>{r.details}</p>}
      {props.files.length > 0 && (
        <>
          <h2>{t('eservice.work.files')}</h2>
          <ul>
            {props.files.map((f) => (
              <li>
                <a href={`${base}/files/${f.id}`}>{f.fileName}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <ol class="stack">
        {props.steps.map((s) => (
          <li class="card">
            <strong>{s.title}</strong> · {t('eservice.track.due')} {when(s.dueAt)}
            {s.closedAt && <p>{t('eservice.track.done', { date: when(s.closedAt) })}</p>}
            {isOpen && next?.position === s.position && r.status !== 'queued' && (
              <PostForm action={`${base}/steps/${s.position}/close`} class="stack">
                <TextField
                  name="note"
                  label="eservice.work.note"
                  errors={props.form.errors}
                  maxlength={2000}
                />
                <button type="submit">{t('eservice.work.closeStep')}</button>
              </PostForm>
            )}
          </li>
        ))}
      </ol>
      {isOpen && next && (
        <section class="card">
          <h2>{t('eservice.work.extend')}</h2>
          <PostForm action={`${base}/steps/${next.position}/extend`} class="stack">
            <TextField
              name="days"
              label="eservice.work.extendDays"
              errors={props.form.errors}
              inputmode="numeric"
            />
            <TextArea name="reason" label="eservice.queue.reason" errors={props.form.errors} />
            <button type="submit">{t('eservice.work.extendSubmit')}</button>
          </PostForm>
        </section>
      )}
      {isOpen && !r.documentsRequestedAt && r.status !== 'queued' && (
        <section class="card">
          <h2>{t('eservice.work.requestDocuments')}</h2>
          <PostForm action={`${base}/documents`} class="stack">
            <TextArea name="note" label="eservice.work.note" errors={props.form.errors} />
            <button type="submit">{t('eservice.work.requestDocumentsSubmit')}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
