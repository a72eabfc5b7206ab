import type { FormState } from '../../core/http/form.js';
import { FRESH_FORM } from '../../core/http/form.js';
import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextArea,
  useT,
} from '../../core/http/ui.js';
import type { CaseFile } from '../queries.js';
import { CLOSED_STATUSES } from '../schema.js';
import type { ComplainantIdentity } from '../identity-crypto.js';
import { nextStep } from '../take-step.js';
import { Clock, STAFF_BASE } from './staff-queue.js';
import { thaiDay } from './format.js';

export interface CasePageProps {
  file: CaseFile;
  today: string;
  /** Committee members who may be assigned (the accused already left out). */
  assignees: { userId: string; name: string }[];
  staffChoices: { userId: string; name: string }[];
  identity?: ComplainantIdentity | undefined;
  /** Which form a refusal belongs to, and its state. */
  refused?: { form: 'step' | 'note' | 'message' | 'accused'; state: FormState } | undefined;
}

/**
 * One case for staff. Internal notes, the exchange with the complainant and the evidence are
 * separate sections with separate forms, so a note can never be sent to the complainant.
 */
export function CasePage(props: CasePageProps) {
  const t = useT();
  const { complaint, notes, messages, files, steps, hasIdentity } = props.file;
  const stateOf = (form: 'step' | 'note' | 'message' | 'accused') =>
    props.refused?.form === form ? props.refused.state : FRESH_FORM;
  const next = nextStep(complaint.status);
  const base = `${STAFF_BASE}/${complaint.id}`;
  const step = stateOf('step');
  return (
    <Layout title={t('complaints.staff.caseTitle', { number: complaint.caseNumber })}>
      <PageHeader
        title={t('complaints.staff.caseTitle', { number: complaint.caseNumber })}
        lead={complaint.subject}
      />
      <Notice />
      <dl>
        <dt>{t('complaints.field.kind')}</dt>
        <dd>{t(`complaints.kinds.${complaint.kind}`)}</dd>
        <dt>{t('complaints.field.conductType')}</dt>
        <dd>{t(`complaints.conduct.${complaint.conductType}`)}</dd>
        <dt>{t('complaints.field.channel')}</dt>
        <dd>
          {t(`complaints.channels.${complaint.channel}`)}
          {complaint.channelReference && <> ({complaint.channelReference})</>}
        </dd>
        <dt>{t('complaints.staff.received')}</dt>
        <dd>{thaiDay(complaint.receivedOn)}</dd>
        <dt>{t('complaints.staff.due')}</dt>
        <dd>
          <strong>{t(`complaints.status.${complaint.status}`)}</strong>{' '}
          <Clock complaint={complaint} today={props.today} />
        </dd>
        <dt>{t('complaints.field.details')}</dt>
        <dd class="prewrap">{complaint.details}</dd>
        {complaint.location && (
          <>
            <dt>{t('complaints.field.location')}</dt>
            <dd>{complaint.location}</dd>
          </>
        )}
        {complaint.accusedText && (
          <>
            <dt>{t('complaints.field.accusedText')}</dt>
            <dd>{complaint.accusedText}</dd>
          </>
        )}
        {complaint.outcome && (
          <>
            <dt>{t('complaints.staff.outcome')}</dt>
            <dd class="prewrap">{complaint.outcome}</dd>
          </>
        )}
        {complaint.reply && (
          <>
            <dt>{t('complaints.staff.reply')}</dt>
            <dd class="prewrap">{complaint.reply}</dd>
          </>
        )}
        {complaint.closingReason && (
          <>
            <dt>{t('complaints.staff.closingReason')}</dt>
            <dd>{complaint.closingReason}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="identity">
        <h2 id="identity">
          {hasIdentity ? t('complaints.staff.named') : t('complaints.staff.anonymous')}
        </h2>
        {props.identity ? (
          <div class="confidential" data-identity>
            <p>
              <strong>{t('complaints.staff.identityTitle')}</strong>
            </p>
            <p>{props.identity.name}</p>
            <p>{props.identity.phone}</p>
            <p>{props.identity.email}</p>
            <p>{props.identity.address}</p>
          </div>
        ) : (
          hasIdentity && (
            <PostForm action={`${base}/identity`}>
              <button type="submit">{t('complaints.staff.showIdentity')}</button>
            </PostForm>
          )
        )}
      </section>

      {!CLOSED_STATUSES.includes(complaint.status) ? (
        <section aria-labelledby="step">
          <h2 id="step">{t('complaints.staff.nextStep')}</h2>
          <ErrorSummary errors={step.errors} message={step.message} />
          <PostForm action={`${base}/step`}>
            <SelectField
              name="to"
              label="complaints.staff.nextStep"
              value={typeof step.values.to === 'string' ? step.values.to : (next ?? '')}
              errors={step.errors}
              options={[
                ...(next ? [{ value: next, label: t(`complaints.status.${next}`) }] : []),
                { value: 'forwarded', label: t('complaints.staff.forward') },
                { value: 'out_of_scope', label: t('complaints.staff.outOfScope') },
              ]}
            />
            {next === 'assigned' && (
              <SelectField
                name="assigneeUserId"
                label="complaints.field.assignee"
                value={
                  typeof step.values.assigneeUserId === 'string' ? step.values.assigneeUserId : ''
                }
                errors={step.errors}
                emptyLabel="complaints.field.assignee"
                options={props.assignees.map((a) => ({ value: a.userId, label: a.name }))}
              />
            )}
            <TextArea
              name="text"
              label="complaints.field.text"
              value={typeof step.values.text === 'string' ? step.values.text : ''}
              errors={step.errors}
              rows={3}
            />
            <button type="submit">{t('complaints.staff.takeStep')}</button>
          </PostForm>
        </section>
      ) : null}

      <section aria-labelledby="messages">
        <h2 id="messages">{t('complaints.staff.messages')}</h2>
        <ul>
          {messages.map((m) => (
            <li>
              {thaiDay(m.sentOn)}{' '}
              {m.fromCentre ? t('complaints.public.fromCentre') : t('complaints.public.fromYou')}:{' '}
              {m.body}
            </li>
          ))}
        </ul>
        <ErrorSummary errors={stateOf('message').errors} message={stateOf('message').message} />
        <PostForm action={`${base}/messages`}>
          <TextArea
            name="body"
            label="complaints.staff.sendMessage"
            value={String(stateOf('message').values.body ?? '')}
            errors={stateOf('message').errors}
            rows={3}
          />
          <button type="submit">{t('complaints.staff.sendMessage')}</button>
        </PostForm>
      </section>

      <section aria-labelledby="notes">
        <h2 id="notes">{t('complaints.staff.notes')}</h2>
        <ul>
          {notes.map((n) => (
            <li class="prewrap">{n.body}</li>
          ))}
        </ul>
        <ErrorSummary errors={stateOf('note').errors} message={stateOf('note').message} />
        <PostForm action={`${base}/notes`}>
          <TextArea
            name="body"
            label="complaints.field.note"
            value={String(stateOf('note').values.body ?? '')}
            errors={stateOf('note').errors}
            rows={3}
          />
          <button type="submit">{t('complaints.staff.addNote')}</button>
        </PostForm>
      </section>

      <section aria-labelledby="files">
        <h2 id="files">{t('complaints.staff.files')}</h2>
        {files.length === 0 && <p>{t('complaints.staff.noFiles')}</p>}
        <ul>
          {files.map((f) => (
            <li>
              <a href={`${base}/files/${f.id}`}>{f.fileName}</a> ({thaiDay(f.addedOn)})
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="accused">
        <h2 id="accused">{t('complaints.staff.markAccused')}</h2>
        <ErrorSummary errors={stateOf('accused').errors} message={stateOf('accused').message} />
        <PostForm action={`${base}/accused`}>
          <SelectField
            name="userId"
            label="complaints.field.accused"
            value=""
            errors={stateOf('accused').errors}
            emptyLabel="complaints.field.accused"
            options={props.staffChoices.map((s) => ({ value: s.userId, label: s.name }))}
          />
          <button type="submit">{t('complaints.staff.save')}</button>
        </PostForm>
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t('complaints.staff.history')}</h2>
        <ol>
          {steps.map((s) => (
            <li>
              {thaiDay(s.takenOn)}: {t(`complaints.status.${s.status}`)}
              {s.reason && <>: {s.reason}</>}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
