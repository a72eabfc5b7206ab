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
import { orderNumberText, type OfficialDocumentRow } from '../../core/official/index.js';
import { STAFF_BASE } from './staff-queue.js';

export interface CommitteePageProps {
  settings: ComplaintSettingsRow;
  members: { userId: string; name: string; role: string }[];
  staffChoices: { userId: string; name: string }[];
  latestOrder: OfficialDocumentRow | null;
  refused?: { form: 'member' | 'order' | 'deadlines' | 'document'; state: FormState } | undefined;
}

const STEPS = ['acknowledged', 'assigned', 'fact_finding', 'outcome', 'replied'] as const;

/**
 * The order appointing the committee: the latest one in the agency's register and a form that
 * drafts a new one from the recorded members (the executive signs it in the register, which
 * numbers it, so the number is never typed here).
 */
function OrderSection(props: { latest: OfficialDocumentRow | null; state: FormState }) {
  const t = useT();
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const latest = props.latest;
  return (
    <section>
      <h2>{t('complaints.staff.orderTitle')}</h2>
      <p>{t('complaints.staff.orderLead')}</p>
      {latest ? (
        <p>
          {t('complaints.staff.latestOrder', {
            number: orderNumberText(latest.number, latest.numberYear),
            status: t(`integrity.statuses.${latest.status}`),
          })}{' '}
          <a href={`/staff/integrity/documents/${latest.id}`}>
            {t('complaints.staff.openInRegister')}
          </a>
        </p>
      ) : (
        <p>{t('complaints.staff.noOrderYet')}</p>
      )}
      <ErrorSummary errors={props.state.errors} message={props.state.message} />
      <PostForm action={`${STAFF_BASE}/committee/order-document`}>
        <TextField
          name="signerName"
          label="complaints.staff.signerName"
          value={str(props.state.values.signerName) || (latest?.signerName ?? '')}
          errors={props.state.errors}
          maxlength={200}
        />
        <TextField
          name="signerPosition"
          label="complaints.staff.signerPosition"
          value={str(props.state.values.signerPosition) || (latest?.signerPosition ?? '')}
          errors={props.state.errors}
          maxlength={300}
        />
        <button type="submit">{t('complaints.staff.draftOrder')}</button>
      </PostForm>
    </section>
  );
}

/** The committee (its appointing order, members and roles) and the clocks. */
export function CommitteePage(props: CommitteePageProps) {
  const t = useT();
  const stateOf = (form: 'member' | 'order' | 'deadlines' | 'document') =>
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
      <OrderSection latest={props.latestOrder} state={stateOf('document')} />
      <p>{t('complaints.staff.previousOrderLead')}</p>
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
