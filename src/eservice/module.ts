import { defineModule } from '../core/module.js';
import { th, en } from './i18n.js';
import { eservicePublicRoutes } from './routes.public.js';
import { seedEservice } from './seed.js';

/** งานบริการ (E-Service): service manuals, online requests, a fair queue and its clock. */
export const eserviceModule = defineModule({
  name: 'eservice',
  publicMount: '',
  routes: { public: eservicePublicRoutes },
  permissions: {
    'eservice.work': ['agency_admin', 'unit_officer'],
    'eservice.manage': ['agency_admin'],
    'eservice.report': ['agency_admin', 'executive'],
  },
  nav: [{ audience: 'public', href: '/services', label: 'eservice.nav.services', order: 20 }],
  catalog: { th, en },
  seed: seedEservice,
});
