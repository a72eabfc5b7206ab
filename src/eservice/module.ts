import { defineModule } from '../core/module.js';
import { th, en } from './i18n.js';
import { eservicePublicRoutes } from './routes.public.js';
import { eserviceStaffRoutes } from './routes.staff.js';
import { seedEservice } from './seed.js';
import { saveManual } from './save-manual.js';
import { fileRequest } from './file-request.js';
import { issueApiKey } from './issue-api-key.js';
import { eserviceWaiting } from './waiting.js';
import { eserviceCommands } from './commands.js';
import { eserviceDisclosures } from './disclosures.js';
import { eserviceDelayNoticesJob } from './jobs.js';
import { eserviceRequestFiles } from './schema.js';
import { scoped } from '../core/db/scoped.js';

/** งานบริการ (E-Service): service manuals, online requests, a fair queue and its clock. */
export const eserviceModule = defineModule({
  name: 'eservice',
  publicMount: '',
  routes: { public: eservicePublicRoutes, staff: eserviceStaffRoutes },
  permissions: {
    'eservice.work': ['agency_admin', 'unit_officer'],
    'eservice.manage': ['agency_admin'],
    'eservice.report': ['agency_admin', 'executive'],
  },
  nav: [
    { audience: 'public', href: '/services', label: 'eservice.nav.services', order: 20 },
    {
      audience: 'staff',
      href: '/staff/eservice',
      label: 'eservice.nav.staff',
      permission: 'eservice.work',
      order: 40,
    },
  ],
  catalog: { th, en },
  seed: seedEservice,
  commands: eserviceCommands,
  waiting: eserviceWaiting,
  disclosures: eserviceDisclosures,
  jobs: [eserviceDelayNoticesJob],
  isolationFixture: async (ctx) => {
    const marker = `งานบริการทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const { service } = await saveManual(ctx, {
      code: `iso-${ctx.agencyId.slice(0, 8)}`,
      manual: {
        name: marker,
        steps: [{ title: `${marker} ขั้นตอน`, duration: 1, durationUnit: 'days' }],
      },
    });
    const request = await fileRequest(ctx, {
      serviceCode: service.code,
      form: { requesterName: marker, contactPhone: '0800000000', pdpaAcknowledged: 'on' },
      attachments: [],
      channel: 'counter',
      dataDir: '',
    });
    // A file row without bytes: enough for another agency's officer to be told "not found".
    const [file] = await scoped(ctx.db, ctx.agencyId).insert(eserviceRequestFiles, {
      requestId: request.id,
      documentIndex: 0,
      fileName: `${marker}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 0,
      sha256: '0'.repeat(64),
    });
    const onRequest = { id: request.id, position: '0', fileId: file!.id };
    const { row: key } = await issueApiKey(ctx, { label: marker });
    return {
      params: { id: service.id, position: '0', code: service.code },
      byRoute: {
        '/staff/eservice/requests/:id': onRequest,
        '/staff/eservice/requests/:id/files/:fileId': onRequest,
        '/staff/eservice/requests/:id/steps/:position/close': onRequest,
        '/staff/eservice/requests/:id/steps/:position/extend': onRequest,
        '/staff/eservice/requests/:id/documents': onRequest,
        '/staff/eservice/requests/:id/delay-letter.pdf': onRequest,
        '/staff/eservice/api-keys/:id/revoke': { id: key.id },
      },
      markers: [marker],
    };
  },
});
