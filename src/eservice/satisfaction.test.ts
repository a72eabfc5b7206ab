import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { saveManual } from './save-manual.js';
import { fileRequest } from './file-request.js';
import { takeRequest } from './take-request.js';
import { closeStep } from './close-step.js';
import { eserviceDisclosures } from './disclosures.js';

void describe('satisfaction survey and published statistics', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it('takes one answer per completed request, unlinked from it, and publishes the figures', async () => {
    const { service } = await saveManual(t.ctx, {
      code: 'tax',
      manual: {
        name: 'ชำระภาษีป้าย',
        steps: [{ title: 'รับชำระ', duration: 5, durationUnit: 'minutes' }],
      },
    });
    const request = await fileRequest(t.ctx, {
      serviceCode: 'tax',
      form: { requesterName: 'ผู้เสียภาษี', contactPhone: '0822222222', pdpaAcknowledged: 'on' },
      attachments: [],
      channel: 'online',
      dataDir: '',
    });
    const slug = t.agency.slug;
    const survey = `/a/${slug}/track/${request.trackingCode}/survey`;
    assert.equal((await t.get(survey)).status, 404, 'no survey before completion');
    await takeRequest(t.ctx, service.id, {});
    await closeStep(t.ctx, request.id, 0, { note: 'ชำระแล้ว' });
    assert.equal((await t.get(survey)).status, 200);
    const missing = await t.post(survey, { process: '5' });
    assert.equal(missing.status, 422);
    const answer = { process: '5', time: '4', staff: '5', outcome: '3', comment: 'รวดเร็ว' };
    assert.equal((await t.post(survey, answer)).status, 303);
    assert.equal((await t.post(survey, answer)).status, 409, 'once per request');
    const [row] = await t.database.query<Record<string, unknown>>(
      'select * from eservice_satisfaction',
    );
    assert.equal(
      Object.keys(row!).some((k) => k.includes('request')),
      false,
      'no link to the request',
    );
    const year = currentFiscalYear(new Date());
    const stats = await (await t.get(`/a/${slug}/service-statistics/${year}`)).text();
    assert.match(stats, /ขั้นตอน 5 · เวลา 4 · เจ้าหน้าที่ 5 · ผล 3 \(1 คำตอบ\)/);
    const feeds = await eserviceDisclosures({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: slug,
      fiscalYear: year,
    });
    assert.deepEqual(
      feeds.map((f) => f.feed),
      ['eservice.manuals', 'eservice.channel', 'eservice.statistics', 'eservice.satisfaction'],
    );
    assert.match(feeds[2]!.summary!, /คำขอ 1 รายการ เสร็จภายในกำหนด 1 รายการ/);
  });
});
