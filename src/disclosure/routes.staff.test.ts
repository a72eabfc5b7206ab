import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedDisclosure } from './seed.js';
import { openingFiscalYear } from '../core/i18n/thai-format.js';
import { listOitYears } from './oit-items.js';
import {
  ensureInternalTestHost,
  INTERNAL_TEST_HOST,
} from './checker/fixtures/serve-synthetic-site.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

void describe('disclosure staff pages', () => {
  let t: TestContext;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prongsai-staff-'));
    t = await createTestContext({ dataDir });
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('opens on the current year and never shows another year in place of one asked', async () => {
    const admin = await t.loginAs('agency_admin');
    const opening = openingFiscalYear([], new Date(), listOitYears());
    const home = await (await t.get('/staff/disclosure', admin)).text();
    assert.match(home, new RegExp(`href="/staff/disclosure/items/${opening}/o1"`));
    // A year the system has no criteria for: a clear 404 naming it, not another year's list.
    const missing = await t.get('/staff/disclosure?year=2599', admin);
    assert.equal(missing.status, 404);
    const text = await missing.text();
    assert.match(text, /ยังไม่มีเกณฑ์ OIT ของปีงบประมาณ 2599/);
    assert.ok(!text.includes('/staff/disclosure/items/'), 'no other year shown in its place');
  });

  void it('lets an officer save with an upload, submit, and an executive approve', async () => {
    const officer = await t.loginAs('agency_admin');
    const list = await t.get('/staff/disclosure?year=2566', officer);
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.match(html, /9\.3 การจัดซื้อจัดจ้าง/);
    assert.match(html, /href="\/staff\/disclosure\/items\/2566\/o21"/);

    const form = new FormData();
    form.append('_csrf', officer.csrfToken);
    form.append('contentHtml', 'สรุปผลรายเดือน<script>x</script>');
    form.append('links', 'เว็บเดิม | https://example.go.th/a');
    form.append('table', 'เดือน | จำนวน\nต.ค. 2565 | 3');
    form.append('publishDate', '2023-01-10');
    form.append('documentYear', '2566');
    form.append('file', new File([PDF], 'สรุป ต.ค..pdf', { type: 'text/html' }));
    const saved = await t.app.request('/staff/disclosure/items/2566/o21', {
      method: 'POST',
      headers: officer.headers,
      body: form,
    });
    assert.equal(saved.status, 303, await saved.clone().text());
    const page = await (await t.get('/staff/disclosure/items/2566/o21', officer)).text();
    assert.match(page, /สรุป ต\.ค\.\.pdf|สรุป ต\.ค\.pdf/);
    assert.ok(!page.includes('<script>x</script>'));
    const entryId = /\/staff\/disclosure\/entries\/([0-9a-f-]{36})\/submit/.exec(page)?.[1];
    assert.ok(entryId, 'submit button shown for a draft');

    const bad = new FormData();
    bad.append('_csrf', officer.csrfToken);
    bad.append('file', new File(['<html></html>'], 'fake.pdf', { type: 'application/pdf' }));
    const refused = await t.app.request('/staff/disclosure/items/2566/o21', {
      method: 'POST',
      headers: officer.headers,
      body: bad,
    });
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /รับเฉพาะไฟล์ PDF/);

    assert.equal(
      (await t.post(`/staff/disclosure/entries/${entryId}/submit`, {}, officer)).status,
      303,
    );
    assert.equal(
      (await t.post(`/staff/disclosure/entries/${entryId}/approve`, {}, officer)).status,
      403,
    );
    const mayor = await t.loginAs('executive');
    const review = await (await t.get('/staff/disclosure/review', mayor)).text();
    assert.match(review, /o21/);
    assert.equal(
      (await t.post(`/staff/disclosure/entries/${entryId}/approve`, {}, mayor)).status,
      303,
    );
    // Published: the public item page links the document, served with safe headers.
    const publicPage = await (await t.get(`/a/${t.agency.slug}/oit/2566/o21`)).text();
    const href = /href="(\/a\/[^"]+\/files\/[0-9a-f-]{36}[^"]*)"/.exec(publicPage)?.[1];
    assert.ok(href, 'public page links the document');
    const file = await t.get(href.replace(/&amp;/g, '&'));
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(file.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E0%B8%AA/);
    const etag = file.headers.get('etag')!;
    const again = await t.app.request(href.replace(/&amp;/g, '&'), {
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
    const history = await (
      await t.get(`/staff/disclosure/entries/${entryId}/history`, mayor)
    ).text();
    assert.match(history, /อนุมัติ/);
  });

  void it('shows the readiness dashboard and exports the link sheet', async () => {
    await seedDisclosure(t.ctx);
    const admin = await t.loginAs('agency_admin');
    const res = await t.get('/staff/disclosure/readiness?year=2566', admin);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, />100\.00</);
    assert.match(html, /ประมาณการ/);
    const csv = await t.get('/staff/disclosure/link-sheet.csv?year=2566', admin);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    // Response.text() drops a BOM: look at the bytes.
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.subarray(3).toString('utf8').startsWith('ข้อ,'));
    const xlsx = await t.get('/staff/disclosure/link-sheet.xlsx?year=2566', admin);
    assert.equal(xlsx.status, 200);
    assert.equal(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
  });

  void it('refuses the checker on loopback targets', async () => {
    const admin = await t.loginAs('agency_admin');
    const res = await t.post(
      '/staff/disclosure/checker',
      { url: 'http://127.0.0.1:9/', year: '2566' },
      admin,
    );
    assert.equal(res.status, 422);
    // A name that resolves to the server itself (issue 12 item 5), and a mapped IPv6 literal.
    assert.ok(ensureInternalTestHost(), 'the test needs to add its name to /etc/hosts (root)');
    for (const url of [`http://${INTERNAL_TEST_HOST}:9/`, 'http://[::ffff:7f00:1]:9/']) {
      const named = await t.post('/staff/disclosure/checker', { url, year: '2566' }, admin);
      assert.equal(named.status, 422, url);
    }
  });
});
