import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext, type TestSession } from './helpers/test-context.js';
import { listUnits } from '../src/core/agencies/units.js';
import { createMeasure } from '../src/measures/create-measure.js';
import { addAction } from '../src/measures/add-action.js';
import { createBasicInfo } from '../src/disclosure/manage-basic-info.js';
import { storeDocument } from '../src/disclosure/store-document.js';
import type { ValidationError } from '../src/core/errors.js';

/**
 * #12 item 8: every id a staff form sends (a unit, an officer, a document) must belong to the
 * agency of the session. Each form below gets another agency's real ids and must refuse them
 * with 422, storing nothing that points at the other agency.
 */
void describe("another agency's ids on every form that takes an id", () => {
  let t: TestContext;
  let admin: TestSession;
  let own: { unitId: string; officerId: string; measureId: string; actionId: string };
  let other: { unitId: string; officerId: string; documentId: string };
  const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  before(async () => {
    t = await createTestContext({ dataDir: `/tmp/foreign-ids-${process.pid}` });
    admin = await t.loginAs('agency_admin');
    const b = await t.makeAgency();
    const bOfficer = await t.loginAs('unit_officer', b.agency);
    const bDoc = await storeDocument(b.ctx, {
      dataDir: t.config.dataDir,
      entryId: null,
      fileName: 'b.pdf',
      bytes: PDF,
      allowedKinds: ['pdf'],
    });
    other = {
      unitId: (await listUnits(t.database.db, b.agency.id))[0]!.id,
      officerId: bOfficer.userId,
      documentId: bDoc.id,
    };
    const officer = await t.loginAs('unit_officer');
    const unitId = (await listUnits(t.database.db, t.agency.id))[0]!.id;
    const measure = await createMeasure(t.ctx, { fiscalYear: 2567, title: 'มาตรการทดสอบ' });
    const action = await addAction(t.ctx, measure.id, {
      stepText: 'ขั้นตอนทดสอบ',
      unitId,
      startDate: '2023-10-01',
      dueDate: '2023-12-31',
    });
    own = { unitId, officerId: officer.userId, measureId: measure.id, actionId: action.id };
  });
  after(() => t.close());

  /** Nothing of agency A refers to B's unit, user or document after the attempts. */
  async function assertNothingPointsAtOther() {
    const rows = await t.database.query<{ hit: string }>(
      `select 'entry' as hit from disclosure_entries where agency_id = $1 and responsible_unit_id = $2
       union all select 'action' from measures_actions where agency_id = $1 and (unit_id = $2 or officer_user_id = $3)
       union all select 'staff' from core_staff where agency_id = $1 and (unit_id = $2 or user_id = $3)
       union all select 'invite' from core_staff_invites where agency_id = $1 and unit_id = $2
       union all select 'executive' from disclosure_executives where agency_id = $1 and photo_document_id = $4`,
      [t.agency.id, other.unitId, other.officerId, other.documentId],
    );
    assert.deepEqual(rows, []);
  }

  void it('disclosure item: a responsible unit of another agency', async () => {
    const res = await t.post(
      '/staff/disclosure/items/2566/o1',
      { contentHtml: 'ข้อมูลทดสอบ', responsibleUnitId: other.unitId },
      admin,
    );
    assert.equal(res.status, 422);
    assert.match(await res.text(), /ไม่พบหน่วยงานย่อยนี้ในหน่วยงานของท่าน/);
    const ok = await t.post(
      '/staff/disclosure/items/2566/o1',
      { contentHtml: 'ข้อมูลทดสอบ', responsibleUnitId: own.unitId },
      admin,
    );
    assert.equal(ok.status, 303);
    await assertNothingPointsAtOther();
  });

  void it('measures: a new step and an edited step with another agency’s unit or officer', async () => {
    const step = { stepText: 'ขั้นตอน', startDate: '2023-10-01', dueDate: '2023-11-30' };
    for (const [foreign, message] of [
      [{ unitId: other.unitId, officerUserId: own.officerId }, /ไม่พบหน่วยงานย่อยนี้/],
      [{ unitId: own.unitId, officerUserId: other.officerId }, /ผู้รับผิดชอบต้องเป็นบุคลากร/],
    ] as const) {
      const added = await t.post(
        `/staff/measures/${own.measureId}/actions`,
        { ...step, ...foreign },
        admin,
      );
      assert.equal(added.status, 422);
      assert.match(await added.text(), message);
      const edited = await t.post(
        `/staff/measures/actions/${own.actionId}/edit`,
        { ...step, ...foreign, status: 'in_progress' },
        admin,
      );
      assert.equal(edited.status, 422);
      assert.match(await edited.text(), message);
    }
    await assertNothingPointsAtOther();
  });

  void it('staff: inviting or moving a member to another agency’s unit', async () => {
    const added = await t.post(
      '/staff/agency/staff',
      {
        email: 'new-person@example.org',
        displayName: 'บุคคลใหม่',
        roles: 'unit_officer',
        unitId: other.unitId,
      },
      admin,
    );
    assert.equal(added.status, 422);
    assert.match(await added.text(), /ไม่พบหน่วยงานย่อยนี้/);
    const moved = await t.post(
      `/staff/agency/staff/${own.officerId}`,
      { roles: 'unit_officer', unitId: other.unitId },
      admin,
    );
    assert.equal(moved.status, 422);
    assert.match(await moved.text(), /ไม่พบหน่วยงานย่อยนี้/);
    await assertNothingPointsAtOther();
  });

  void it('basic information: an executive’s photo that is another agency’s document', async () => {
    await assert.rejects(
      createBasicInfo(t.ctx, 'executives', {
        nameTh: 'นายทดสอบ',
        positionTh: 'นายก',
        branch: 'political',
        photoDocumentId: other.documentId,
      }),
      (error: ValidationError) =>
        error.fieldErrors.photoDocumentId === 'disclosure.errors.unknownDocument',
    );
    await assertNothingPointsAtOther();
  });
});
