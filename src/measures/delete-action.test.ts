import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
import { addAction } from './add-action.js';
import { recordProgress } from './record-progress.js';
import { listMeasuresOfYear } from './queries.js';
import { actions, evidenceFiles, progressUpdates } from './schema.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n% หลักฐานการดำเนินงาน\n');

void describe('deleting an action', () => {
  let t: TestContext;
  let admin: TestSession;
  let dataDir: string;
  let unitId: string;
  let measureId: string;
  const find = async (id: string) =>
    (await t.database.db.select().from(actions).where(eq(actions.id, id)))[0];
  const auditOf = async (id: string, action: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));
  const newAction = async (stepText: string) =>
    (
      await addAction(t.ctx, measureId, {
        stepText,
        unitId,
        startDate: '2023-10-01',
        dueDate: '2023-12-31',
      })
    ).id;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'prongsai-delete-action-'));
    t = await createTestContext({ dataDir });
    admin = await t.loginAs('agency_admin');
    unitId = (await listUnits(t.ctx.db, t.ctx.agencyId))[0]!.id;
    measureId = (
      await createMeasure(t.ctx, { fiscalYear: 2567, title: 'มาตรการทดสอบลบ' }, [
        { stepText: 'ขั้นแรก', unitId, startDate: '2023-10-01', dueDate: '2024-09-30' },
      ])
    ).id;
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('deletes an action without progress reports, audited, and says so', async () => {
    const id = await newAction('ขั้นที่พิมพ์ผิด');
    const unconfirmed = await t.post(`/staff/measures/actions/${id}/delete`, {}, admin);
    assert.equal(unconfirmed.status, 422);
    assert.match(await unconfirmed.text(), /กรุณาทำเครื่องหมายยืนยันการลบ/);
    assert.ok(await find(id), 'not deleted without the confirmation');
    const page = await (await t.get(`/staff/measures/actions/${id}`, admin)).text();
    assert.match(page, /<input type="checkbox" name="confirm" value="yes" required=""/);
    const res = await t.post(`/staff/measures/actions/${id}/delete`, { confirm: 'yes' }, admin);
    assert.equal(res.status, 303);
    const location = res.headers.get('location')!;
    assert.equal(location, `/staff/measures/${measureId}?notice=measures.notices.actionDeleted`);
    assert.equal(await find(id), undefined);
    const [entry] = await auditOf(id, 'measures.action.delete');
    assert.equal((entry!.before as { stepText: string }).stepText, 'ขั้นที่พิมพ์ผิด');
    assert.match(await (await t.get(location, admin)).text(), /ลบขั้นตอนแล้ว/);
  });

  void it('cancels instead an action with progress reports, keeping them, and says so in Thai', async () => {
    const id = await newAction('ขั้นที่รายงานแล้ว');
    await recordProgress(
      t.ctx,
      id,
      { text: 'ดำเนินการไปบางส่วน', percent: 30 },
      [{ fileName: 'หลักฐาน.pdf', bytes: PDF }],
      { dataDir },
    );
    const res = await t.post(`/staff/measures/actions/${id}/delete`, { confirm: 'yes' }, admin);
    assert.equal(res.status, 303);
    const page = await (await t.get(res.headers.get('location')!, admin)).text();
    assert.match(page, /จึงลบไม่ได้ ระบบได้ยกเลิกขั้นตอนแทน/);
    assert.equal((await find(id))!.status, 'cancelled');
    const [update] = await t.database.db
      .select()
      .from(progressUpdates)
      .where(eq(progressUpdates.actionId, id));
    assert.ok(update);
    const files = await t.database.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.progressUpdateId, update.id));
    assert.equal(files.length, 1);
    assert.equal((await auditOf(id, 'measures.action.cancel')).length, 1);
    // A cancelled step takes no more reports and is never overdue.
    await assert.rejects(
      recordProgress(t.ctx, id, { text: 'ต่อ', percent: 50 }, [], { dataDir }),
      (e: unknown) => e instanceof AppError && e.messageKey === 'measures.errors.actionCancelled',
    );
    const [board] = await listMeasuresOfYear(t.ctx.db, t.ctx.agencyId, 2567, '2024-06-01');
    assert.equal(board!.actions.find((a) => a.id === id)!.overdue, false);
  });

  void it("answers 404 for another agency's action and deletes nothing", async () => {
    const other = await t.makeAgency();
    const otherUnit = (await listUnits(other.ctx.db, other.ctx.agencyId))[0]!.id;
    const m = await createMeasure(other.ctx, { fiscalYear: 2567, title: 'ของหน่วยงานอื่น' }, [
      { stepText: 'ขั้นอื่น', unitId: otherUnit, startDate: '2023-10-01', dueDate: '2024-03-31' },
    ]);
    const [theirs] = await t.database.db.select().from(actions).where(eq(actions.measureId, m.id));
    const res = await t.post(
      `/staff/measures/actions/${theirs!.id}/delete`,
      { confirm: 'yes' },
      admin,
    );
    assert.equal(res.status, 404);
    assert.deepEqual(await find(theirs!.id), theirs);
    const officer = await t.loginAs('unit_officer');
    const mine = await newAction('ขั้นที่เจ้าหน้าที่ลบไม่ได้');
    assert.equal(
      (await t.post(`/staff/measures/actions/${mine}/delete`, { confirm: 'yes' }, officer)).status,
      403,
    );
    assert.ok(await find(mine));
  });
});
