import { Layout } from '../../http/layout.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  TextField,
  useT,
  type FieldErrors,
} from '../../http/ui.js';
import type { listUnits } from '../units.js';

export type Unit = Awaited<ReturnType<typeof listUnits>>[number];

/** A unit's fields: Thai and English names, and its place in lists. */
function UnitForm(props: {
  action: string;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <PostForm action={props.action} class="card">
      <TextField
        name="nameTh"
        label="agencies.units.nameTh"
        required
        value={props.values?.nameTh as string}
        errors={props.errors}
        maxlength={200}
      />
      <TextField
        name="nameEn"
        label="agencies.units.nameEn"
        value={props.values?.nameEn as string}
        errors={props.errors}
        maxlength={200}
      />
      <TextField
        name="sortOrder"
        label="agencies.units.sortOrder"
        inputmode="numeric"
        value={String(props.values?.sortOrder ?? '0')}
        errors={props.errors}
      />
      <button type="submit">{t('save')}</button>
    </PostForm>
  );
}

/** The agency's units (สำนัก/กอง) and the form to add one. */
export function UnitsPage(props: {
  list: Unit[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  message?: string;
}) {
  const t = useT();
  return (
    <Layout title={t('agencies.units.title')}>
      <PageHeader title={t('agencies.units.title')} lead={t('agencies.units.lead')} />
      <Notice />
      <ErrorSummary errors={props.errors} message={props.message} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agencies.units.sortOrder')}</th>
              <th scope="col">{t('agencies.units.nameTh')}</th>
              <th scope="col">{t('agencies.units.nameEn')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.list.map((u) => (
              <tr>
                <td class="num">{u.sortOrder}</td>
                <td>{u.nameTh}</td>
                <td>{u.nameEn}</td>
                <td>
                  <a href={`/staff/agency/units/${u.id}`}>{t('edit')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('agencies.units.add')}</h2>
      <UnitForm action="/staff/agency/units" values={props.values} errors={props.errors} />
    </Layout>
  );
}

/** One unit's form, and its delete button (refused while it has staff). */
export function UnitEditPage(props: {
  unit: Unit;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  message?: string;
}) {
  const t = useT();
  return (
    <Layout title={t('agencies.units.editTitle')}>
      <PageHeader title={`${t('agencies.units.editTitle')}: ${props.unit.nameTh}`} />
      <ErrorSummary errors={props.errors} message={props.message} />
      <UnitForm
        action={`/staff/agency/units/${props.unit.id}`}
        values={props.values ?? props.unit}
        errors={props.errors}
      />
      <PostForm action={`/staff/agency/units/${props.unit.id}/delete`}>
        <button type="submit" class="danger">
          {t('delete')}
        </button>
      </PostForm>
      <p>
        <a href="/staff/agency/units">{t('back')}</a>
      </p>
    </Layout>
  );
}
