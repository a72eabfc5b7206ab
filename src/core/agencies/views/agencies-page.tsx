import { Layout } from '../../http/layout.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  TextArea,
  TextField,
  useT,
  type FieldErrors,
} from '../../http/ui.js';
import type { agencies } from '../schema.js';
import { DEFAULT_MUNICIPAL_UNITS } from '../create-agency.js';
import { AgencyNameFields } from './agency-page.js';

type Agency = typeof agencies.$inferSelect;

/**
 * The next step after adding an agency: nobody works in it until its administrator is
 * invited, so the page leads the instance admin into the agency's staff page to invite one.
 */
function InviteAdminCard({ agency }: { agency: Agency }) {
  const t = useT();
  return (
    <PostForm action={`/admin/agencies/${agency.id}/invite-admin`} class="card" id="next-step">
      <h2>{t('agencies.admin.nextStep', { name: agency.nameTh })}</h2>
      <p>{t('agencies.admin.nextStepLead')}</p>
      <button type="submit">{t('agencies.admin.inviteAdmin')}</button>
    </PostForm>
  );
}

/** The instance administrator's list of agencies and the form to add one (with its units). */
export function AgenciesPage(props: {
  list: Agency[];
  /** The agency just added: its next step is shown first. */
  created?: Agency | undefined;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  message?: string;
}) {
  const t = useT();
  const v = props.values ?? { unitsTh: DEFAULT_MUNICIPAL_UNITS.join('\n') };
  return (
    <Layout title={t('agencies.admin.title')}>
      <PageHeader title={t('agencies.admin.title')} lead={t('agencies.admin.lead')} />
      <Notice />
      {props.created && <InviteAdminCard agency={props.created} />}
      <ErrorSummary errors={props.errors} message={props.message} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agencies.admin.slug')}</th>
              <th scope="col">{t('agencies.agency.nameTh')}</th>
              <th scope="col">{t('agencies.agency.provinceTh')}</th>
            </tr>
          </thead>
          <tbody>
            {props.list.map((a) => (
              <tr>
                <td>
                  <a href={`/a/${a.slug}`}>{a.slug}</a>
                </td>
                <td>{a.nameTh}</td>
                <td>{a.provinceTh}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('agencies.admin.add')}</h2>
      <PostForm action="/admin/agencies" class="card">
        <TextField
          name="slug"
          label="agencies.admin.slug"
          hint="agencies.admin.slugHint"
          required
          value={v.slug as string}
          errors={props.errors}
        />
        <AgencyNameFields values={v} errors={props.errors} isNameRequired />
        <TextArea
          name="unitsTh"
          label="agencies.admin.units"
          hint="agencies.admin.unitsHint"
          value={v.unitsTh as string}
          errors={props.errors}
          rows={6}
        />
        <button type="submit">{t('create')}</button>
      </PostForm>
    </Layout>
  );
}
