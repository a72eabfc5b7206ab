import { defineModule } from '../core/module.js';
import { th, en } from './i18n.js';
import { complaintsPublicRoutes } from './routes.public.js';
import { complaintsStaffRoutes } from './routes.staff.js';
import { complaintsWaiting } from './waiting.js';
import { complaintsEscalationJob } from './escalate-overdue.js';
import { complaintsDisclosures } from './disclosures.js';
import { complaintsIsolationFixture } from './isolation-fixture.js';
import { complaintsCommands } from './commands.js';
import { seedComplaints } from './seed.js';

/**
 * ศูนย์รับเรื่องร้องเรียน: grievances and corruption complaints, filed by anyone (named or
 * anonymous), worked by the centre, published as steps and statistics.
 */
export const complaintsModule = defineModule({
  name: 'complaints',
  routes: { public: complaintsPublicRoutes, staff: complaintsStaffRoutes },
  // Five files of 10 MB are refused one by one (file-complaint.ts); a bigger request is
  // refused before it is read. The 25 MB default would take a 25 MB attachment into memory.
  uploadLimits: { '/staff/complaints/': 21 * 1024 * 1024 },
  permissions: {
    'complaints.read': ['agency_admin', 'complaint_officer', 'executive'],
    'complaints.work': ['agency_admin', 'complaint_officer'],
    'complaints.committee': ['agency_admin'],
  },
  nav: [
    {
      audience: 'staff',
      href: '/staff/complaints',
      label: 'complaints.nav.queue',
      permission: 'complaints.read',
      order: 50,
    },
    {
      audience: 'staff',
      href: '/staff/complaints/committee',
      label: 'complaints.nav.committee',
      permission: 'complaints.committee',
      order: 51,
    },
    { audience: 'public', href: '/complaints', label: 'complaints.nav.queue', order: 50 },
  ],
  commands: complaintsCommands,
  jobs: [complaintsEscalationJob],
  waiting: complaintsWaiting,
  disclosures: complaintsDisclosures,
  catalog: { th, en },
  seed: seedComplaints,
  isolationFixture: complaintsIsolationFixture,
});
