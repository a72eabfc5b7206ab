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
import type { FormState } from '../../core/http/form.js';
import type { HearingRow } from '../queries.js';

/** การประชุมรับฟังความคิดเห็นของบุคลากร: the year's meetings and the form to record one. */
export function HearingsPage(props: {
  year: number;
  hearings: HearingRow[];
  canManage: boolean;
  form: FormState;
}) {
  const t = useT();
  const v = props.form.values;
  const title = t('personnel.hearings.title', { year: props.year });
  return (
    <Layout title={title}>
      <PageHeader title={title} lead={t('personnel.hearings.lead')} />
      <Notice />
      {props.hearings.length === 0 ? (
        <p>{t('personnel.hearings.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('personnel.hearings.heldOn')}</th>
              <th scope="col">{t('personnel.hearings.attendees')}</th>
              <th scope="col">{t('personnel.hearings.issues')}</th>
              <th scope="col">{t('personnel.hearings.answers')}</th>
            </tr>
          </thead>
          <tbody>
            {props.hearings.map((h) => (
              <tr>
                <td>{h.heldOn}</td>
                <td class="num">{h.attendees}</td>
                <td>{h.issues}</td>
                <td>{h.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canManage && (
        <PostForm action="/staff/personnel/hearings" class="card stack">
          <ErrorSummary errors={props.form.errors} message={props.form.message} />
          <input type="hidden" name="fiscalYear" value={String(props.year)} />
          <TextField
            name="heldOn"
            type="date"
            label="personnel.hearings.heldOn"
            value={v.heldOn as string}
            errors={props.form.errors}
            required
          />
          <TextField
            name="attendees"
            label="personnel.hearings.attendees"
            value={v.attendees as string}
            errors={props.form.errors}
            inputmode="numeric"
            required
          />
          <TextArea
            name="issues"
            label="personnel.hearings.issues"
            value={v.issues as string}
            errors={props.form.errors}
            rows={4}
            required
          />
          <TextArea
            name="answers"
            label="personnel.hearings.answers"
            value={v.answers as string}
            errors={props.form.errors}
            rows={4}
          />
          <button type="submit">{t('personnel.hearings.add')}</button>
        </PostForm>
      )}
    </Layout>
  );
}
