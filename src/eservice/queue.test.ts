import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import type { AgencyContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { saveManual } from './save-manual.js';
import { fileRequest } from './file-request.js';
import { takeRequest } from './take-request.js';
import { closeStep } from './close-step.js';
import { requestDocuments } from './request-documents.js';
import { extendStep } from './extend-step.js';
import { discretionReport } from './discretion.js';
import { getRequest } from './queries.js';

async function refusedWith(promise: Promise<unknown>, code: string, key: string) {
  await assert.rejects(
    promise,
    (e: unknown) => e instanceof AppError && e.code === code && e.messageKey === key,
  );
}

void describe('the fair queue and its clock', () => {
  let t: TestContext;
  let officer: AgencyContext;
  let officerSession: TestSession;
  let serviceId: string;
  const file = (name: string) =>
    fileRequest(t.ctx, {
      serviceCode: 'permit',
      form: { requesterName: name, contactPhone: '0811111111', pdpaAcknowledged: 'on' },
      attachments: [],
      channel: 'counter',
      dataDir: '',
    });

  before(async () => {
    t = await createTestContext();
    officerSession = await t.loginAs('unit_officer');
    officer = {
      ...t.ctx,
      actor: { ...t.ctx.actor, userId: officerSession.userId, roles: ['unit_officer'] },
    };
    const { service } = await saveManual(t.ctx, {
      code: 'permit',
      manual: {
        name: 'ใบอนุญาตทดสอบ',
        steps: [
          { title: 'ตรวจเอกสาร', duration: 1, durationUnit: 'days' },
          { title: 'ออกใบอนุญาต', duration: 2, durationUnit: 'days' },
        ],
      },
    });
    serviceId = service.id;
  });
  after(() => t.close());

  it('takes the head of the queue; out of order only with a written reason, which the report shows', async () => {
    const first = await file('คนแรก');
    const second = await file('คนที่สอง');
    await refusedWith(
      takeRequest(officer, serviceId, { requestId: second.id }),
      'VALIDATION',
      'eservice.errors.reasonRequired',
    );
    const taken = await takeRequest(officer, serviceId, {});
    assert.equal(taken.id, first.id);
    const third = await file('คนที่สาม');
    await file('คนที่สี่');
    const jumped = await takeRequest(officer, serviceId, { requestId: third.id, reason: 'ผู้สูงอายุ' });
    assert.equal(jumped.id, third.id);
    const rows = await discretionReport(t.database.db, t.agency.id, currentFiscalYear(new Date()));
    assert.deepEqual(
      rows.map((r) => [r.kind, r.officerId, r.count]),
      [['out_of_order', officerSession.userId, 1]],
    );
    // The out-of-order take shows on the executive's page.
    const executive = await t.loginAs('executive');
    const page = await (await t.get('/staff/eservice/report', executive)).text();
    assert.match(page, /รับงานข้ามคิว/);
    // Second is still queued and now the head.
    assert.equal((await takeRequest(officer, serviceId, {})).id, second.id);
  });

  it('lets exactly one of two simultaneous closes of a step win', async () => {
    const r = await file('ปิดพร้อมกัน');
    while ((await takeRequest(officer, serviceId, {})).id !== r.id) {
      /* drain the queue up to this request */
    }
    const results = await Promise.allSettled([
      closeStep(officer, r.id, 0, { note: 'ก' }),
      closeStep(officer, r.id, 0, { note: 'ข' }),
    ]);
    assert.equal(results.filter((x) => x.status === 'fulfilled').length, 1);
    const refused = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    assert.equal((refused.reason as AppError).code, 'CONFLICT');
    await closeStep(officer, r.id, 1, {});
    assert.equal((await getRequest(t.database.db, t.agency.id, r.id)).request.status, 'completed');
  });

  it('asks for missing documents once only, and extends a deadline only with a reason', async () => {
    const r = await file('เอกสารไม่ครบ');
    while ((await takeRequest(officer, serviceId, {})).id !== r.id) {
      /* drain */
    }
    await requestDocuments(officer, r.id, { note: 'ขาดสำเนาทะเบียนบ้าน' });
    await refusedWith(
      requestDocuments(officer, r.id, { note: 'ขอเพิ่มอีก' }),
      'CONFLICT',
      'eservice.errors.documentsAlreadyRequested',
    );
    await assert.rejects(extendStep(officer, r.id, 0, { days: '3', reason: '' }));
    const before = (await getRequest(t.database.db, t.agency.id, r.id)).steps;
    await extendStep(officer, r.id, 0, { days: '๓', reason: 'รอผลตรวจจากจังหวัด' });
    const afterSteps = (await getRequest(t.database.db, t.agency.id, r.id)).steps;
    assert.ok(afterSteps[0]!.dueAt > before[0]!.dueAt);
    assert.ok(afterSteps[1]!.dueAt > before[1]!.dueAt, 'later steps move with the extension');
  });
});
