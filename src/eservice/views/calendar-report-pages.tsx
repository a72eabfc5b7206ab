import { Layout } from '../../core/http/layout.js';
import type { FormState } from '../../core/http/form.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  TextField,
  useT,
  useVars,
} from '../../core/http/ui.js';
import { formatThaiDate, toBuddhistYear } from '../../core/i18n/thai-format.js';
import type { DiscretionRow } from '../discretion.js';
import type { Holiday } from '../holidays.js';

/** The agency's holiday calendar for one year, and the form to add or change a day. */
export function HolidaysPage(props: { ceYear: number; holidays: Holiday[]; form: FormState }) {
  const t = useT();
  const locale = useVars().locale;
  const str = (name: string) =>
    typeof props.form.values[name] === 'string' ? (props.form.values[name] as string) : '';
  return (
    <Layout title={t('eservice.holidays.title', { year: toBuddhistYear(props.ceYear) })}>
      <PageHeader
        title={t('eservice.holidays.title', { year: toBuddhistYear(props.ceYear) })}
        lead={t('eservice.holidays.lead')}
        actions={
          <>
            <a href={`/staff/eservice/holidays?year=${props.ceYear - 1}`}>
              {toBuddhistYear(props.ceYear - 1)}
            </a>{' '}
            <a href={`/staff/eservice/holidays?year=${props.ceYear + 1}`}>
              {toBuddhistYear(props.ceYear + 1)}
            </a>
          </>
        }
      />
      <Notice />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('eservice.holidays.day')}</th>
            <th scope="col">{t('eservice.holidays.name')}</th>
            <th scope="col">{t('eservice.holidays.kind')}</th>
            <th scope="col">{t('eservice.holidays.isClosed')}</th>
          </tr>
        </thead>
        <tbody>
          {props.holidays.map((h) => (
            <tr>
              <td>{formatThaiDate(new Date(`${h.day}T00:00:00+07:00`), { locale })}</td>
              <td>{h.name}</td>
              <td>{t(`eservice.holidays.kinds.${h.kind}`)}</td>
              <td>{h.isClosed ? t('eservice.holidays.closed') : t('eservice.holidays.open')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorSummary errors={props.form.errors} message={props.form.message} />
      <PostForm action="/staff/eservice/holidays" class="stack card">
        <TextField
          name="day"
          type="date"
          label="eservice.holidays.day"
          value={str('day')}
          errors={props.form.errors}
          required
        />
        <TextField
          name="name"
          label="eservice.holidays.name"
          value={str('name')}
          errors={props.form.errors}
          required
        />
        <div class="field">
          <label for="f-kind">{t('eservice.holidays.kind')}</label>
          <select id="f-kind" name="kind">
            {(['agency', 'special', 'substitution', 'national'] as const).map((k) => (
              <option value={k} selected={str('kind') === k}>
                {t(`eservice.holidays.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input type="checkbox" name="isClosed" value="on" checked />{' '}
          {t('eservice.holidays.isClosed')}
        </label>
        <button type="submit">{t('eservice.holidays.add')}</button>
      </PostForm>
    </Layout>
  );
}

/** The executive's discretion report for one fiscal year. */
export function DiscretionReportPage(props: {
  fiscalYear: number;
  rows: DiscretionRow[];
  serviceName: (id: string) => string;
  unitName: (id: string | null) => string;
  officerName: (id: string | null) => string;
}) {
  const t = useT();
  return (
    <Layout title={t('eservice.report.title', { year: props.fiscalYear })}>
      <PageHeader
        title={t('eservice.report.title', { year: props.fiscalYear })}
        lead={t('eservice.report.lead')}
      />
      {props.rows.length === 0 ? (
        <p>{t('eservice.report.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('eservice.report.month')}</th>
              <th scope="col">{t('eservice.holidays.kind')}</th>
              <th scope="col">{t('eservice.track.service')}</th>
              <th scope="col">{t('eservice.public.responsible')}</th>
              <th scope="col">{t('eservice.report.officer')}</th>
              <th scope="col">{t('eservice.report.count')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>{r.month}</td>
                <td>{t(`eservice.discretion.${r.kind}`)}</td>
                <td>{props.serviceName(r.serviceId)}</td>
                <td>{props.unitName(r.unitId)}</td>
                <td>{props.officerName(r.officerId)}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
