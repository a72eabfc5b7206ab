import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type Agency, type TestContext } from './helpers/test-context.js';
import { walkPages } from './helpers/walk-pages.js';
import { seedDemoAgency } from '../src/core/agencies/seed-demo.js';
import { agencies } from '../src/core/agencies/schema.js';
import { docxToText } from '../src/core/documents/read-back.js';
import { DEVELOPER_TEXT } from '../src/assessment/officer-text.js';
import { modules } from '../src/modules.js';

/** On a citizen's page not even the officer's wording of a rule's source or confidence. */
const STAFF_ONLY = /ยังไม่ยืนยัน|ความน่าเชื่อถือ|ที่มาของเกณฑ์|ความเชื่อมั่น/;

const hits = (text: string, pattern: RegExp) => {
  const m = new RegExp(`.{0,60}(?:${pattern.source}).{0,60}`, 'i').exec(text);
  return m?.[0];
};

void describe('no developer text in the product', () => {
  let t: TestContext;
  let demo: Agency;
  before(async () => {
    t = await createTestContext();
    await seedDemoAgency(t.systemCtx, modules);
    demo = (await t.database.db.select().from(agencies)).find((a) => a.slug === 'phothong')!;
  });
  after(() => t.close());

  void it('shows no file name, § mark, code name, English confidence tag or ISO date on any staff page', async () => {
    const staff = await t.loginAs(['agency_admin', 'executive', 'unit_officer'], demo);
    const pages = await walkPages(t, staff, ['/staff'], (p) => p.startsWith('/staff'));
    assert.ok(pages.length > 40, `walked ${pages.length} staff pages`);
    const found = pages
      .map((p) => ({ path: p.path, hit: hits(p.text, DEVELOPER_TEXT) }))
      .filter((p) => p.hit);
    assert.deepEqual(found, []);
    // Dates are written the Thai way (พ.ศ.), never ISO; the audit log shows stored rows as they are.
    const isoDates = pages
      .filter((p) => !p.path.startsWith('/staff/agency/audit'))
      .map((p) => ({ path: p.path, hit: hits(p.text, /\b20\d\d-[01]\d-[0-3]\d\b/) }))
      .filter((p) => p.hit);
    assert.deepEqual(isoDates, []);
  });

  void it('shows citizens neither developer notes nor rule sources on any public page', async () => {
    const pages = await walkPages(t, undefined, ['/a/phothong'], (p) => p.startsWith('/a/'));
    assert.ok(pages.length > 10, `walked ${pages.length} public pages`);
    const found = pages
      .map((p) => ({ path: p.path, hit: hits(p.text, DEVELOPER_TEXT) ?? hits(p.text, STAFF_ONLY) }))
      .filter((p) => p.hit);
    assert.deepEqual(found, []);
  });

  void it('writes no developer note or rule source in the annual report', async () => {
    const staff = await t.loginAs('executive', demo);
    const res = await t.get('/staff/assessment/years/2566/report.docx', staff);
    assert.equal(res.status, 200);
    const text = await docxToText(new Uint8Array(await res.arrayBuffer()));
    assert.ok(text.length > 5000);
    assert.equal(hits(text, DEVELOPER_TEXT), undefined);
    assert.equal(hits(text, STAFF_ONLY), undefined);
  });
});
