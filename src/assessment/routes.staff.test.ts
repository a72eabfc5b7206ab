import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { listOfficialResults } from './queries.js';
import { closeBrowser } from '../core/documents/chromium.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { listFrameworkYears } from './frameworks/load-frameworks.js';
import { defaultResultsYear } from './results-year.js';

const SEED_CSV = new Uint8Array(
  readFileSync(new URL('./fixtures/phothong-2566-indicators.csv', import.meta.url)),
);

async function upload(
  t: TestContext,
  session: TestSession,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array<ArrayBuffer> },
) {
  const form = new FormData();
  form.append('_csrf', session.csrfToken);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new File([file.bytes], file.name, { type: 'text/csv' }));
  return t.app.request(path, { method: 'POST', headers: session.headers, body: form });
}

void describe('results import and dashboard over HTTP', () => {
  let t: TestContext;
  let admin: TestSession;
  before(async () => {
    t = await createTestContext();
    admin = await t.loginAs('agency_admin');
  });
  after(async () => {
    await closeBrowser();
    await t.close();
  });

  void it('proposes the newest year that can have results, not the current fiscal year', async () => {
    const { agency } = await t.makeAgency();
    const fresh = await t.loginAs('agency_admin', agency);
    const page = await (await t.get('/staff/assessment/import', fresh)).text();
    const selected = /<option value="(\d+)" selected/.exec(page)?.[1];
    const now = new Date();
    assert.equal(Number(selected), defaultResultsYear(now, listFrameworkYears(), []));
    assert.ok(Number(selected) < currentFiscalYear(now), 'this year is still being assessed');
  });

  void it('refuses a bad file whole, naming row and column in Thai, and stores nothing', async () => {
    const bad = 'indicator,score\n1,100\n2,abc\n3,101\n3,90\n';
    const res = await upload(
      t,
      admin,
      '/staff/assessment/import/preview',
      { fiscalYear: '2566' },
      {
        name: 'bad.csv',
        bytes: new TextEncoder().encode(bad),
      },
    );
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /ไม่ถูกนำเข้า/);
    assert.match(html, /<td class="num">3<\/td><td>score<\/td>/);
    const confirm = await upload(t, admin, '/staff/assessment/import/confirm', {
      fiscalYear: '2566',
      fileName: 'bad.csv',
      fileBase64: Buffer.from(bad).toString('base64'),
    });
    assert.equal(confirm.status, 422);
    assert.deepEqual(await listOfficialResults(t.database.db, t.agency.id), []);
  });

  void it('previews, then imports on confirm, and the dashboard shows 99.50 and both levels', async () => {
    const preview = await upload(
      t,
      admin,
      '/staff/assessment/import/preview',
      { fiscalYear: '2566', statedLevelTh: 'ผ่านดี' },
      { name: 'seed.csv', bytes: SEED_CSV },
    );
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(html, /99\.50/);
    assert.deepEqual(await listOfficialResults(t.database.db, t.agency.id), []);
    const stagedId = /name="stagedId" value="([^"]+)"/.exec(html)![1]!;
    const res = await t.post('/staff/assessment/import/confirm', { stagedId }, admin);
    assert.equal(res.status, 303);
    const page = await (await t.get('/staff/assessment/years/2566', admin)).text();
    assert.match(page, /data-testid="total">99\.50/);
    // The official level is the authority; the computed one reads as an estimate, never a
    // certain ผ่านดีเยี่ยม.
    assert.match(page, /ระดับทางการ: <strong>ผ่านดี<\/strong>/);
    assert.match(page, /ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี/);
  });

  void it('starts the analysis from the library, saves an area, and serves the DOCX', async () => {
    assert.equal(
      (await t.post('/staff/assessment/years/2566/analysis/start', {}, admin)).status,
      303,
    );
    const res = await t.post(
      '/staff/assessment/years/2566/analysis/areas/operating-process',
      {
        findingsTh: 'e1 ผู้รับบริการบางรายเห็นว่าขั้นตอนยาว',
        improvementsTh: 'ลดขั้นตอนการให้บริการ',
        'measures.0.measureTh': 'มาตรการลดขั้นตอนทดสอบ',
        'measures.0.methodsTh': 'ทบทวนคู่มือ\nเผยแพร่คู่มือ',
        'measures.0.stepsTh': 'ประชุม',
        'measures.0.responsibleUnitTh': 'สำนักปลัด',
        'measures.0.timelineTh': 'ไตรมาสละครั้ง',
      },
      admin,
    );
    assert.equal(res.status, 303);
    const area = await (
      await t.get('/staff/assessment/years/2566/analysis/areas/operating-process', admin)
    ).text();
    assert.match(area, /มาตรการลดขั้นตอนทดสอบ/);
    const docx = await t.get('/staff/assessment/years/2566/report.docx', admin);
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get('content-disposition') ?? '', /\.docx"/);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]); // ZIP ("PK")
  });

  void it('lets an executive read but not import', async () => {
    const exec = await t.loginAs('executive');
    assert.equal((await t.get('/staff/assessment/years/2566', exec)).status, 200);
    assert.equal((await t.get('/staff/assessment/import', exec)).status, 403);
  });

  void it('shows unconfirmed framework facts as such, and the year diff', async () => {
    const page = await (await t.get('/staff/assessment/frameworks/2567', admin)).text();
    assert.match(page, /ยังไม่ยืนยัน/);
    const eitRule = /<li data-minimum-sample-rule="EIT">[\s\S]*?<\/li>/.exec(page)?.[0] ?? '';
    assert.match(eitRule, /ร้อยละ 10 ของจำนวนทั้งหมด/);
    assert.match(eitRule, /ยังไม่ยืนยัน/);
    const diff = await t.get('/staff/assessment/diff?from=2566&to=2567', admin);
    assert.equal(diff.status, 200);
    assert.equal((await t.get('/staff/assessment/years/2499', admin)).status, 404);
  });
});
