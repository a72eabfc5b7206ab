import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { AppEnv } from '../http/env.js';
import { Layout } from '../http/layout.js';
import { requirePermission } from '../http/middleware.js';
import { submitForm, type FormState } from '../http/form.js';
import { uuidParam } from '../http/params.js';
import {
  CheckboxGroup,
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  SelectField,
  TextField,
  useT,
  useVars,
  type FieldErrors,
} from '../http/ui.js';
import { auditLog } from '../audit/schema.js';
import { verifyAuditChain } from '../audit/audit.js';
import { STAFF_ROLES } from './schema.js';
import { createUnit, deleteUnit, getUnit, listUnits, UnitInput, updateUnit } from './units.js';
import { inviteStaffMember, InviteStaffInput } from './staff-invites.js';
import {
  getStaffMember,
  listStaffMembers,
  removeStaffMember,
  updateStaffMember,
  UpdateStaffInput,
} from './staff-members.js';
import { updateAgency, UpdateAgencyInput } from './update-agency.js';

type Unit = Awaited<ReturnType<typeof listUnits>>[number];

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

function UnitsPage(props: {
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

function UnitEditPage(props: {
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

type Member = Awaited<ReturnType<typeof listStaffMembers>>[number];

function roleOptions(t: (k: string) => string) {
  return STAFF_ROLES.map((r) => ({ value: r, label: t(`agencies.roles.${r}`) }));
}

function StaffPage(props: {
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
        <TextField
          name="positionTh"
          label="agencies.staff.position"
          value={v.positionTh as string}
          errors={props.errors}
        />
        <SelectField
          name="unitId"
          label="agencies.staff.unit"
          emptyLabel="agencies.staff.noUnit"
          value={v.unitId as string}
          errors={props.errors}
          options={props.units.map((u) => ({ value: u.id, label: u.nameTh }))}
        />
        <CheckboxGroup
          name="roles"
          label="agencies.staff.roles"
          options={roleOptions(t)}
          values={selectedRoles}
          errors={props.errors}
        />
        <button type="submit">{t('agencies.staff.invite')}</button>
      </PostForm>
    </Layout>
  );
}

function StaffEditPage(props: {
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
        <TextField
          name="positionTh"
          label="agencies.staff.position"
          value={v.positionTh as string}
          errors={props.errors}
        />
        <SelectField
          name="unitId"
          label="agencies.staff.unit"
          emptyLabel="agencies.staff.noUnit"
          value={(v.unitId as string) ?? ''}
          errors={props.errors}
          options={props.units.map((u) => ({ value: u.id, label: u.nameTh }))}
        />
        <CheckboxGroup
          name="roles"
          label="agencies.staff.roles"
          options={roleOptions(t)}
          values={selectedRoles}
          errors={props.errors}
        />
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

function AgencyPage(props: { values: Record<string, unknown>; errors?: FieldErrors }) {
  const t = useT();
  const field = (name: string, type = 'text') => (
    <TextField
      name={name}
      label={`agencies.agency.${name}`}
      type={type}
      value={props.values[name] as string}
      errors={props.errors}
    />
  );
  return (
    <Layout title={t('agencies.agency.title')}>
      <PageHeader title={t('agencies.agency.title')} />
      <Notice />
      <ErrorSummary errors={props.errors} />
      <PostForm action="/staff/agency" class="card">
        {field('nameTh')}
        {field('nameEn')}
        {field('kindTh')}
        {field('subdistrictTh')}
        {field('districtTh')}
        {field('provinceTh')}
        {field('address')}
        {field('phone', 'tel')}
        {field('email', 'email')}
        {field('website', 'url')}
        {field('mapUrl', 'url')}
        {field('facebook', 'url')}
        <button type="submit">{t('save')}</button>
      </PostForm>
    </Layout>
  );
}

type AuditRow = typeof auditLog.$inferSelect;

function AuditPage(props: {
  rows: AuditRow[];
  verified: { ok: boolean; checked: number; problems: number };
  nextBefore?: number;
}) {
  const t = useT();
  const { locale } = useVars();
  const fmt = new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Bangkok',
  });
  return (
    <Layout title={t('agencies.audit.title')}>
      <PageHeader title={t('agencies.audit.title')} lead={t('agencies.audit.lead')} />
      <p class={props.verified.ok ? 'notice' : 'error-summary'} role="status">
        {props.verified.ok
          ? t('agencies.audit.verifyOk', { count: props.verified.checked })
          : t('agencies.audit.verifyFailed', { count: props.verified.problems })}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agencies.audit.seq')}</th>
              <th scope="col">{t('agencies.audit.at')}</th>
              <th scope="col">{t('agencies.audit.actor')}</th>
              <th scope="col">{t('agencies.audit.action')}</th>
              <th scope="col">{t('agencies.audit.entity')}</th>
              <th scope="col">{t('agencies.audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td class="num">{r.seq}</td>
                <td>{fmt.format(r.at)}</td>
                <td>{r.actorLabel}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.entityType} <code class="muted">{r.entityId.slice(0, 8)}</code>
                </td>
                <td>
                  <details>
                    <summary>JSON</summary>
                    <pre style="white-space:pre-wrap;max-width:40rem">
                      {JSON.stringify({ before: r.before, after: r.after }, null, 1)}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.nextBefore !== undefined && (
        <p class="pager">
          <a href={`/staff/agency/audit?before=${props.nextBefore}`}>{t('next')} →</a>
        </p>
      )}
    </Layout>
  );
}

/** What a refused form hands its page: typed values, field messages and the summary. */
const refused = (form: FormState) => ({
  values: form.values,
  errors: form.errors,
  message: form.message,
});

/** The units page (list and add form), filled in after a refusal. */
const unitsPage = async (c: Context<AppEnv>, form?: FormState) => (
  <UnitsPage
    list={await listUnits(c.get('ctx').db, c.get('ctx').agencyId)}
    {...(form && refused(form))}
  />
);

/** The staff page (list and add form), filled in after a refusal. */
const staffPage = async (c: Context<AppEnv>, form?: FormState) => {
  const { db, agencyId } = c.get('ctx');
  return (
    <StaffPage
      list={await listStaffMembers(db, agencyId)}
      units={await listUnits(db, agencyId)}
      {...(form && refused(form))}
    />
  );
};

export const agencyStaffRoutes = new Hono<AppEnv>()
  .use(requirePermission('agencies.manage'))
  .get('/', (c) => {
    const a = c.get('agency')!;
    return c.render(<AgencyPage values={{ ...a, ...a.contact }} />);
  })
  .post('/', (c) =>
    submitForm(c, {
      schema: UpdateAgencyInput,
      run: (input) => updateAgency(c.get('ctx'), input),
      redirect: () => '/staff/agency?notice=agencies.agency.updated',
      page: (form) => <AgencyPage values={form.values} errors={form.errors} />,
    }),
  )
  .get('/units', async (c) => c.render(await unitsPage(c)))
  .post('/units', (c) =>
    submitForm(c, {
      schema: UnitInput,
      run: (input) => createUnit(c.get('ctx'), input),
      redirect: () => '/staff/agency/units?notice=agencies.units.created',
      page: (form) => unitsPage(c, form),
    }),
  )
  .get('/units/:id', async (c) => {
    const unit = await getUnit(c.get('ctx').db, c.get('ctx').agencyId, uuidParam(c, 'id'));
    return c.render(<UnitEditPage unit={unit} />);
  })
  .post('/units/:id', async (c) => {
    const unit = await getUnit(c.get('ctx').db, c.get('ctx').agencyId, uuidParam(c, 'id'));
    return submitForm(c, {
      schema: UnitInput,
      run: (input) => updateUnit(c.get('ctx'), unit.id, input),
      redirect: () => '/staff/agency/units?notice=agencies.units.updated',
      page: (form) => <UnitEditPage unit={unit} {...refused(form)} />,
    });
  })
  .post('/units/:id/delete', async (c) => {
    const unit = await getUnit(c.get('ctx').db, c.get('ctx').agencyId, uuidParam(c, 'id'));
    return submitForm(c, {
      schema: z.object({}),
      run: () => deleteUnit(c.get('ctx'), unit.id),
      redirect: () => '/staff/agency/units?notice=agencies.units.deleted',
      page: (form) => <UnitEditPage unit={unit} message={form.message} />,
    });
  })
  .get('/staff', async (c) => c.render(await staffPage(c)))
  .post('/staff', (c) => {
    const config = c.get('config');
    return submitForm(c, {
      schema: InviteStaffInput,
      // An invitation, never an attached account: the person accepts it (issue #12 item 8).
      run: (input) =>
        inviteStaffMember(c.get('ctx'), input, {
          mail: config,
          siteUrl: config.baseUrl ?? new URL(c.req.url).origin,
        }),
      respond: async (sent) =>
        sent.link
          ? c.render(
              <StaffPage
                list={await listStaffMembers(c.get('ctx').db, c.get('ctx').agencyId)}
                units={await listUnits(c.get('ctx').db, c.get('ctx').agencyId)}
                inviteLink={sent.link}
              />,
            )
          : c.redirect('/staff/agency/staff?notice=agencies.invite.sent', 303),
      page: (form) => staffPage(c, form),
    });
  })
  .get('/staff/:id', async (c) => {
    const { db, agencyId } = c.get('ctx');
    const member = await getStaffMember(db, agencyId, uuidParam(c, 'id'));
    return c.render(<StaffEditPage member={member} units={await listUnits(db, agencyId)} />);
  })
  .post('/staff/:id', async (c) => {
    const { db, agencyId } = c.get('ctx');
    const member = await getStaffMember(db, agencyId, uuidParam(c, 'id'));
    return submitForm(c, {
      schema: UpdateStaffInput,
      run: (input) => updateStaffMember(c.get('ctx'), member.user.id, input),
      redirect: () => '/staff/agency/staff?notice=agencies.staff.updated',
      page: async (form) => (
        <StaffEditPage member={member} units={await listUnits(db, agencyId)} {...refused(form)} />
      ),
    });
  })
  .post('/staff/:id/remove', async (c) => {
    const { db, agencyId } = c.get('ctx');
    const member = await getStaffMember(db, agencyId, uuidParam(c, 'id'));
    return submitForm(c, {
      schema: z.object({}),
      run: () => removeStaffMember(c.get('ctx'), member.user.id),
      redirect: () => '/staff/agency/staff?notice=agencies.staff.removed',
      page: async (form) => (
        <StaffEditPage
          member={member}
          units={await listUnits(db, agencyId)}
          message={form.message}
        />
      ),
    });
  })
  .get('/audit', async (c) => {
    const { db, agencyId } = c.get('ctx');
    const before = Number(c.req.query('before'));
    const PAGE = 50;
    const rows = await db
      .select()
      .from(auditLog)
      .where(
        Number.isSafeInteger(before) && before > 0
          ? and(eq(auditLog.agencyId, agencyId), lt(auditLog.seq, before))
          : eq(auditLog.agencyId, agencyId),
      )
      .orderBy(desc(auditLog.seq))
      .limit(PAGE);
    const verified = await verifyAuditChain(db, { agencyId });
    const last = rows.at(-1);
    return c.render(
      <AuditPage
        rows={rows}
        verified={{
          ok: verified.ok,
          checked: verified.checked,
          problems: verified.problems.length,
        }}
        nextBefore={rows.length === PAGE && last ? last.seq : undefined}
      />,
    );
  });
