import { Hono, type Context } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/env.js';
import { submitForm } from '../http/form.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.js';
import { uuidParam } from '../http/params.js';
import { setSessionAgency } from '../auth/sessions.js';
import { agencies } from './schema.js';
import { AgenciesPage } from './views/agencies-page.js';
import { createAgency, CreateAgencyInput } from './create-agency.js';
import { z } from 'zod';

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
