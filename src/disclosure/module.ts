import { defineModule } from '../core/module.js';
import { scoped } from '../core/db/scoped.js';
import { th, en } from './i18n.js';
import { disclosureStaffRoutes } from './routes.staff.js';
import { disclosurePublicRoutes } from './routes.public.js';
import { DISCLOSURE_PERMISSIONS } from './permissions.js';
import { checkerCommands } from './checker/commands.js';
import { reindexCommand, remindCommand } from './commands.js';
import { disclosureRemindersJob } from './jobs.js';
import { seedDisclosure } from './seed.js';
import { saveEntry } from './save-entry.js';
import { disclosureDocuments } from './schema.js';
import { createBasicInfo } from './manage-basic-info.js';
import { openingFiscalYear } from '../core/i18n/thai-format.js';
import { listOitYears } from './oit-items.js';
import { disclosureWaiting } from './waiting.js';

/**
 * Disclosure (การเปิดเผยข้อมูล, OIT): staff prepare every OIT item of a fiscal year, an
 * executive approves, the public site (routes.public.tsx) shows it.
 */
export const disclosureModule = defineModule({
  name: 'disclosure',
  // The public site is the agency's home: /a/<slug>, /a/<slug>/oit, /a/<slug>/files/…
  publicMount: '',
  routes: { staff: disclosureStaffRoutes, public: disclosurePublicRoutes },
  permissions: DISCLOSURE_PERMISSIONS,
  waiting: disclosureWaiting,
  nav: [
    {
      audience: 'staff',
      href: '/staff/disclosure',
      label: 'disclosure.nav.items',
      permission: 'disclosure.view',
      order: 30,
    },
    {
      audience: 'staff',
      href: '/staff/disclosure/readiness',
      label: 'disclosure.nav.readiness',
      permission: 'disclosure.view',
      order: 31,
    },
    {
      audience: 'staff',
      href: '/staff/disclosure/review',
      label: 'disclosure.nav.review',
      permission: 'disclosure.review',
      order: 32,
    },
    {
      audience: 'staff',
      href: '/staff/disclosure/checker',
      label: 'disclosure.nav.checker',
      permission: 'disclosure.manage',
      order: 33,
    },
    {
      audience: 'staff',
      href: '/staff/disclosure/basic',
      label: 'disclosure.nav.basic',
      permission: 'disclosure.manage',
      order: 34,
    },
  ],
  commands: [...checkerCommands, reindexCommand, remindCommand],
  jobs: [disclosureRemindersJob],
  catalog: { th, en },
  seed: seedDisclosure,
  isolationFixture: async (ctx) => {
    const marker = `ข้อมูลทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const year = openingFiscalYear([], ctx.now(), listOitYears());
    const entry = await saveEntry(ctx, { fiscalYear: year, itemCode: 'o1', contentHtml: marker });
    const [doc] = await scoped(ctx.db, ctx.agencyId).insert(disclosureDocuments, {
      entryId: entry.id,
      sha256: '0'.repeat(64),
      fileName: `${marker}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 1,
    });
    const news = await createBasicInfo(ctx, 'news', { titleTh: marker, publishedOn: '2023-01-01' });
    return {
      params: { id: entry.id, year: String(year), code: 'o1', kind: 'news' },
      byRoute: {
        '/staff/disclosure/documents/:id': { id: doc!.id },
        '/staff/disclosure/basic/:kind/:id/delete': { kind: 'news', id: news.id },
      },
      markers: [marker],
    };
  },
});
