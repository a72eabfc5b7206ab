import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedSurveys } from './seed.js';
import { findOfficialResultForYear } from '../assessment/index.js';
import { listCampaigns } from './campaigns.js';
import { scoreCampaign } from './score-campaign.js';
import { compareWithOfficial, officialToolResult } from './compare-with-official.js';

void describe('surveys staff pages', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    await seedSurveys(t.ctx);
    await seedSurveys(t.ctx); // idempotent
  });
  after(() => t.close());

  // The seeded campaign of a tool (its title ends in "ทดลองตอบ"); tests open others beside it.
  const campaignId = async (tool: string) =>
    (
      await t.database.query<{ id: string }>(
        `select id from surveys_campaigns
         where agency_id = $1 and tool = $2 and title_th like '%ทดลองตอบ'`,
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

  const populationOf = async (id: string) =>
    (
      await t.database.query<{ n: number | null }>(
        'select stakeholder_population as n from surveys_campaigns where agency_id = $1 and id = $2',
        [t.agency.id, id],
      )
    )[0]!.n;
  const populationAudits = async (id: string) =>
    t.database.query<{ before: unknown; after: unknown }>(
      `select before, after from core_audit_log
       where agency_id = $1 and action = 'surveys.campaign.population' and entity_id = $2
       order by seq`,
      [t.agency.id, id],
    );
  const campaignCount = async () =>
    (
      await t.database.query<{ n: number }>(
        'select count(*)::int as n from surveys_campaigns where agency_id = $1',
        [t.agency.id],
      )
    )[0]!.n;
  const BAD_POPULATIONS: (string | string[])[] = [
    '-5',
    'abc',
    '12.5',
    '1e3',
    '100000001',
    '99999999999999999999',
    '2147483648',
    ['10', '20'],
  ];

  void it('stores the stakeholder population typed on creation, Thai digits and commas too', async () => {
    const admin = await t.loginAs('agency_admin');
    const form = { tool: 'EIT', opensOn: '2024-01-10', closesOn: '2024-02-01' };
    const created = await t.post(
      '/staff/surveys',
      { ...form, fiscalYear: '2567', titleTh: 'EIT มีจำนวน', stakeholderPopulation: '๑,๒๓๔' },
      admin,
    );
    assert.equal(created.status, 303);
    const id = /\/staff\/surveys\/([0-9a-f-]{36})/.exec(created.headers.get('location')!)![1]!;
    assert.equal(await populationOf(id), 1234);
    const page = await (await t.get(`/staff/surveys/${id}`, admin)).text();
    assert.match(page, /data-minimum-sample="124" data-minimum-basis="fraction"/);
    assert.match(page, /คำนวณจากผู้รับบริการ\/ผู้มาติดต่อ โดยประมาณ 1,234 คน/);

    const without = await t.post(
      '/staff/surveys',
      { ...form, fiscalYear: '2566', titleTh: 'EIT ไม่มีจำนวน', stakeholderPopulation: '' },
      admin,
    );
    assert.equal(without.status, 303);
    const withoutId = /([0-9a-f-]{36})/.exec(without.headers.get('location')!)![1]!;
    assert.equal(await populationOf(withoutId), null);
  });

  void it('refuses a bad population on creation with a Thai 422 and creates nothing', async () => {
    const admin = await t.loginAs('agency_admin');
    const form = {
      fiscalYear: '2567',
      tool: 'IIT',
      titleTh: 'IIT จำนวนผิด',
      opensOn: '2024-01-10',
      closesOn: '2024-02-01',
    };
    for (const bad of BAD_POPULATIONS) {
      const before = await campaignCount();
      const res = await t.post('/staff/surveys', { ...form, stakeholderPopulation: bad }, admin);
      assert.equal(res.status, 422, String(bad));
      assert.match(await res.text(), /จำนวนผู้มีส่วนได้ส่วนเสียต้องเป็นจำนวนเต็ม/, String(bad));
      assert.equal(await campaignCount(), before, String(bad));
    }
  });

  void it('lets the agency admin set, correct and clear the population, audited', async () => {
    const admin = await t.loginAs('agency_admin');
    const [iit] = await campaignId('IIT');
    const url = `/staff/surveys/${iit}/population`;

    const set = await t.post(url, { stakeholderPopulation: '๔๕' }, admin);
    assert.equal(set.status, 303);
    assert.match(set.headers.get('location')!, /notice=surveys\.populationSaved/);
    assert.equal(await populationOf(iit!), 45);
    const page = await (await t.get(`/staff/surveys/${iit}`, admin)).text();
    assert.match(page, /data-minimum-sample="25" data-minimum-basis="floor"/);
    assert.match(page, /คำนวณจากบุคลากรที่ปฏิบัติงานมาไม่น้อยกว่า 1 ปี 45 คน/);
    assert.match(
      page,
      /name="stakeholderPopulation"[^>]*value="45"|value="45"[^>]*name="stakeholderPopulation"/,
    );

    assert.equal((await t.post(url, { stakeholderPopulation: '20' }, admin)).status, 303);
    const small = await (await t.get(`/staff/surveys/${iit}`, admin)).text();
    assert.match(small, /data-minimum-sample="20" data-minimum-basis="everyone"/);
    assert.match(small, /ต้องตอบทุกคน/);

    assert.equal((await t.post(url, { stakeholderPopulation: '20' }, admin)).status, 303);
    assert.equal((await t.post(url, { stakeholderPopulation: '' }, admin)).status, 303);
    assert.equal(await populationOf(iit!), null);
    assert.deepEqual(
      (await populationAudits(iit!)).map((r) => [r.before, r.after]),
      [
        [{ stakeholderPopulation: null }, { stakeholderPopulation: 45 }],
        [{ stakeholderPopulation: 45 }, { stakeholderPopulation: 20 }],
        // Saving 20 again changed nothing and wrote nothing.
        [{ stakeholderPopulation: 20 }, { stakeholderPopulation: null }],
      ],
    );
  });

  void it('refuses a bad population edit with a Thai 422 and stores nothing', async () => {
    const admin = await t.loginAs('agency_admin');
    const [iit] = await campaignId('IIT');
    const url = `/staff/surveys/${iit}/population`;
    assert.equal((await t.post(url, { stakeholderPopulation: '60' }, admin)).status, 303);
    const audits = (await populationAudits(iit!)).length;
    for (const bad of BAD_POPULATIONS) {
      const res = await t.post(url, { stakeholderPopulation: bad }, admin);
      assert.equal(res.status, 422, String(bad));
      const page = await res.text();
      assert.match(page, /จำนวนผู้มีส่วนได้ส่วนเสียต้องเป็นจำนวนเต็ม/, String(bad));
      assert.match(page, /aria-invalid="true"/);
      assert.equal(await populationOf(iit!), 60, String(bad));
    }
    assert.equal((await populationAudits(iit!)).length, audits);
  });

  void it('shows an executive the population but refuses their edit', async () => {
    const executive = await t.loginAs('executive');
    const [iit] = await campaignId('IIT');
    const denied = await t.post(
      `/staff/surveys/${iit}/population`,
      { stakeholderPopulation: '1' },
      executive,
    );
    assert.equal(denied.status, 403);
    const page = await (await t.get(`/staff/surveys/${iit}`, executive)).text();
    assert.match(page, /data-population/);
    assert.doesNotMatch(page, /action="\/staff\/surveys\/[^"]+\/population"/);
  });

  void it('says when no population is entered and shows the rule floor, source and confidence', async () => {
    const admin = await t.loginAs('agency_admin');
    const [eit] = await campaignId('EIT');
    const page = await (await t.get(`/staff/surveys/${eit}`, admin)).text();
    assert.match(page, /data-minimum-sample="30" data-minimum-basis="no-population"/);
    assert.match(page, /อย่างน้อย 30 คน/);
    assert.match(page, /ยังไม่ได้กรอกจำนวนผู้รับบริการ\/ผู้มาติดต่อ โดยประมาณ/);
    assert.match(page, /ไม่ใช่ค่าที่คำนวณจากจำนวนจริง/);
    assert.match(page, /href="#population"/);
    assert.match(page, /ได้คำตอบแล้ว 12 จาก 30 ยังขาดอีก 18/);
    assert.match(page, /<span class="badge warn">ยังไม่ยืนยัน<\/span>/);
    assert.match(
      page,
      /href="https:\/\/spvc\.ac\.th\/MU-ITA2021\/files\/basic-html\/page46\.html"/,
    );
    assert.match(page, /ร้อยละ 10 ของจำนวนทั้งหมด/);
    assert.match(page, /<progress max="30" value="12"/);
  });

  void it('prints N code slips once and exports answers and results', async () => {
    const admin = await t.loginAs('agency_admin');
    const [iit] = await campaignId('IIT');
    const slips = await (await t.post(`/staff/surveys/${iit}/codes`, { count: '7' }, admin)).text();
    assert.equal(slips.match(/data-code/g)?.length, 7);
    // Each slip carries a QR code and a short link that leads to the campaign.
    assert.equal(slips.match(/<svg/g)?.length, 7);
    const short =
      /data-short-link="true">https?:\/\/[^/]+(\/a\/agency-a\/surveys\/([0-9a-f]{8}))</.exec(slips);
    assert.ok(short, 'short link on the slip');
    assert.ok(iit!.startsWith(short[2]!));
    const hop = await t.get(short[1]!);
    assert.equal(hop.status, 302);
    assert.equal(hop.headers.get('location'), `/a/agency-a/surveys/${iit}`);
    assert.equal((await t.get('/a/agency-a/surveys/ffffffff')).status, 404);
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

  void it('compares the scores with the official result of the same year once imported', async () => {
    const admin = await t.loginAs('agency_admin');
    const [eit] = await campaignId('EIT');
    const before = await (await t.get(`/staff/surveys/${eit}`, admin)).text();
    assert.match(before, /data-official="none"/);
    assert.match(before, /ยังไม่ได้นำเข้าผลการประเมินทางการของปี 2566/);
    assert.match(before, /href="\/staff\/assessment\/import"/);
    // An imported official result (as the assessment import stores it).
    const indicators = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((no) => ({ no, score: 80 + no }));
    await t.database.query(
      `insert into assessment_results (agency_id, fiscal_year, kind, indicator_scores, tool_scores,
         total, level_code, level_label_th, source_file_name, imported_by_label)
       values ($1, 2566, 'indicators', $2::jsonb, $3::jsonb, 90, 'good', 'ผ่านดี', 'test.csv', 'test')`,
      [t.agency.id, JSON.stringify(indicators), JSON.stringify({ IIT: 83, EIT: 87.5, OIT: 95 })],
    );
    const campaign = (await listCampaigns(t.database.db, t.agency.id)).find((c) => c.id === eit)!;
    const score = (await scoreCampaign(t.database.db, campaign))!;
    const expected = compareWithOfficial(
      score,
      officialToolResult(
        (await findOfficialResultForYear(t.database.db, t.agency.id, 2566))!,
        score,
      )!,
    );
    assert.deepEqual(
      expected.indicators.map((i) => [i.no, i.official]),
      [
        [6, 86],
        [7, 87],
        [8, 88],
      ],
      'only the indicators of the campaign’s tool',
    );
    const after = await (await t.get(`/staff/surveys/${eit}`, admin)).text();
    assert.match(after, new RegExp(`data-official-difference="${expected.difference.toFixed(2)}"`));
    assert.match(after, /<td class="num">87\.50<\/td>/);
    assert.doesNotMatch(after, /data-official="none"/);
  });
});
