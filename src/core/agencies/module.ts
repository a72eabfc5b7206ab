import { defineModule } from '../module.js';
import { th, en } from './i18n.js';
import { agencyStaffRoutes } from './routes.staff.js';
import { createUnit } from './units.js';
import { createStaffMember } from './staff-members.js';
import { FAST_HASH_COST } from '../auth/password.js';

/** Agency administration: the agency's details, its units, its staff, its audit log. */
export const agenciesModule = defineModule({
  name: 'agencies',
  staffMount: 'agency',
  routes: { staff: agencyStaffRoutes },
  permissions: { 'agencies.manage': ['agency_admin'] },
  nav: [
    {
      audience: 'staff',
      href: '/staff/agency',
      label: 'agencies.nav.agency',
      permission: 'agencies.manage',
      order: 90,
    },
    {
      audience: 'staff',
      href: '/staff/agency/units',
      label: 'agencies.nav.units',
      permission: 'agencies.manage',
      order: 91,
    },
    {
      audience: 'staff',
      href: '/staff/agency/staff',
      label: 'agencies.nav.staff',
      permission: 'agencies.manage',
      order: 92,
    },
    {
      audience: 'staff',
      href: '/staff/agency/audit',
      label: 'agencies.nav.audit',
      permission: 'agencies.manage',
      order: 93,
    },
    {
      audience: 'staff',
      href: '/staff/agency/jobs',
      label: 'jobs.nav',
      permission: 'agencies.manage',
      order: 94,
    },
  ],
  catalog: { th, en },
  isolationFixture: async (ctx) => {
    const marker = `หน่วยทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const unit = await createUnit(ctx, { nameTh: marker });
    const person = `บุคลากรทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const { user } = await createStaffMember(
      ctx,
      {
        email: `isolation-${ctx.agencyId.slice(0, 8)}@example.org`,
        displayName: person,
        roles: 'unit_officer',
        password: 'isolation-password',
      },
      FAST_HASH_COST,
    );
    return {
      params: { id: unit.id },
      byRoute: {
        '/staff/agency/staff/:id': { id: user.id },
        '/staff/agency/staff/:id/remove': { id: user.id },
      },
      markers: [marker, person],
    };
  },
});
