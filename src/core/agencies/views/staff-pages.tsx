import { Layout } from '../../http/layout.js';
import {
  CheckboxGroup,
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextField,
  useT,
  type FieldErrors,
} from '../../http/ui.js';
import { STAFF_ROLES } from '../schema.js';
import type { getStaffMember, listStaffMembers } from '../staff-members.js';
import type { Unit } from './unit-pages.js';

type Member = Awaited<ReturnType<typeof listStaffMembers>>[number];

function roleOptions(t: (k: string) => string) {
  return STAFF_ROLES.map((r) => ({ value: r, label: t(`agencies.roles.${r}`) }));
}

/** What a staff member does here: position, unit and roles (the invite and edit forms alike). */
function StaffFields(props: {
  values: Record<string, unknown>;
  roles: string[];
  units: Unit[];
  errors?: FieldErrors | undefined;
}) {
  const t = useT();
  return (
    <>
      <TextField
        name="positionTh"
        label="agencies.staff.position"
        value={props.values.positionTh as string}
        errors={props.errors}
      />
      <SelectField
        name="unitId"
        label="agencies.staff.unit"
        emptyLabel="agencies.staff.noUnit"
        value={(props.values.unitId as string | null | undefined) ?? ''}
        errors={props.errors}
        options={props.units.map((u) => ({ value: u.id, label: u.nameTh }))}
      />
      <CheckboxGroup
        name="roles"
        label="agencies.staff.roles"
        options={roleOptions(t)}
        values={props.roles}
        errors={props.errors}
      />
    </>
  );
}

/** The agency's staff and the form to invite someone (the invitation link shown when no mail). */
export function StaffPage(props: {
  list: Member[];
  units: Unit[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  message?: string;
  /** An invitation link to pass on by hand (the instance sends no e-mail). */
  inviteLink?: string;
}) {
  const t = useT();
  const unitName = new Map(props.units.map((u) => [u.id, u.nameTh]));
  const v = props.values ?? {};
  const selectedRoles = ([] as string[]).concat(
    (v.roles as string[] | string | undefined) ?? ['unit_officer'],
  );
  return (
    <Layout title={t('agencies.staff.title')}>
      <PageHeader title={t('agencies.staff.title')} />
      <Notice />
      {props.inviteLink && (
        <p class="notice" role="status">
          {t('agencies.invite.sentLink')} <code id="invite-link">{props.inviteLink}</code>
        </p>
      )}
      <ErrorSummary errors={props.errors} message={props.message} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agencies.staff.displayName')}</th>
              <th scope="col">{t('agencies.staff.email')}</th>
              <th scope="col">{t('agencies.staff.roles')}</th>
              <th scope="col">{t('agencies.staff.unit')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.list.map((m) => (
              <tr>
                <td>
                  {m.user.displayName}
                  {m.member.positionTh && <div class="muted">{m.member.positionTh}</div>}
                </td>
                <td>{m.user.email}</td>
                <td>{m.member.roles.map((r) => t(`agencies.roles.${r}`)).join(', ')}</td>
                <td>{m.member.unitId ? unitName.get(m.member.unitId) : ''}</td>
                <td>
                  <a href={`/staff/agency/staff/${m.user.id}`}>{t('edit')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('agencies.staff.add')}</h2>
      <PostForm action="/staff/agency/staff" class="card">
        <TextField
          name="email"
          label="agencies.staff.email"
          type="email"
          required
          value={v.email as string}
          errors={props.errors}
        />
        <TextField
          name="displayName"
          label="agencies.staff.displayName"
          required
          value={v.displayName as string}
          errors={props.errors}
        />
        <StaffFields values={v} roles={selectedRoles} units={props.units} errors={props.errors} />
        <button type="submit">{t('agencies.staff.invite')}</button>
      </PostForm>
    </Layout>
  );
}

/** One staff member's position, unit and roles, and the button that removes them. */
export function StaffEditPage(props: {
  member: Awaited<ReturnType<typeof getStaffMember>>;
  units: Unit[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  message?: string;
}) {
  const t = useT();
  const v = props.values ?? props.member.member;
  const selectedRoles = ([] as string[]).concat((v.roles as string[] | string | undefined) ?? []);
  const id = props.member.user.id;
  return (
    <Layout title={t('agencies.staff.editTitle')}>
      <PageHeader
        title={`${t('agencies.staff.editTitle')}: ${props.member.user.displayName}`}
        lead={props.member.user.email}
      />
      <ErrorSummary errors={props.errors} message={props.message} />
      <PostForm action={`/staff/agency/staff/${id}`} class="card">
        <StaffFields values={v} roles={selectedRoles} units={props.units} errors={props.errors} />
        <button type="submit">{t('save')}</button>
      </PostForm>
      <PostForm action={`/staff/agency/staff/${id}/remove`}>
        <button type="submit" class="danger">
          {t('agencies.staff.remove')}
        </button>
      </PostForm>
      <p>
        <a href="/staff/agency/staff">{t('back')}</a>
      </p>
    </Layout>
  );
}
