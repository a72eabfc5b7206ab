import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedSurveys } from './seed.js';

void describe('surveys staff pages', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    await seedSurveys(t.ctx);
    await seedSurveys(t.ctx); // idempotent
  });
  after(() => t.close());

  const campaignId = async (tool: string) =>
    (
      await t.database.query<{ id: string }>(
        'select id from surveys_campaigns where agency_id = $1 and tool = $2',
        [t.agency.id, tool],
      )
    ).map((r) => r.id);

  void it('creates a campaign, refusing bad dates with 422', async () => {
    const admin = await t.loginAs('agency_admin');
    const form = { fiscalYear: '2567', tool: 'EIT', titleTh: 'EIT 2567', opensOn: '2024-01-10' };
    const bad = await t.post('/staff/surveys', { ...form, closesOn: '2024-01-01' }, admin);
    assert.equal(bad.status, 422);
    const ok = await t.post('/staff/surveys', { ...form, closesOn: '2024-02-01' }, admin);
    assert.equal(ok.status, 303);
    const executive = await t.loginAs('executive');
    const denied = await t.post('/staff/surveys', { ...form, closesOn: '2024-02-01' }, executive);
    assert.equal(denied.status, 403);
  });

  void it('prints N code slips once and exports answers and results', async () => {
    const admin = await t.loginAs('agency_admin');
    const [iit] = await campaignId('IIT');
    const slips = await (await t.post(`/staff/surveys/${iit}/codes`, { count: '7' }, admin)).text();
    assert.equal(slips.match(/data-code/g)?.length, 7);
    const [eit] = await campaignId('EIT');
    const xlsx = await t.get(`/staff/surveys/${eit}/answers.xlsx`, admin);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    assert.equal(book.worksheets[0]!.rowCount, 13, 'header + 12 seeded answers');
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    assert.deepEqual(header.slice(0, 3), ['answeredOn', 'channel', 'e1']);
    assert.equal(header.at(-1), 'x1');
    assert.ok(!header.some((h) => /id|key|code/i.test(h)), 'no identifying column');
    const results = await (await t.get(`/staff/surveys/${eit}/results.csv`, admin)).text();
    assert.match(results, /tool,EIT,\d+\.\d\d/);
    const poster = await (await t.get(`/staff/surveys/${eit}/poster`, admin)).text();
    assert.match(poster, /<svg/);
    assert.match(poster, new RegExp(`/a/agency-a/surveys/${eit}\\?ch=qr`));
  });
});
