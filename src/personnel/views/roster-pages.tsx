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
import type { FormState } from '../../core/http/form.js';
import { STAFF_TYPES } from '../schema.js';
import type { PersonRow, TrainingRow } from '../queries.js';

const BASE = '/staff/personnel';

/** The roster, the year's development summary, the add form and the national-ID setting. */
export function RosterPage(props: {
  year: number;
  people: PersonRow[];
  units: { id: string; nameTh: string }[];
  summary: { people: number; trained: number; totalHours: number; averageHours: number };
  storesNationalId: boolean;
  canManage: boolean;
  form: FormState;
}) {
  const t = useT();
  const v = props.form.values;
  const unitName = (id: string | null) => props.units.find((u) => u.id === id)?.nameTh ?? '';
  return (
    <Layout title={t('personnel.roster.title')}>
      <PageHeader
        title={t('personnel.roster.title')}
        lead={t('personnel.roster.lead', { year: props.year })}
      />
      <Notice />
      <p class="card" data-summary>
        {t('personnel.roster.summary', {
          trained: props.summary.trained,
          people: props.summary.people,
          hours: props.summary.totalHours.toLocaleString('th-TH'),
          average: props.summary.averageHours.toFixed(1),
        })}
      </p>
      {props.people.length === 0 ? (
        <p>{t('personnel.roster.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('personnel.roster.fullName')}</th>
              <th scope="col">{t('personnel.roster.staffType')}</th>
              <th scope="col">{t('personnel.roster.position')}</th>
              <th scope="col">{t('personnel.roster.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {props.people.map((p) => (
              <tr>
                <td>
                  <a href={`${BASE}/people/${p.id}`}>{p.fullName}</a>
                </td>
                <td>{t(`personnel.staffTypes.${p.staffType}`)}</td>
                <td>{p.position}</td>
                <td>{unitName(p.unitId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canManage && (
        <>
          <PostForm action={`${BASE}/people`} class="card stack">
            <h2>{t('personnel.roster.add')}</h2>
            <ErrorSummary errors={props.form.errors} message={props.form.message} />
            <TextField
              name="fullName"
              label="personnel.roster.fullName"
              value={v.fullName as string}
              errors={props.form.errors}
              required
            />
            <SelectField
              name="staffType"
              label="personnel.roster.staffType"
              value={v.staffType as string}
              errors={props.form.errors}
              options={STAFF_TYPES.map((s) => ({
                value: s,
                label: t(`personnel.staffTypes.${s}`),
              }))}
            />
            <TextField
              name="position"
              label="personnel.roster.position"
              value={v.position as string}
              errors={props.form.errors}
              required
            />
            <SelectField
              name="unitId"
              label="personnel.roster.unit"
              value={v.unitId as string}
              errors={props.form.errors}
              emptyLabel="personnel.roster.noUnit"
              options={props.units.map((u) => ({ value: u.id, label: u.nameTh }))}
            />
            {props.storesNationalId && (
              <TextField
                name="nationalId"
                label="personnel.roster.nationalId"
                hint="personnel.roster.nationalIdHint"
                value={v.nationalId as string}
                errors={props.form.errors}
                inputmode="numeric"
                autocomplete="off"
              />
            )}
            <button type="submit">{t('personnel.roster.add')}</button>
          </PostForm>
          <PostForm action={`${BASE}/settings`} class="card">
            <p>
              {t(
                props.storesNationalId
                  ? 'personnel.roster.nationalIdOn'
                  : 'personnel.roster.nationalIdOff',
              )}
            </p>
            <input
              type="hidden"
              name="storeNationalId"
              value={props.storesNationalId ? 'off' : 'on'}
            />
            <button type="submit" class="secondary">
              {t(props.storesNationalId ? 'personnel.roster.turnOff' : 'personnel.roster.turnOn')}
            </button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

/** One person and their training records, with the form to record one. */
export function PersonPage(props: {
  person: PersonRow;
  trainings: TrainingRow[];
  year: number;
  canManage: boolean;
  form: FormState;
}) {
  const t = useT();
  const p = props.person;
  const v = props.form.values;
  return (
    <Layout title={p.fullName}>
      <PageHeader
        title={p.fullName}
        lead={`${p.position} · ${t(`personnel.staffTypes.${p.staffType}`)}`}
      />
      <Notice />
      <h2>{t('personnel.training.title')}</h2>
      {props.trainings.length === 0 ? (
        <p>{t('personnel.training.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('personnel.training.attendedOn')}</th>
              <th scope="col">{t('personnel.training.course')}</th>
              <th scope="col">{t('personnel.training.provider')}</th>
              <th scope="col">{t('personnel.training.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {props.trainings.map((r) => (
              <tr>
                <td>{r.attendedOn}</td>
                <td>{r.course}</td>
                <td>{r.provider}</td>
                <td class="num">{r.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canManage && (
        <PostForm action={`${BASE}/people/${p.id}/trainings`} class="card stack">
          <ErrorSummary errors={props.form.errors} message={props.form.message} />
          <TextField
            name="fiscalYear"
            label="personnel.training.fiscalYear"
            value={(v.fiscalYear as string) ?? String(props.year)}
            errors={props.form.errors}
            inputmode="numeric"
            required
          />
          <TextField
            name="course"
            label="personnel.training.course"
            value={v.course as string}
            errors={props.form.errors}
            required
          />
          <TextField
            name="provider"
            label="personnel.training.provider"
            value={v.provider as string}
            errors={props.form.errors}
          />
          <TextField
            name="attendedOn"
            type="date"
            label="personnel.training.attendedOn"
            value={v.attendedOn as string}
            errors={props.form.errors}
            required
          />
          <TextField
            name="hours"
            label="personnel.training.hours"
            value={v.hours as string}
            errors={props.form.errors}
            inputmode="decimal"
            required
          />
          <button type="submit">{t('personnel.training.add')}</button>
        </PostForm>
      )}
    </Layout>
  );
}
