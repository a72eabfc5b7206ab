import { Layout } from '../../core/http/layout.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  TextArea,
  TextField,
  useT,
} from '../../core/http/ui.js';
import { FRESH_FORM, type FormState } from '../../core/http/form.js';
import { formatThaiDate } from '../../core/i18n/thai-format.js';
import type { HrReportRow, PlanActivityRow } from '../queries.js';
import type { OfficialDocumentRow } from '../../core/official/index.js';

export const PLAN_BASE = '/staff/personnel/plan';

export interface PlanPageProps {
  year: number;
  plan: PlanActivityRow[];
  report: HrReportRow | null;
  /** The year's HR policy and criteria announcements in the register. */
  documents: OfficialDocumentRow[];
  canManage: boolean;
  /** A refused form: the new activity's, one activity's progress (by id) or the publishing. */
  refused?: { form: string; state: FormState } | undefined;
}

/** One activity's row, with its progress form for those who manage the plan. */
function ActivityRow(props: { a: PlanActivityRow; canManage: boolean; state: FormState }) {
  const t = useT();
  const { a, state } = props;
  const v = (name: 'progress' | 'result', fallback: string) =>
    typeof state.values[name] === 'string' ? (state.values[name] as string) : fallback;
  return (
    <tr>
      <td>{a.title}</td>
      <td>{a.target}</td>
      <td>{a.owner}</td>
      <td class="num">{a.progress}</td>
      <td>
        {props.canManage ? (
          <PostForm action={`${PLAN_BASE}/${a.id}/progress`} class="stack">
            <ErrorSummary errors={state.errors} message={state.message} />
            <TextField
              name="progress"
              label="personnel.plan.progress"
              value={v('progress', String(a.progress))}
              errors={state.errors}
              inputmode="numeric"
              required
            />
            <TextArea
              name="result"
              label="personnel.plan.result"
              value={v('result', a.result)}
              errors={state.errors}
              rows={2}
            />
            <button type="submit">{t('personnel.plan.saveProgress')}</button>
          </PostForm>
        ) : (
          a.result
        )}
      </td>
    </tr>
  );
}

/** แผนการบริหารและพัฒนาทรัพยากรบุคคล: activities, progress and the yearly report's publishing. */
export function PlanPage(props: PlanPageProps) {
  const t = useT();
  const stateOf = (form: string) =>
    props.refused?.form === form ? props.refused.state : FRESH_FORM;
  const add = stateOf('add');
  const publish = stateOf('publish');
  const title = t('personnel.plan.title', { year: props.year });
  return (
    <Layout title={title}>
      <PageHeader title={title} lead={t('personnel.plan.lead')} />
      <Notice />
      <h2>{t('personnel.plan.documents')}</h2>
      {props.documents.length === 0 ? (
        <p>
          {t('personnel.plan.noDocuments')}{' '}
          <a href="/staff/integrity/documents">{t('personnel.plan.toRegister')}</a>
        </p>
      ) : (
        <ul>
          {props.documents.map((d) => (
            <li>
              <a href={`/staff/integrity/documents/${d.id}`}>{d.subject}</a> (
              {t(`integrity.statuses.${d.status}`)})
            </li>
          ))}
        </ul>
      )}
      <h2>{t('personnel.plan.activities')}</h2>
      {props.plan.length === 0 ? (
        <p>{t('personnel.plan.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('personnel.plan.activity')}</th>
              <th scope="col">{t('personnel.plan.target')}</th>
              <th scope="col">{t('personnel.plan.owner')}</th>
              <th scope="col">{t('personnel.plan.progress')}</th>
              <th scope="col">{t('personnel.plan.result')}</th>
            </tr>
          </thead>
          <tbody>
            {props.plan.map((a) => (
              <ActivityRow a={a} canManage={props.canManage} state={stateOf(a.id)} />
            ))}
          </tbody>
        </table>
      )}
      {props.canManage && (
        <PostForm action={PLAN_BASE} class="card stack">
          <ErrorSummary errors={add.errors} message={add.message} />
          <input type="hidden" name="fiscalYear" value={String(props.year)} />
          <TextField
            name="title"
            label="personnel.plan.activity"
            value={add.values.title as string}
            errors={add.errors}
            required
          />
          <TextField
            name="target"
            label="personnel.plan.target"
            value={add.values.target as string}
            errors={add.errors}
          />
          <TextField
            name="owner"
            label="personnel.plan.owner"
            value={add.values.owner as string}
            errors={add.errors}
          />
          <button type="submit">{t('personnel.plan.add')}</button>
        </PostForm>
      )}
      <p>
        {props.report
          ? t('personnel.report.lastPublished', {
              date: formatThaiDate(props.report.publishedAt, { style: 'long' }),
            })
          : t('personnel.report.notPublished')}
      </p>
      {props.canManage && (
        <PostForm action={`${PLAN_BASE}/report`}>
          <ErrorSummary errors={publish.errors} message={publish.message} />
          <input type="hidden" name="fiscalYear" value={String(props.year)} />
          <button type="submit">{t('personnel.report.publish')}</button>
        </PostForm>
      )}
    </Layout>
  );
}
