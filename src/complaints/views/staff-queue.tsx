import type { FormState } from '../../core/http/form.js';
import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  FileField,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextField,
  useT,
} from '../../core/http/ui.js';
import { COMPLAINT_CHANNELS, COMPLAINT_KINDS, type ComplaintKind } from '../schema.js';
import type { ComplaintRow } from '../queries.js';
import { daysBetween } from '../dates.js';
import { IdentityFields } from './public-pages.js';
import { thaiDay } from './format.js';
import { ComplaintFields } from './complaint-fields.js';

export const STAFF_BASE = '/staff/complaints';

/** The clock of an open case: days left, or days overdue. */
export function Clock(props: { complaint: ComplaintRow; today: string }) {
  const t = useT();
  const { dueOn, escalatedOn } = props.complaint;
  if (!dueOn) return null;
  const left = daysBetween(props.today, dueOn);
  return (
    <span class={left < 0 ? 'overdue' : 'due'} data-clock={left}>
      {thaiDay(dueOn)} (
      {left < 0
        ? t('complaints.staff.daysOverdue', { days: -left })
        : t('complaints.staff.daysLeft', { days: left })}
      ){escalatedOn && <> · {t('complaints.staff.escalated')}</>}
    </span>
  );
}

/** The two queues (grievances, corruption) of cases visible to this staff member. */
export function QueuePage(props: {
  list: ComplaintRow[];
  kind: ComplaintKind | undefined;
  today: string;
}) {
  const t = useT();
  return (
    <Layout title={t('complaints.staff.queueTitle')}>
      <PageHeader
        title={t('complaints.staff.queueTitle')}
        actions={<a href={`${STAFF_BASE}/new`}>{t('complaints.staff.newCase')}</a>}
      />
      <Notice />
      <nav>
        <ul class="inline-list">
          <li>
            <a href={STAFF_BASE} aria-current={!props.kind ? 'page' : undefined}>
              {t('complaints.staff.all')}
            </a>
          </li>
          {COMPLAINT_KINDS.map((k) => (
            <li>
              <a
                href={`${STAFF_BASE}?kind=${k}`}
                aria-current={props.kind === k ? 'page' : undefined}
              >
                {t(`complaints.kinds.${k}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.list.length === 0 ? (
        <p>{t('complaints.staff.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('complaints.staff.caseNumber')}</th>
              <th>{t('complaints.field.subject')}</th>
              <th>{t('complaints.field.kind')}</th>
              <th>{t('complaints.staff.received')}</th>
              <th>{t('complaints.field.channel')}</th>
              <th>{t('complaints.staff.due')}</th>
            </tr>
          </thead>
          <tbody>
            {props.list.map((c) => (
              <tr>
                <td>
                  <a href={`${STAFF_BASE}/${c.id}`}>{c.caseNumber}</a>
                </td>
                <td>
                  {c.subject}
                  <br />
                  <small>{t(`complaints.status.${c.status}`)}</small>
                </td>
                <td>{t(`complaints.kinds.${c.kind}`)}</td>
                <td>{thaiDay(c.receivedOn)}</td>
                <td>{t(`complaints.channels.${c.channel}`)}</td>
                <td>
                  <Clock complaint={c} today={props.today} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** A complaint taken at the counter, by phone or letter, or forwarded with its reference. */
export function NewCasePage(props: { form: FormState }) {
  const t = useT();
  const { values, errors } = props.form;
  const value = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  return (
    <Layout title={t('complaints.staff.newCaseTitle')}>
      <PageHeader title={t('complaints.staff.newCaseTitle')} />
      <ErrorSummary errors={errors} message={props.form.message} />
      <PostForm action={`${STAFF_BASE}/new`} enctype="multipart/form-data">
        <SelectField
          name="channel"
          label="complaints.field.channel"
          value={value('channel')}
          errors={errors}
          options={COMPLAINT_CHANNELS.filter((c) => c !== 'web').map((c) => ({
            value: c,
            label: t(`complaints.channels.${c}`),
          }))}
        />
        <TextField
          name="channelReference"
          label="complaints.field.channelReference"
          value={value('channelReference')}
          errors={errors}
          maxlength={100}
        />
        <SelectField
          name="kind"
          label="complaints.field.kind"
          value={value('kind')}
          errors={errors}
          options={COMPLAINT_KINDS.map((k) => ({ value: k, label: t(`complaints.kinds.${k}`) }))}
        />
        <ComplaintFields value={value} errors={errors} />
        <TextField
          name="accusedText"
          label="complaints.field.accusedText"
          value={value('accusedText')}
          errors={errors}
          maxlength={300}
        />
        <FileField
          name="files"
          label="complaints.field.files"
          hint="complaints.field.filesHint"
          errors={errors}
          chosen={props.form.chosenFiles.files}
          multiple
        />
        <IdentityFields form={props.form} />
        <button type="submit">{t('complaints.staff.save')}</button>
      </PostForm>
    </Layout>
  );
}

/** After a staff entry: the receipt to hand to the complainant, shown this once. */
export function StaffReceiptPage(props: { id: string; caseNumber: number; receipt: string }) {
  const t = useT();
  return (
    <Layout title={t('complaints.staff.caseTitle', { number: props.caseNumber })}>
      <PageHeader title={t('complaints.staff.caseTitle', { number: props.caseNumber })} />
      <p class="receipt" data-receipt>
        {t('complaints.staff.receiptShown', { receipt: props.receipt })}
      </p>
      <p>
        <a href={`${STAFF_BASE}/${props.id}`}>
          {t('complaints.staff.caseTitle', { number: props.caseNumber })}
        </a>
      </p>
    </Layout>
  );
}
