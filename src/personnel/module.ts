import { defineModule } from '../core/module.js';
import { th, en } from './i18n.js';
import { personnelStaffRoutes } from './routes.staff.js';
import { addPerson } from './add-person.js';
import { addPlanActivity } from './plan.js';
import { personnelPublicRoutes } from './routes.public.js';
import { personnelDisclosures } from './disclosures.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';

/** บุคลากร: the HR roster (not log-in accounts) and each person's training hours. */
export const personnelModule = defineModule({
  name: 'personnel',
  routes: { staff: personnelStaffRoutes, public: personnelPublicRoutes },
  disclosures: personnelDisclosures,
  permissions: {
    'personnel.view': ['agency_admin', 'executive', 'unit_officer'],
    'personnel.manage': ['agency_admin'],
  },
  nav: [
    {
      audience: 'staff',
      href: '/staff/personnel',
      label: 'personnel.nav.roster',
      permission: 'personnel.view',
      order: 45,
    },
    {
      audience: 'staff',
      href: '/staff/personnel/hearings',
      label: 'personnel.hearings.nav',
      permission: 'personnel.view',
      order: 46,
    },
    {
      audience: 'staff',
      href: '/staff/personnel/plan',
      label: 'personnel.plan.nav',
      permission: 'personnel.view',
      order: 47,
    },
  ],
  catalog: { th, en },
  isolationFixture: async (ctx) => {
    const marker = `บุคลากรทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const person = await addPerson(ctx, {
      fullName: marker,
      staffType: 'municipal_employee',
      position: 'นักทรัพยากรบุคคล',
    });
    const activity = await addPlanActivity(ctx, {
      fiscalYear: currentFiscalYear(ctx.now()),
      title: `${marker}-แผน`,
    });
    return {
      params: {},
      byRoute: {
        '/staff/personnel/people/:id': { id: person.id },
        '/staff/personnel/people/:id/trainings': { id: person.id },
        '/staff/personnel/plan/:id/progress': { id: activity.id },
        '/a/:slug/personnel/reports/:file': { file: `${activity.fiscalYear}.pdf` },
      },
      markers: [marker],
    };
  },
});
