import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { saveManual } from './save-manual.js';
import { fileRequest } from './file-request.js';
import { fiscalMonths, periodStatistics } from './period-statistics.js';

void describe('statistics per month and fiscal quarter', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    await saveManual(t.ctx, {
      code: 'sign-tax',
      manual: {
        name: 'ชำระภาษีป้าย',
        steps: [{ title: 'รับชำระ', duration: 1, durationUnit: 'days' }],
      },
    });
    // Filed 5 Oct 2026 (Q1 of 2570), 10 and 20 Jan 2027 (Q2), and 30 Sep 2026 (the year before).
    const filed: [string, number | null][] = [
      ['2026-10-05T02:00:00Z', 20],
      ['2027-01-10T02:00:00Z', 400],
      ['2027-01-20T02:00:00Z', null],
      ['2026-09-30T02:00:00Z', 5],
    ];
    for (const [at, hoursToDone] of filed) {
      const now = new Date(at);
      const r = await fileRequest(
        { ...t.ctx, now: () => now },
        {
          serviceCode: 'sign-tax',
          form: { requesterName: 'ผู้เสียภาษี', contactPhone: '0811111111', pdpaAcknowledged: 'on' },
          attachments: [],
          channel: 'counter',
          dataDir: '',
        },
      );
      if (hoursToDone !== null) {
        await t.database.query(
          `update eservice_requests set status = 'completed', completed_at = queued_at + ($2 || ' hours')::interval where id = $1`,
          [r.id, String(hoursToDone)],
        );
      }
    }
    const [service] = await t.database.query<{ id: string }>('select id from eservice_services');
    for (const [month, score] of [
      ['2026-10', 4],
      ['2026-10', 5],
      ['2027-01', 2],
      ['2026-09', 1],
    ] as const) {
      await t.database.query(
        `insert into eservice_satisfaction (agency_id, service_id, month, process, time, staff, outcome)
         values ($1, $2, $3, $4, $4, $4, $4)`,
        [t.agency.id, service!.id, month, score],
      );
    }
  });
  after(() => t.close());

  it('names the fiscal months from October to September', () => {
    const months = fiscalMonths(2570);
    assert.deepEqual(
      [months[0], months[2], months[3], months[11]],
      ['2026-10', '2026-12', '2027-01', '2027-09'],
    );
  });

  it('counts requests in the month they were filed and answers in their month', async () => {
    const { months, quarters } = await periodStatistics(t.database.db, t.agency.id, 2570);
    assert.deepEqual(months[0], {
      period: '2026-10',
      requests: 1,
      completed: 1,
      onTime: 1,
      averageHours: 20,
      satisfaction: 4.5,
      answers: 2,
    });
    assert.deepEqual(
      quarters.map((q) => [q.period, q.requests, q.completed, q.onTime, q.satisfaction]),
      [
        [1, 1, 1, 1, 4.5],
        [2, 2, 1, 0, 2],
        [3, 0, 0, 0, null],
        [4, 0, 0, 0, null],
      ],
    );
  });

  it('shows the month and quarter tables on the staff and public statistics pages', async () => {
    const officer = await t.loginAs('unit_officer');
    const staff = await t.get('/staff/eservice/statistics?year=2570', officer);
    assert.equal(staff.status, 200);
    const page = await staff.text();
    assert.match(page, /ไตรมาส 2<\/th><td>2<\/td><td>1<\/td><td>0<\/td>/);
    assert.match(page, /ต\.ค\. 2569<\/th><td>1<\/td>/);
    const published = await (await t.get(`/a/${t.agency.slug}/service-statistics/2570`)).text();
    assert.match(published, /ไตรมาส 1<\/th><td>1<\/td>/);
    assert.equal((await t.get('/staff/eservice/statistics?year=abc', officer)).status, 404);
  });
});
