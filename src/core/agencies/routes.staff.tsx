import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { requirePermission } from '../http/middleware.js';
import { submitForm, type FormState } from '../http/form.js';
import { uuidParam } from '../http/params.js';
import { listAuditPage } from '../audit/list-audit-page.js';
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
import { UnitEditPage, UnitsPage } from './views/unit-pages.js';
import { StaffEditPage, StaffPage } from './views/staff-pages.js';
import { AgencyPage } from './views/agency-page.js';
import { AuditPage } from './views/audit-page.js';

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

/**
 * The staff page (list and add form), filled in after a refusal, or with the invitation link
 * to pass on by hand when the instance sends no mail.
 */
const staffPage = async (c: Context<AppEnv>, form?: FormState, inviteLink?: string) => {
  const { db, agencyId } = c.get('ctx');
  return (
    <StaffPage
      list={await listStaffMembers(db, agencyId)}
      units={await listUnits(db, agencyId)}
      {...(form && refused(form))}
      {...(inviteLink && { inviteLink })}
    />
  );
};

/** How an invitation reaches the person: the instance's mail, and the site its link opens. */
const inviteDelivery = (c: Context<AppEnv>) => ({
  mail: c.get('config'),
  siteUrl: c.get('config').baseUrl ?? new URL(c.req.url).origin,
});

/** One staff member's page (their roles and unit), with a refused form's state if any. */
const staffEditPage = async (
  c: Context<AppEnv>,
  member: Awaited<ReturnType<typeof getStaffMember>>,
  state: Omit<Parameters<typeof StaffEditPage>[0], 'member' | 'units'> = {},
) => (
  <StaffEditPage
    member={member}
    units={await listUnits(c.get('ctx').db, c.get('ctx').agencyId)}
    {...state}
  />
);

/** The agency's own settings, units, staff and audit log (its admins), at /staff/agency. */
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
  .post('/staff', (c) =>
    submitForm(c, {
      schema: InviteStaffInput,
      // An invitation, never an attached account: the person accepts it (issue #12 item 8).
      run: (input) => inviteStaffMember(c.get('ctx'), input, inviteDelivery(c)),
      respond: async (sent) =>
        sent.link
          ? c.render(await staffPage(c, undefined, sent.link))
          : c.redirect('/staff/agency/staff?notice=agencies.invite.sent', 303),
      page: (form) => staffPage(c, form),
    }),
  )
  .get('/staff/:id', async (c) => {
    const { db, agencyId } = c.get('ctx');
    const member = await getStaffMember(db, agencyId, uuidParam(c, 'id'));
    return c.render(await staffEditPage(c, member));
  })
  .post('/staff/:id', async (c) => {
    const { db, agencyId } = c.get('ctx');
    const member = await getStaffMember(db, agencyId, uuidParam(c, 'id'));
    return submitForm(c, {
      schema: UpdateStaffInput,
      run: (input) => updateStaffMember(c.get('ctx'), member.user.id, input),
      redirect: () => '/staff/agency/staff?notice=agencies.staff.updated',
      page: (form) => staffEditPage(c, member, refused(form)),
    });
  })
  .post('/staff/:id/remove', async (c) => {
    const { db, agencyId } = c.get('ctx');
    const member = await getStaffMember(db, agencyId, uuidParam(c, 'id'));
    return submitForm(c, {
      schema: z.object({}),
      run: () => removeStaffMember(c.get('ctx'), member.user.id),
      redirect: () => '/staff/agency/staff?notice=agencies.staff.removed',
      page: (form) => staffEditPage(c, member, { message: form.message }),
    });
  })
  .get('/audit', async (c) => {
    const { db, agencyId } = c.get('ctx');
    return c.render(
      <AuditPage {...await listAuditPage(db, agencyId, Number(c.req.query('before')))} />,
    );
  });
