import { formatThaiDate } from '../../core/i18n/thai-format.js';
import { SelectField, TextArea, TextField, useT } from '../../core/http/ui.js';
import type { ActionView } from '../queries.js';

/** Where the staff pages of measures are mounted. */
export const BASE = '/staff/measures';

/** A YYYY-MM-DD day as Thai staff read it (พ.ศ.). */
export const thaiDate = (iso: string) =>
  formatThaiDate(new Date(`${iso}T12:00:00+07:00`), { style: 'medium' });

/** A typed value for an input: what the person sent, or blank. */
export const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Choices for a step's unit and officer, as the form's selects list them. */
export interface StepChoices {
  units: { value: string; label: string }[];
  people: { value: string; label: string }[];
}

export function StatusBadge({ a }: { a: ActionView }) {
  const t = useT();
  if (a.overdue) return <span class="badge bad">{t('measures.action.overdue')}</span>;
  const cls = a.status === 'done' ? 'ok' : a.status === 'in_progress' ? 'warn' : 'muted';
  return <span class={`badge ${cls}`}>{t(`measures.action.statuses.${a.status}`)}</span>;
}

export function ActionTable({ list }: { list: (ActionView & { measureTitle?: string })[] }) {
  const t = useT();
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('measures.action.step')}</th>
            <th scope="col">{t('measures.action.unit')}</th>
            <th scope="col">{t('measures.action.dueDate')}</th>
            <th scope="col" class="num">
              {t('measures.action.percent')}
            </th>
            <th scope="col">{t('measures.action.status')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <tr>
              <td>
                {a.measureTitle && <div class="muted">{a.measureTitle}</div>}
                <a href={`${BASE}/actions/${a.id}`}>{a.stepText}</a>
              </td>
              <td>
                {a.unitName}
                {a.officerName && <div class="muted">{a.officerName}</div>}
              </td>
              <td>{thaiDate(a.dueDate)}</td>
              <td class="num">{a.percent}</td>
              <td>
                <StatusBadge a={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The fields of a step (ขั้นตอน) as both the add form and the edit page show them: what it is,
 * which unit and officer carry it out, and its dates (checked against the fiscal year by the
 * use case, check-action-input.ts).
 */
export function StepFields(
  props: StepChoices & { values: Record<string, unknown>; errors?: Record<string, string> },
) {
  const v = (name: string) => text(props.values[name]);
  const { errors } = props;
  return (
    <>
      <TextArea
        name="stepText"
        label="measures.action.step"
        required
        value={v('stepText')}
        errors={errors}
      />
      <SelectField
        name="unitId"
        label="measures.action.unit"
        options={props.units}
        value={v('unitId')}
        errors={errors}
      />
      <SelectField
        name="officerUserId"
        label="measures.action.officer"
        options={props.people}
        emptyLabel="measures.action.noOfficer"
        value={v('officerUserId')}
        errors={errors}
      />
      <TextField
        name="startDate"
        label="measures.action.startDate"
        type="date"
        required
        value={v('startDate')}
        errors={errors}
      />
      <TextField
        name="dueDate"
        label="measures.action.dueDate"
        type="date"
        required
        value={v('dueDate')}
        errors={errors}
      />
    </>
  );
}
