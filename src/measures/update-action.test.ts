import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { listUnits } from '../core/agencies/units.js';
import { auditLog } from '../core/audit/schema.js';
import { AppError } from '../core/errors.js';
import { createMeasure } from './create-measure.js';
import { actions } from './schema.js';
import { updateAction } from './update-action.js';

void describe('editing an action', () => {
  let t: TestContext;
  let admin: TestSession;
  let unitIds: string[];
  let actionId: string;
  let otherActionId: string;
  let otherUnitId: string;
  const row = async (id: string) =>
    (await t.database.db.select().from(actions).where(eq(actions.id, id)))[0]!;
  const audits = async (id: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'measures.action.update')));

  before(async () => {
    t = await createTestContext();
    admin = await t.loginAs('agency_admin');
    unitIds = (await listUnits(t.ctx.db, t.ctx.agencyId)).map((u) => u.id);
    const m = await createMeasure(t.ctx, { fiscalYear: 2567, title: 'มาตรการทดสอบแก้ไข' }, [
      { stepText: 'ขั้นเดิม', unitId: unitIds[0]!, startDate: '2023-10-01', dueDate: '2024-03-31' },
    ]);
    actionId = (await t.database.db.select().from(actions).where(eq(actions.measureId, m.id)))[0]!
      .id;
    const other = await t.makeAgency();
    otherUnitId = (await listUnits(other.ctx.db, other.ctx.agencyId))[0]!.id;
    const om = await createMeasure(other.ctx, { fiscalYear: 2567, title: 'ของหน่วยงานอื่น' }, [
      { stepText: 'ขั้นอื่น', unitId: otherUnitId, startDate: '2023-10-01', dueDate: '2024-03-31' },
    ]);
    otherActionId = (
      await t.database.db.select().from(actions).where(eq(actions.measureId, om.id))
    )[0]!.id;
  });
  after(() => t.close());

  const goodForm = () => ({
    stepText: 'ขั้นที่แก้แล้ว',
    unitId: unitIds[1]!,
    officerUserId: admin.userId,
    startDate: '2023-11-01',
    dueDate: '2024-06-30',
    status: 'in_progress',
  });

  void it('saves text, unit, officer, dates and status through the form, audited', async () => {
    const page = await t.get(`/staff/measures/actions/${actionId}/edit`, admin);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /ขั้นเดิม/);
    const res = await t.post(`/staff/measures/actions/${actionId}/edit`, goodForm(), admin);
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /notice=measures\.notices\.actionUpdated/);
    const saved = await row(actionId);
    assert.deepEqual(
      [saved.stepText, saved.unitId, saved.officerUserId, saved.startDate, saved.dueDate],
      ['ขั้นที่แก้แล้ว', unitIds[1], admin.userId, '2023-11-01', '2024-06-30'],
    );
    assert.equal(saved.status, 'in_progress');
    const [entry] = await audits(actionId);
    assert.equal((entry!.before as { stepText: string }).stepText, 'ขั้นเดิม');
    assert.equal((entry!.after as { stepText: string }).stepText, 'ขั้นที่แก้แล้ว');
  });

  void it('refuses bad input with 422 and a Thai message, changing and auditing nothing', async () => {
    const before = await row(actionId);
    const auditCount = (await audits(actionId)).length;
    const cases: [Record<string, string>, RegExp][] = [
      [{ dueDate: '2023-01-01' }, /วันเริ่มต้องไม่อยู่หลังวันครบกำหนด/],
      [{ startDate: '2024-02-30' }, /วันที่ไม่ถูกต้อง/],
      [{ status: 'deleted' }, /สถานะต้องเป็น/],
      [{ stepText: '' }, /[\u0E00-\u0E7F]/],
      [{ unitId: otherUnitId }, /ไม่พบหน่วยงานย่อยนี้/],
      [{ officerUserId: '00000000-0000-4000-8000-000000000000' }, /ผู้รับผิดชอบต้องเป็นบุคลากร/],
    ];
    for (const [change, message] of cases) {
      const res = await t.post(
        `/staff/measures/actions/${actionId}/edit`,
        { ...goodForm(), ...change },
        admin,
      );
      assert.equal(res.status, 422, JSON.stringify(change));
      assert.match(await res.text(), message);
    }
    assert.deepEqual(await row(actionId), before);
    assert.equal((await audits(actionId)).length, auditCount);
  });

  void it("answers 404 for another agency's action and for a malformed id", async () => {
    const before = await row(otherActionId);
    for (const url of [
      `/staff/measures/actions/${otherActionId}/edit`,
      '/staff/measures/actions/not-a-uuid/edit',
    ]) {
      assert.equal((await t.get(url, admin)).status, 404, url);
      assert.equal((await t.post(url, goodForm(), admin)).status, 404, url);
    }
    await assert.rejects(
      updateAction(t.ctx, otherActionId, { ...goodForm(), status: 'bogus' as 'done' }),
      (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND',
    );
    assert.deepEqual(await row(otherActionId), before);
  });

  void it('is refused to staff who may not manage measures', async () => {
    const officer = await t.loginAs('unit_officer');
    const before = await row(actionId);
    assert.equal((await t.get(`/staff/measures/actions/${actionId}/edit`, officer)).status, 403);
    const res = await t.post(`/staff/measures/actions/${actionId}/edit`, goodForm(), officer);
    assert.equal(res.status, 403);
    assert.deepEqual(await row(actionId), before);
  });
});
