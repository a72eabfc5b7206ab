import { Hono, type Context } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/env.js';
import { Layout } from '../http/layout.js';
import { submitForm } from '../http/form.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.js';
import { uuidParam } from '../http/params.js';
import { setSessionAgency } from '../auth/sessions.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  TextArea,
  TextField,
  useT,
  type FieldErrors,
} from '../http/ui.js';
import { agencies } from './schema.js';
import { createAgency, CreateAgencyInput, DEFAULT_MUNICIPAL_UNITS } from './create-agency.js';
import { z } from 'zod';

type Agency = typeof agencies.$inferSelect;
const collator = new Intl.Collator('th');

/** Only the instance administrator (a province or national host) manages the agency list. */
export const requireInstanceAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get('user');
  if (!user) {
    if (c.req.method === 'GET')
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    throw new UnauthenticatedError();
  }
  if (!user.isInstanceAdmin) throw new ForbiddenError();
  await next();
});

// The form sends units one per line; the use case takes a list.
const AgencyForm = CreateAgencyInput.extend({
  unitsTh: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((u) => u.trim())
        .filter(Boolean),
    ),
});

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

function AgenciesPage(props: {
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
        <TextField
          name="nameTh"
          label="agencies.agency.nameTh"
          required
          value={v.nameTh as string}
          errors={props.errors}
        />
        <TextField
          name="nameEn"
          label="agencies.agency.nameEn"
          value={v.nameEn as string}
          errors={props.errors}
        />
        <TextField
          name="kindTh"
          label="agencies.agency.kindTh"
          value={v.kindTh as string}
          errors={props.errors}
        />
        <TextField
          name="subdistrictTh"
          label="agencies.agency.subdistrictTh"
          value={v.subdistrictTh as string}
          errors={props.errors}
        />
        <TextField
          name="districtTh"
          label="agencies.agency.districtTh"
          value={v.districtTh as string}
          errors={props.errors}
        />
        <TextField
          name="provinceTh"
          label="agencies.agency.provinceTh"
          value={v.provinceTh as string}
          errors={props.errors}
        />
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

async function listAgencies(c: Context<AppEnv>) {
  const list = await c.get('database').db.select().from(agencies).orderBy(asc(agencies.slug));
  return list.sort((a, b) => collator.compare(a.nameTh, b.nameTh));
}

/** /admin/agencies: the instance administrator's list of agencies and the form to add one. */
export const instanceAdminRoutes = new Hono<AppEnv>()
  .use(requireInstanceAdmin)
  .get('/agencies', async (c) => {
    const list = await listAgencies(c);
    const created = list.find((a) => a.id === c.req.query('created'));
    return c.render(<AgenciesPage list={list} created={created} />);
  })
  // Works in the new agency (as /staff/choose-agency does) on its staff page, to invite its admin.
  .post('/agencies/:id/invite-admin', async (c) => {
    const id = uuidParam(c, 'id');
    const [agency] = await c.get('database').db.select().from(agencies).where(eq(agencies.id, id));
    if (!agency) throw new NotFoundError();
    await setSessionAgency(c.get('database').db, c.get('sessionToken')!, agency.id);
    return c.redirect('/staff/agency/staff?notice=agencies.admin.inviteAdminHere', 303);
  })
  .post('/agencies', (c) => {
    const user = c.get('user')!;
    return submitForm(c, {
      schema: AgencyForm,
      run: (input) =>
        createAgency(
          {
            db: c.get('database').db,
            actor: { userId: user.id, label: user.email, roles: [], isInstanceAdmin: true },
            locale: c.get('locale'),
            now: () => new Date(),
            requestId: c.get('requestId'),
          },
          input,
        ),
      redirect: (agency) => `/admin/agencies?notice=agencies.admin.created&created=${agency.id}`,
      page: async (form) => (
        <AgenciesPage
          list={await listAgencies(c)}
          values={form.values}
          errors={
            // A taken slug comes as a conflict with no field: its message goes next to the slug.
            form.message?.startsWith('agencies.errors.slugTaken')
              ? { ...form.errors, slug: form.message }
              : form.errors
          }
          message={form.message}
        />
      ),
    });
  });
