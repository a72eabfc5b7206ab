import { Layout } from '../../core/http/layout.js';
import { FRESH_FORM, type FormState } from '../../core/http/form.js';
import { formatThaiDate } from '../../core/i18n/thai-format.js';
import {
  ErrorSummary,
  FileField,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  useT,
} from '../../core/http/ui.js';
import type { getActionDetail } from '../queries.js';
import { ACTION_STATUSES } from '../schema.js';
import { BASE, StatusBadge, StepFields, text, thaiDate, type StepChoices } from './action-parts.js';

export function ActionPage(props: {
  detail: Awaited<ReturnType<typeof getActionDetail>>;
  canReport: boolean;
  canApprove: boolean;
  canManage: boolean;
  /** The progress form refused: its text and files to choose again. */
  progressForm?: FormState | undefined;
  /** A refused review of one update: which one, and why. */
  reviewForm?: { updateId: string; form: FormState } | undefined;
  /** The delete form refused (not confirmed): why, shown on the form. */
  deleteForm?: FormState | undefined;
}) {
  const t = useT();
  const { action, measure, updates } = props.detail;
  const progress = props.progressForm ?? FRESH_FORM;
  return (
    <Layout title={action.stepText}>
      <PageHeader title={action.stepText} lead={measure.title} />
      <Notice />
      <p>
        {action.unitName} · {thaiDate(action.startDate)} – {thaiDate(action.dueDate)} ·{' '}
        {action.percent}% <StatusBadge a={action} />
      </p>
      {props.canManage && (
        <div class="cards">
          <p class="card">
            <a href={`${BASE}/actions/${action.id}/edit`}>{t('measures.action.edit')}</a>
          </p>
          {action.status !== 'cancelled' && (
            <PostForm action={`${BASE}/actions/${action.id}/delete`} class="card">
              <ErrorSummary errors={props.deleteForm?.errors} message={props.deleteForm?.message} />
              <p class="hint">{t('measures.action.deleteHint')}</p>
              <label>
                <input type="checkbox" name="confirm" value="yes" required />{' '}
                {t('measures.action.deleteConfirm')}
              </label>
              <button type="submit" class="secondary">
                {t('measures.action.delete')}
              </button>
            </PostForm>
          )}
        </div>
      )}
      {props.canReport && action.status !== 'cancelled' && (
        <PostForm
          action={`${BASE}/actions/${action.id}/progress`}
          class="card"
          enctype="multipart/form-data"
        >
          <h2 id="progress-form">{t('measures.progress.submit')}</h2>
          <ErrorSummary errors={progress.errors} message={progress.message} />
          <TextArea
            name="text"
            label="measures.progress.text"
            required
            value={text(progress.values.text)}
            errors={progress.errors}
          />
          <TextField
            name="percent"
            label="measures.progress.percent"
            inputmode="numeric"
            required
            value={text(progress.values.percent)}
            errors={progress.errors}
          />
          <TextArea
            name="links"
            label="measures.progress.links"
            value={text(progress.values.links)}
            errors={progress.errors}
          />
          <FileField
            name="files"
            label="measures.progress.files"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
            errors={progress.errors}
            chosen={progress.chosenFiles.files}
          />
          <button type="submit">{t('measures.progress.submit')}</button>
        </PostForm>
      )}
      <h2>{t('measures.progress.title')}</h2>
      {updates.map((u) => (
        <article class="card" data-state={u.state}>
          <p>
            <strong>{u.percent}%</strong> — {u.text}{' '}
            <span
              class={`badge ${u.state === 'approved' ? 'ok' : u.state === 'returned' ? 'bad' : 'warn'}`}
            >
              {t(`measures.progress.states.${u.state}`)}
            </span>
          </p>
          <p class="muted">
            {u.submittedByName} · {formatThaiDate(u.createdAt, { style: 'medium' })}
          </p>
          {(u.files.length > 0 || u.links.length > 0) && (
            <ul>
              {u.files.map((f) => (
                <li>
                  <a href={`${BASE}/evidence/${f.id}`}>{f.fileName}</a> (
                  {Math.ceil(f.sizeBytes / 1024)} KB)
                </li>
              ))}
              {u.links.map((l) => (
                <li>
                  <a href={l} rel="noopener noreferrer">
                    {l}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {u.reviewComment && (
            <p>
              {t('measures.progress.comment')}: {u.reviewComment} ({u.reviewedByName})
            </p>
          )}
          {props.canApprove && u.state === 'pending' && (
            <PostForm action={`${BASE}/progress/${u.id}/review`}>
              {props.reviewForm?.updateId === u.id && (
                <ErrorSummary
                  errors={props.reviewForm.form.errors}
                  message={props.reviewForm.form.message}
                />
              )}
              <TextField
                name="comment"
                label="measures.progress.comment"
                value={
                  props.reviewForm?.updateId === u.id
                    ? text(props.reviewForm.form.values.comment)
                    : ''
                }
                errors={props.reviewForm?.updateId === u.id ? props.reviewForm.form.errors : {}}
              />
              <button type="submit" name="decision" value="approve">
                {t('measures.progress.approve')}
              </button>{' '}
              <button type="submit" name="decision" value="return" class="secondary">
                {t('measures.progress.return')}
              </button>
            </PostForm>
          )}
        </article>
      ))}
      <p>
        <a href={`${BASE}/${measure.id}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}

/** The edit page of a step: its fields, plus its status (carried over only if it already is). */
export function EditActionPage(
  props: StepChoices & {
    actionId: string;
    values: Record<string, unknown>;
    errors?: Record<string, string>;
  },
) {
  const t = useT();
  const status = text(props.values.status);
  return (
    <Layout title={t('measures.action.edit')}>
      <PageHeader title={t('measures.action.edit')} />
      <ErrorSummary errors={props.errors} />
      <PostForm action={`${BASE}/actions/${props.actionId}/edit`} class="card">
        <StepFields
          units={props.units}
          people={props.people}
          values={props.values}
          errors={props.errors}
        />
        <SelectField
          name="status"
          label="measures.action.status"
          options={ACTION_STATUSES.filter(
            (s) => s !== 'carried_over' || status === 'carried_over',
          ).map((s) => ({ value: s, label: t(`measures.action.statuses.${s}`) }))}
          value={status}
          errors={props.errors}
        />
        <button type="submit">{t('measures.action.save')}</button>
      </PostForm>
      <p>
        <a href={`${BASE}/actions/${props.actionId}`}>{t('back')}</a>
      </p>
    </Layout>
  );
}
