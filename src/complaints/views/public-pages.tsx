import type { FormState } from '../../core/http/form.js';
import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  FieldError,
  FileField,
  PageHeader,
  PostForm,
  TextArea,
  TextField,
  useT,
  useVars,
} from '../../core/http/ui.js';
import { type ComplaintKind, type DeadlineSettings } from '../schema.js';
import type { FollowedCase } from '../queries.js';
import { thaiDay } from './format.js';
import { ComplaintFields } from './complaint-fields.js';

const base = () => `/a/${useVars().publicAgency.slug}/complaints`;

/** The public entry: the two forms, following a case, the process with its times, channels. */
export function ProcessPage(props: { deadlines: DeadlineSettings }) {
  const t = useT();
  const root = base();
  const steps = ['acknowledged', 'assigned', 'fact_finding', 'outcome', 'replied'] as const;
  return (
    <Layout title={t('complaints.public.title')}>
      <PageHeader title={t('complaints.public.title')} lead={t('complaints.public.lead')} />
      <ul class="actions-list">
        <li>
          <a href={`${root}/new/grievance`}>{t('complaints.public.fileGrievance')}</a>
        </li>
        <li>
          <a href={`${root}/new/corruption`}>{t('complaints.public.fileCorruption')}</a>
        </li>
        <li>
          <a href={`${root}/follow`}>{t('complaints.public.follow')}</a>
        </li>
        <li>
          <a href={`${root}/statistics`}>{t('complaints.public.statistics')}</a>
        </li>
      </ul>
      <p>{t('complaints.public.protection')}</p>
      <h2>{t('complaints.public.processTitle')}</h2>
      {(['grievance', 'corruption'] as const).map((kind) => (
        <section>
          <h3>{t(`complaints.kinds.${kind}`)}</h3>
          <ol>
            <li>{t('complaints.status.received')}</li>
            {steps.map((step) => (
              <li>
                {t(`complaints.status.${step}`)}:{' '}
                {t('complaints.public.stepDays', { days: props.deadlines[kind][step] })}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <h2>{t('complaints.public.channelsTitle')}</h2>
      <p>{t('complaints.public.channelsOther')}</p>
    </Layout>
  );
}

/** The filing form: plain HTML, one column, works on a phone without JavaScript. */
export function FilingPage(props: { kind: ComplaintKind; form: FormState }) {
  const t = useT();
  const { values, errors } = props.form;
  const value = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  const kindLabel = t(`complaints.kinds.${props.kind}`);
  return (
    <Layout title={t('complaints.public.formTitle', { kind: kindLabel })}>
      <PageHeader
        title={t('complaints.public.formTitle', { kind: kindLabel })}
        lead={t(`complaints.kindHints.${props.kind}`)}
      />
      <ErrorSummary errors={errors} message={props.form.message} />
      <PostForm action={`${base()}/new/${props.kind}`} enctype="multipart/form-data">
        <ComplaintFields value={value} errors={errors} detailsHint />
        {props.kind === 'corruption' && (
          <TextField
            name="accusedText"
            label="complaints.field.accusedText"
            value={value('accusedText')}
            errors={errors}
            maxlength={300}
          />
        )}
        <FileField
          name="files"
          label="complaints.field.files"
          hint="complaints.field.filesHint"
          errors={errors}
          chosen={props.form.chosenFiles.files}
          accept="image/jpeg,image/png,application/pdf"
          multiple
        />
        <IdentityFields form={props.form} />
        <button type="submit">{t('complaints.public.submit')}</button>
      </PostForm>
    </Layout>
  );
}

/** Anonymous or named; the named fields are sealed for the committee before storing. */
export function IdentityFields(props: { form: FormState }) {
  const t = useT();
  const { values, errors } = props.form;
  const value = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  return (
    <fieldset>
      <legend>{t('complaints.field.identityLegend')}</legend>
      <label class="check">
        <input
          type="checkbox"
          name="isAnonymous"
          value="1"
          checked={value('isAnonymous') === '1'}
        />{' '}
        {t('complaints.field.isAnonymous')}
      </label>
      <p class="hint">{t('complaints.field.anonymousHint')}</p>
      <TextField
        name="name"
        label="complaints.field.name"
        value={value('name')}
        errors={errors}
        autocomplete="name"
        maxlength={200}
      />
      <TextField
        name="phone"
        label="complaints.field.phone"
        value={value('phone')}
        errors={errors}
        type="tel"
        autocomplete="tel"
        maxlength={40}
      />
      <TextField
        name="email"
        label="complaints.field.email"
        value={value('email')}
        errors={errors}
        type="email"
        autocomplete="email"
        maxlength={200}
      />
      <TextArea
        name="address"
        label="complaints.field.address"
        value={value('address')}
        errors={errors}
        rows={2}
      />
    </fieldset>
  );
}

/** Shown once, right after filing: the receipt is not stored and cannot be shown again. */
export function ReceiptPage(props: { receipt: string; caseNumber: number; receivedOn: string }) {
  const t = useT();
  return (
    <Layout title={t('complaints.public.receiptTitle')}>
      <PageHeader
        title={t('complaints.public.receiptTitle')}
        lead={t('complaints.public.receiptLead')}
      />
      <p class="receipt" data-receipt>
        <strong>{props.receipt}</strong>
      </p>
      <p>
        {t('complaints.public.receiptCase', {
          number: props.caseNumber,
          date: thaiDay(props.receivedOn),
        })}
      </p>
      <p>
        <a href={`${base()}/follow`}>{t('complaints.public.follow')}</a>
      </p>
    </Layout>
  );
}

export function FollowPage(props: { form: FormState }) {
  const t = useT();
  return (
    <Layout title={t('complaints.public.followTitle')}>
      <PageHeader
        title={t('complaints.public.followTitle')}
        lead={t('complaints.public.followLead')}
      />
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <PostForm action={`${base()}/follow`}>
        <TextField
          name="receipt"
          label="complaints.field.receipt"
          value={typeof props.form.values.receipt === 'string' ? props.form.values.receipt : ''}
          errors={props.form.errors}
          autocomplete="off"
          maxlength={60}
          required
        />
        <button type="submit">{t('complaints.public.followSubmit')}</button>
      </PostForm>
    </Layout>
  );
}

/**
 * The complainant's view by receipt: steps, messages, the reply. The receipt travels in the
 * POST body of each form here, never in a URL (no proxy or browser history keeps it).
 */
export function FollowedCasePage(props: {
  found: FollowedCase;
  receipt: string;
  form: FormState;
  notice?: string;
}) {
  const t = useT();
  const { complaint, messages, steps } = props.found;
  const isClosed = ['replied', 'forwarded', 'out_of_scope'].includes(complaint.status);
  return (
    <Layout title={t('complaints.public.caseTitle')}>
      <PageHeader title={t('complaints.public.caseTitle')} lead={complaint.subject} />
      {props.notice && (
        <p class="notice" role="status">
          {t(props.notice)}
        </p>
      )}
      <p>
        <strong>{t(`complaints.status.${complaint.status}`)}</strong>
      </p>
      <h2>{t('complaints.public.history')}</h2>
      <ol>
        {steps.map((s) => (
          <li>
            {thaiDay(s.takenOn)}: {t(`complaints.status.${s.status}`)}
            {s.reason && <>: {s.reason}</>}
          </li>
        ))}
      </ol>
      {complaint.reply && (
        <section>
          <h2>{t('complaints.public.reply')}</h2>
          <p class="reply">{complaint.reply}</p>
        </section>
      )}
      <h2>{t('complaints.public.messages')}</h2>
      {messages.length === 0 && <p>{t('complaints.public.noMessages')}</p>}
      <ul class="messages">
        {messages.map((m) => (
          <li>
            {thaiDay(m.sentOn)}{' '}
            {m.fromCentre ? t('complaints.public.fromCentre') : t('complaints.public.fromYou')}:{' '}
            {m.body}
          </li>
        ))}
      </ul>
      {!isClosed && (
        <PostForm action={`${base()}/follow/message`}>
          <input type="hidden" name="receipt" value={props.receipt} />
          <TextArea
            name="body"
            label="complaints.field.message"
            value={typeof props.form.values.body === 'string' ? props.form.values.body : ''}
            errors={props.form.errors}
            rows={4}
            required
          />
          <FieldError name="receipt" errors={props.form.errors} />
          <button type="submit">{t('complaints.public.sendMessage')}</button>
        </PostForm>
      )}
    </Layout>
  );
}
