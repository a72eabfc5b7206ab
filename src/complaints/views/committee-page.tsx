import type { FormState } from '../../core/http/form.js';
import { FRESH_FORM } from '../../core/http/form.js';
import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextField,
  useT,
} from '../../core/http/ui.js';
import { COMMITTEE_ROLES, COMPLAINT_KINDS, type DeadlineSettings } from '../schema.js';
import type { ComplaintSettingsRow } from '../committee.js';
import { STAFF_BASE } from './staff-queue.js';

export interface CommitteePageProps {
  settings: ComplaintSettingsRow;
  members: { userId: string; name: string; role: string }[];
  staffChoices: { userId: string; name: string }[];
  refused?: { form: 'member' | 'order' | 'deadlines'; state: FormState } | undefined;
}

const STEPS = ['acknowledged', 'assigned', 'fact_finding', 'outcome', 'replied'] as const;

/**
 * The committee (its appointing order, members and roles) and the clocks. The printable order
 * (คำสั่ง) will be rendered by core official documents (#17) from these same fields.
 */
export function CommitteePage(props: CommitteePageProps) {
  const t = useT();
  const stateOf = (form: 'member' | 'order' | 'deadlines') =>
    props.refused?.form === form ? props.refused.state : FRESH_FORM;
  const order = stateOf('order');
  const deadlines = stateOf('deadlines');
  const dl: DeadlineSettings = props.settings.deadlines;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  return (
    <Layout title={t('complaints.staff.committeeTitle')}>
      <PageHeader
        title={t('complaints.staff.committeeTitle')}
        lead={t('complaints.staff.committeeLead')}
      />
      <Notice />
      <ErrorSummary errors={order.errors} message={order.message} />
      <PostForm action={`${STAFF_BASE}/committee/order`}>
        <TextField
          name="orderNumber"
          label="complaints.staff.orderNumber"
          value={str(order.values.orderNumber, props.settings.orderNumber)}
          errors={order.errors}
          maxlength={100}
        />
        <TextField
          name="orderDate"
          label="complaints.staff.orderDate"
          type="date"
          value={str(order.values.orderDate, props.settings.orderDate ?? '')}
          errors={order.errors}
        />
        <button type="submit">{t('complaints.staff.saveOrder')}</button>
      </PostForm>
      {props.members.length === 0 && <p>{t('complaints.staff.noMembers')}</p>}
      <table>
        <tbody>
          {props.members.map((m) => (
            <tr>
              <td>{m.name}</td>
              <td>{t(`complaints.roles.${m.role}`)}</td>
              <td>
                <PostForm action={`${STAFF_BASE}/committee/${m.userId}/remove`}>
                  <button type="submit">{t('complaints.staff.remove')}</button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorSummary errors={stateOf('member').errors} message={stateOf('member').message} />
      <PostForm action={`${STAFF_BASE}/committee`}>
        <SelectField
          name="userId"
          label="complaints.field.member"
          value={str(stateOf('member').values.userId, '')}
          errors={stateOf('member').errors}
          emptyLabel="complaints.field.member"
          options={props.staffChoices.map((s) => ({ value: s.userId, label: s.name }))}
        />
        <SelectField
          name="role"
          label="complaints.field.role"
          value={str(stateOf('member').values.role, 'member')}
          errors={stateOf('member').errors}
          options={COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`complaints.roles.${r}`) }))}
        />
        <button type="submit">{t('complaints.staff.appoint')}</button>
      </PostForm>
      <h2>{t('complaints.staff.deadlinesTitle')}</h2>
      <ErrorSummary errors={deadlines.errors} message={deadlines.message} />
      <PostForm action={`${STAFF_BASE}/committee/deadlines`}>
        {COMPLAINT_KINDS.map((kind) => (
          <fieldset>
            <legend>{t(`complaints.kinds.${kind}`)}</legend>
            {STEPS.map((step) => (
              <TextField
                name={`${kind}.${step}`}
                label={`complaints.status.${step}`}
                inputmode="numeric"
                value={str(deadlines.values[`${kind}.${step}`], String(dl[kind][step]))}
                errors={deadlines.errors}
              />
            ))}
          </fieldset>
        ))}
        <button type="submit">{t('complaints.staff.save')}</button>
      </PostForm>
    </Layout>
  );
}
