import { randomUUID } from 'node:crypto';
import { defineModule } from '../core/module.js';
import { draftOfficialDocument } from '../core/official/index.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { th, en } from './i18n.js';
import { integrityStaffRoutes } from './routes.staff.js';
import { integrityPublicRoutes } from './routes.public.js';
import { integrityDisclosures } from './disclosures.js';
import { addRisk } from './add-risk.js';
import { recordActivity } from './record-activity.js';
import { recordGift } from './record-gift.js';
import { declareInterests } from './declare-interests.js';

/**
 * คุณธรรมและการป้องกันการทุจริต: official announcements and orders drafted from templates (HR
 * criteria, No Gift, เจตจำนงสุจริต, the ITA working group…), signed by an executive and published
 * on their OIT items.
 */
export const integrityModule = defineModule({
  name: 'integrity',
  routes: { staff: integrityStaffRoutes, public: integrityPublicRoutes },
  permissions: {
    'integrity.view': ['agency_admin', 'executive', 'unit_officer'],
    'integrity.draft': ['agency_admin', 'unit_officer'],
    // ลงนาม: only the agency's executives sign announcements and orders.
    'integrity.sign': ['executive'],
    'integrity.publish': ['agency_admin', 'executive'],
    'integrity.risks': ['agency_admin', 'unit_officer'],
    // No Gift activities, the declaration event and the gift register: any staff member records.
    'integrity.record': ['agency_admin', 'executive', 'unit_officer'],
    'integrity.declare': ['agency_admin', 'executive', 'unit_officer'],
    // Conflict-of-interest declarations are read by executives only (and each declarer, own).
    'integrity.interests.read': ['executive'],
  },
  nav: [
    {
      audience: 'staff',
      href: '/staff/integrity/documents',
      label: 'integrity.nav.documents',
      permission: 'integrity.view',
      order: 40,
    },
    {
      audience: 'staff',
      href: '/staff/integrity/risks',
      label: 'integrity.risks.nav',
      permission: 'integrity.view',
      order: 41,
    },
    {
      audience: 'staff',
      href: '/staff/integrity/activities',
      label: 'integrity.activities.nav',
      permission: 'integrity.view',
      order: 42,
    },
    {
      audience: 'staff',
      href: '/staff/integrity/gifts',
      label: 'integrity.gifts.nav',
      permission: 'integrity.view',
      order: 43,
    },
    {
      audience: 'staff',
      href: '/staff/integrity/interests',
      label: 'integrity.interests.nav',
      permission: 'integrity.view',
      order: 44,
    },
  ],
  catalog: { th, en },
  disclosures: integrityDisclosures,
  isolationFixture: async (ctx) => {
    const marker = `หนังสือทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const doc = await draftOfficialDocument(ctx, {
      kind: 'order',
      fiscalYear: currentFiscalYear(ctx.now()),
      subject: marker,
      clauses: [`${marker} ข้อหนึ่ง`],
      signerName: 'ผู้ลงนามทดสอบ',
      signerPosition: 'ตำแหน่งทดสอบ',
    });
    const risk = await addRisk(ctx, {
      fiscalYear: currentFiscalYear(ctx.now()),
      process: `${marker} กระบวนงาน`,
      risk: `${marker} ความเสี่ยง`,
      likelihood: 3,
      impact: 4,
    });
    const heldOn = ctx.now().toISOString().slice(0, 10);
    const activity = await recordActivity(
      ctx,
      { kind: 'no-gift', heldOn, title: `${marker} กิจกรรม`, participants: marker },
      [],
      { dataDir: '' },
    );
    await recordGift(ctx, {
      offeredOn: heldOn,
      recipient: `${marker} ผู้รับ`,
      giver: `${marker} ผู้ให้`,
      description: `${marker} ของขวัญ`,
      valueBaht: 500,
      action: 'returned',
    });
    // A declaration is personal: made here for a made-up account of agency B.
    await declareInterests(
      { ...ctx, actor: { ...ctx.actor, userId: randomUUID() } },
      { fiscalYear: currentFiscalYear(ctx.now()), hasConflict: 'yes', details: `${marker} ทับซ้อน` },
    );
    return {
      // `id` stays out of the shared params: bad-input merges every module's params, and an
      // `id` here would hand other modules' routes a document id instead of their own.
      params: { template: 'no-gift' },
      byRoute: {
        '/staff/integrity/documents/:id': { id: doc.id },
        '/staff/integrity/documents/:id/edit': { id: doc.id },
        '/staff/integrity/documents/:id/submit': { id: doc.id },
        '/staff/integrity/documents/:id/sign': { id: doc.id },
        '/staff/integrity/documents/:id/publish': { id: doc.id },
        '/staff/integrity/documents/:id/replace': { id: doc.id },
        '/staff/integrity/risks/:id': { id: risk.id },
        '/staff/integrity/risks/:id/follow-up': { id: risk.id },
        '/staff/integrity/activities/:id': { id: activity.id },
        '/staff/integrity/activities/:id/photos/:sha': { id: activity.id, sha: 'a'.repeat(64) },
        '/a/:slug/integrity/activities/:id': { id: activity.id },
        '/a/:slug/integrity/activities/:id/photos/:sha': { id: activity.id, sha: 'a'.repeat(64) },
        '/a/:slug/integrity/gifts/:year': { year: String(currentFiscalYear(ctx.now())) },
        '/a/:slug/integrity/reports/:year/:file': {
          year: String(currentFiscalYear(ctx.now())),
          file: 'risk-assessment.pdf',
        },
        '/staff/integrity/documents/:id/:file': { id: doc.id, file: 'preview.docx' },
        '/a/:slug/integrity/documents/:file': { file: `${doc.id}.pdf` },
      },
      markers: [marker],
    };
  },
});
