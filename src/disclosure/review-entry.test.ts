import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import type { AgencyContext } from '../core/context.js';
import { ConflictError, ForbiddenError } from '../core/errors.js';
import { listUnits } from '../core/agencies/units.js';
import { createStaffMember } from '../core/agencies/staff-members.js';
import { FAST_HASH_COST } from '../core/auth/password.js';
import { auditLog } from '../core/audit/schema.js';
import { disclosureEntryVersions } from './schema.js';
import { saveEntry } from './save-entry.js';
import { approveEntry, returnEntry, submitEntry } from './review-entry.js';
import { findPublishedItem } from './queries.js';
import { listOitItemStates } from './item-status.js';

void describe('disclosure entry workflow', () => {
  let t: TestContext;
  let executive: AgencyContext;
  let financeOfficer: AgencyContext;
  let financeUnitId: string;
  let palatUnitId: string;
  before(async () => {
    t = await createTestContext();
    const units = await listUnits(t.database.db, t.agency.id);
    financeUnitId = units.find((u) => u.nameTh === 'กองคลัง')!.id;
    palatUnitId = units.find((u) => u.nameTh === 'สำนักปลัด')!.id;
    const { user } = await createStaffMember(
      t.ctx,
      {
        email: 'finance@example.org',
        displayName: 'กองคลัง',
        roles: 'unit_officer',
        unitId: financeUnitId,
        password: 'test-password-123',
      },
      FAST_HASH_COST,
    );
    executive = { ...t.ctx, actor: { ...t.ctx.actor, label: 'mayor', roles: ['executive'] } };
    financeOfficer = {
      ...t.ctx,
      actor: { userId: user.id, label: 'finance', roles: ['unit_officer'], isInstanceAdmin: false },
    };
  });
  after(() => t.close());

  void it('goes draft → in_review → published, sanitising text, keeping versions and audit', async () => {
    const draft = await saveEntry(financeOfficer, {
      fiscalYear: 2566,
      itemCode: 'o21',
      contentHtml:
        '<p onclick="x()">สรุปผล</p><script>alert(1)</script><a href="javascript:x">y</a>',
      links: [{ label: 'เว็บเดิม', href: 'https://example.go.th/a' }],
      table: { columns: ['เดือน', 'จำนวน'], rows: [['ต.ค. 2565', '3']] },
      responsibleUnitId: palatUnitId,
      publishDate: '2023-03-01',
    });
    assert.equal(draft.status, 'draft');
    assert.equal(draft.contentHtml, '<p>สรุปผล</p><a>y</a>');
    // An officer can only hand the item to their own unit.
    assert.equal(draft.responsibleUnitId, financeUnitId);
    assert.equal(
      await findPublishedItem(t.database.db, t.agency.id, 2566, 'o21').then((p) => p?.entry),
      null,
    );

    await assert.rejects(approveEntry(executive, draft.id), ConflictError);
    await submitEntry(financeOfficer, draft.id);
    await assert.rejects(approveEntry(financeOfficer, draft.id), ForbiddenError);
    const returned = await returnEntry(executive, draft.id, 'แนบสรุปเดือนพฤศจิกายนด้วย');
    assert.equal(returned.status, 'draft');
    assert.equal(returned.reviewComment, 'แนบสรุปเดือนพฤศจิกายนด้วย');
    await submitEntry(financeOfficer, draft.id);
    const published = await approveEntry(executive, draft.id);
    assert.equal(published.status, 'published');

    const item = await findPublishedItem(t.database.db, t.agency.id, 2566, 'o21');
    assert.equal(item?.entry?.contentHtml, '<p>สรุปผล</p><a>y</a>');
    assert.equal(item?.entry?.responsibleUnitNameTh, 'กองคลัง');
    assert.deepEqual(item?.entry?.table?.rows, [['ต.ค. 2565', '3']]);

    // Editing again: the public keeps the approved version until the next approval.
    await saveEntry(financeOfficer, { fiscalYear: 2566, itemCode: 'o21', contentHtml: 'ฉบับแก้' });
    const still = await findPublishedItem(t.database.db, t.agency.id, 2566, 'o21');
    assert.equal(still?.entry?.contentHtml, '<p>สรุปผล</p><a>y</a>');
    const status = (await listOitItemStates(t.database.db, t.agency.id, 2566)).find(
      (s) => s.itemCode === 'o21',
    );
    assert.deepEqual(
      [status?.status, status?.isPublished, status?.pendingChange],
      ['published', true, 'draft'],
    );

    const versions = await t.database.db
      .select()
      .from(disclosureEntryVersions)
      .where(eq(disclosureEntryVersions.entryId, draft.id));
    assert.deepEqual(
      versions.map((v) => v.event).sort(),
      ['approve', 'return', 'save', 'save', 'submit', 'submit'].sort(),
    );
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, draft.id));
    assert.equal(audits.length, versions.length);
  });

  void it("refuses an officer editing another unit's item", async () => {
    await saveEntry(t.ctx, {
      fiscalYear: 2566,
      itemCode: 'o1',
      contentHtml: 'โครงสร้าง',
      responsibleUnitId: palatUnitId,
    });
    await assert.rejects(
      saveEntry(financeOfficer, { fiscalYear: 2566, itemCode: 'o1', contentHtml: 'แก้' }),
      ForbiddenError,
    );
  });
});
