import { Layout } from '../../core/http/layout.js';
import type { FormState } from '../../core/http/form.js';
import {
  ErrorSummary,
  FieldError,
  FileField,
  Notice,
  PageHeader,
  PostForm,
  TextArea,
  TextField,
  useT,
  useVars,
} from '../../core/http/ui.js';
import type { Manual } from '../manual.js';
import type { RequestRow, RequestStepRow, ServiceRow } from '../queries.js';
import { useWhen } from './format.js';

/** The fields a request form has, for the citizen's page and the counter's. */
export function RequestFields(props: { form: FormState; manual: Manual; withFiles: boolean }) {
  const t = useT();
  const { values, errors, chosenFiles } = props.form;
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  return (
    <>
      <TextField
        name="requesterName"
        label="eservice.request.requesterName"
        value={str('requesterName')}
        errors={errors}
        required
        autocomplete="name"
        maxlength={200}
      />
      <TextField
        name="contactEmail"
        type="email"
        label="eservice.request.contactEmail"
        value={str('contactEmail')}
        errors={errors}
        autocomplete="email"
        maxlength={200}
      />
      <TextField
        name="contactPhone"
        type="tel"
        label="eservice.request.contactPhone"
        hint="eservice.request.contactHint"
        value={str('contactPhone')}
        errors={errors}
        autocomplete="tel"
        inputmode="tel"
        maxlength={20}
      />
      <TextArea
        name="details"
        label="eservice.request.details"
        value={str('details')}
        errors={errors}
      />
      {props.withFiles &&
        props.manual.documents.map((d, i) => (
          <FileField
            name={`doc${i}`}
            label={d.name}
            hint="eservice.request.attachHint"
            accept="application/pdf,image/jpeg,image/png"
            errors={errors}
            chosen={chosenFiles[`doc${i}`]}
          />
        ))}
      <section class="card" aria-labelledby="pdpa-title">
        <h2 id="pdpa-title">{t('eservice.request.pdpaTitle')}</h2>
        <p>{t('eservice.request.pdpaText')}</p>
        <label>
          <input
            type="checkbox"
            name="pdpaAcknowledged"
            value="on"
            id="f-pdpaAcknowledged"
            checked={values.pdpaAcknowledged === 'on'}
            aria-describedby={errors.pdpaAcknowledged ? 'f-pdpaAcknowledged-error' : undefined}
          />{' '}
          {t('eservice.request.pdpaAcknowledged')}
        </label>
        <FieldError name="pdpaAcknowledged" errors={errors} />
      </section>
    </>
  );
}

/** The citizen's request form: no account, PDPA notice, one file field per listed document. */
export function RequestFormPage(props: { service: ServiceRow; manual: Manual; form: FormState }) {
  const t = useT();
  const slug = useVars().publicAgency.slug;
  return (
    <Layout title={t('eservice.request.title', { name: props.manual.name })}>
      <PageHeader
        title={t('eservice.request.title', { name: props.manual.name })}
        lead={t('eservice.request.lead')}
      />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <PostForm
        action={`/a/${slug}/services/${props.service.code}/request`}
        enctype="multipart/form-data"
        class="stack"
      >
        <RequestFields form={props.form} manual={props.manual} withFiles />
        <button type="submit">{t('eservice.request.submit')}</button>
      </PostForm>
    </Layout>
  );
}

/** The public status page: every step with its due instant and what happened. */
export function StatusPage(props: {
  request: RequestRow;
  steps: RequestStepRow[];
  manual: Manual;
  now: Date;
}) {
  const t = useT();
  const when = useWhen();
  const slug = useVars().publicAgency.slug;
  const r = props.request;
  return (
    <Layout title={t('eservice.track.title', { code: r.trackingCode })}>
      <PageHeader title={t('eservice.track.title', { code: r.trackingCode })} />
      <Notice />
      <dl>
        <dt>{t('eservice.track.service')}</dt>
        <dd>{props.manual.name}</dd>
        <dt>{t('eservice.track.filedAt')}</dt>
        <dd>{when(r.queuedAt)}</dd>
        <dt>{t('eservice.track.dueAt')}</dt>
        <dd>{when(r.dueAt)}</dd>
        <dt>{t('eservice.public.trackTitle')}</dt>
        <dd>
          <strong>{t(`eservice.status.${r.status}`)}</strong>
        </dd>
      </dl>
      {r.documentsRequestedAt && (
        <p class="notice">
          {t('eservice.track.documentsRequested', { note: r.documentsRequestNote ?? '' })}
        </p>
      )}
      {r.resultNote && <p class="notice">{t('eservice.track.result', { note: r.resultNote })}</p>}
      {r.status === 'completed' && !r.satisfactionAnsweredAt && (
        <p>
          <a class="button" href={`/a/${slug}/track/${r.trackingCode}/survey`}>
            {t('eservice.track.surveyLink')}
          </a>
        </p>
      )}
      <ol class="stack steps">
        {props.steps.map((s) => (
          <li class="card">
            <strong>{s.title}</strong>
            <p>
              {t('eservice.track.due')}: {when(s.dueAt)}
              {!s.closedAt && s.dueAt < props.now && (
                <strong> · {t('eservice.track.overdue')}</strong>
              )}
            </p>
            <p>
              {s.closedAt
                ? t('eservice.track.done', { date: when(s.closedAt) })
                : t('eservice.track.pending')}
            </p>
            {s.note && <p>{s.note}</p>}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
