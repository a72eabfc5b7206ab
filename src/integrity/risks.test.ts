import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { pdfToText } from '../core/documents/read-back.js';
import { riskLevel, RISK_LEVEL_COLORS } from '../core/documents/charts.js';
import { fedContent } from '../../test/helpers/fed-content.js';
import { risks } from './schema.js';

const BASE = '/staff/integrity/risks';

void describe('bribery-risk register', () => {
  let t: TestContext;
  let officer: TestSession;
  let admin: TestSession;
  let dataDir: string;
  let year: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prongsai-risks-'));
    t = await createTestContext({ dataDir });
    officer = await t.loginAs('unit_officer');
    admin = await t.loginAs('agency_admin');
    year = String(new Date().getFullYear() + 543 + (new Date().getMonth() >= 9 ? 1 : 0));
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('bands likelihood × impact into four levels', () => {
    assert.deepEqual(
      [
        riskLevel(1, 4),
        riskLevel(1, 5),
        riskLevel(3, 3),
        riskLevel(2, 5),
        riskLevel(4, 4),
        riskLevel(4, 5),
        riskLevel(5, 5),
      ],
      [0, 1, 1, 2, 2, 3, 3],
    );
  });

  void it('adds risks, refuses a score of 6, draws the matrix, records a follow-up', async () => {
    const add = (likelihood: string, impact: string, process: string) =>
      t.post(
        BASE,
        {
          fiscalYear: year,
          process,
          risk: 'เรียกรับเงินเพื่อเร่งการอนุญาต',
          likelihood,
          impact,
          controls: 'ประกาศขั้นตอนและระยะเวลา\nตรวจสอบโดยผู้บังคับบัญชา',
          owner: 'กองช่าง',
        },
        officer,
      );
    assert.equal((await add('๔', '5', 'การอนุญาตก่อสร้างอาคาร')).status, 303);
    assert.equal((await add('2', '2', 'การจัดเก็บภาษีป้าย')).status, 303);
    const refused = await add('6', '1', 'กระบวนงานที่ไม่ควรบันทึก');
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /เลือกระดับ ๑ ถึง ๕/);
    assert.equal((await t.database.db.select().from(risks)).length, 2);

    const page = await (await t.get(`${BASE}?year=${year}`, officer)).text();
    assert.match(page, /<svg[^>]+role="img"/);
    // Three cells of 25 are very high (4×5, 5×4, 5×5) plus the legend's swatch.
    assert.equal(
      (page.match(new RegExp(`fill="${RISK_LEVEL_COLORS[3]}"`, 'g')) ?? []).length,
      3 + 1,
    );
    assert.match(page, />R1</);
    assert.match(page, /สูงมาก \(\s*20\)/);

    const [first] = await t.database.db.select().from(risks);
    const follow = await t.post(
      `${BASE}/${first!.id}/follow-up`,
      { round: '6', likelihood: '2', impact: '5', note: 'ลดโอกาสด้วยการยื่นคำขอออนไลน์' },
      officer,
    );
    assert.equal(follow.status, 303);
    const wrongRound = await t.post(
      `${BASE}/${first!.id}/follow-up`,
      { round: '9', likelihood: '2', impact: '5', note: 'x' },
      officer,
    );
    assert.equal(wrongRound.status, 422);
  });

  void it('publishes the assessment report on its OIT items (o23, o24)', async () => {
    assert.equal((await t.post(`${BASE}/publish`, { fiscalYear: year }, admin)).status, 303);
    const pdf = await t.get(`/a/${t.agency.slug}/integrity/reports/${year}/risk-assessment.pdf`);
    assert.equal(pdf.status, 200);
    const text = (await pdfToText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    assert.ok(text.includes('ทะเบียนความเสี่ยงและมาตรการควบคุม'), text);
    // Table cells wrap lines: compare without spaces.
    const packed = text.replace(/\s+/g, '');
    assert.ok(packed.includes('การอนุญาตก่อสร้างอาคาร'), text);
    assert.ok(packed.includes('ลดโอกาสด้วยการยื่นคำขอออนไลน์'), text);
    const fed = await fedContent({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      fiscalYear: Number(year),
    });
    for (const item of ['o23', 'o24']) {
      assert.equal(fed.byItem.get(item)?.length, 1, item);
    }
  });
});
