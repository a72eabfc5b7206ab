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
import { chromiumUsage, closeBrowser } from '../core/documents/chromium.js';
import { sha256Of } from '../core/files/index.js';
import { startAnalysis } from './start-analysis.js';
import { assessmentModule } from './module.js';
import { planYearForAnalysis } from './analysis-year.js';

const YEAR = 2566;

void describe('publishing the annual analysis report', () => {
  let t: TestContext;
  let dataDir: string;
  let executive: TestSession;
  let admin: TestSession;
  let publicUrl: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prongsai-publish-'));
    t = await createTestContext({ dataDir });
    executive = await t.loginAs('executive');
    admin = await t.loginAs('agency_admin');
    publicUrl = `/a/${t.agency.slug}/assessment/${YEAR}/analysis-report`;
    await startAnalysis(t.ctx, { fiscalYear: YEAR });
  });
  after(async () => {
    await closeBrowser();
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Anonymous GETs of both formats, asserting that none of them asks for Chromium. */
  async function anonymousGet(headers: Record<string, string> = {}) {
    const before = chromiumUsage();
    const pdf = await t.app.request(`${publicUrl}.pdf`, { headers });
    const docx = await t.app.request(`${publicUrl}.docx`, { headers });
    assert.deepEqual(chromiumUsage(), before, 'an anonymous request started no render');
    return { pdf, docx };
  }

  void it('keeps a draft analysis off the public site and out of the OIT feed', async () => {
    const { pdf, docx } = await anonymousGet();
    assert.equal(pdf.status, 404);
    assert.equal(docx.status, 404);
    const fed = await assessmentModule.disclosures!({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      // The OIT of the year after carries this year's analysis (analysis-year.ts).
      fiscalYear: planYearForAnalysis(YEAR),
    });
    assert.deepEqual(fed, []);
  });

  void it('lets only the executive publish', async () => {
    const refused = await t.post(`/staff/assessment/years/${YEAR}/analysis/publish`, {}, admin);
    assert.equal(refused.status, 403);
    const page = await (await t.get(`/staff/assessment/years/${YEAR}/analysis`, admin)).text();
    assert.ok(!page.includes('/analysis/publish"'), 'no publish button for the admin');
  });

  void it('serves the frozen bytes with their hash as ETag, and a new version replaces the old', async () => {
    const first = await t.post(`/staff/assessment/years/${YEAR}/analysis/publish`, {}, executive);
    assert.equal(first.status, 303, await first.clone().text());

    const { pdf, docx } = await anonymousGet();
    assert.equal(pdf.status, 200);
    const pdfBytes = new Uint8Array(await pdf.arrayBuffer());
    assert.equal(new TextDecoder().decode(pdfBytes.slice(0, 5)), '%PDF-');
    const etag = pdf.headers.get('etag');
    assert.equal(etag, `"${sha256Of(pdfBytes)}"`);
    assert.equal(docx.status, 200);
    const docxBytes = new Uint8Array(await docx.arrayBuffer());
    assert.equal(new TextDecoder().decode(docxBytes.slice(0, 2)), 'PK');

    const revisit = await anonymousGet({ 'if-none-match': etag! });
    assert.equal(revisit.pdf.status, 304);

    // Editing the analysis changes nothing public until the executive publishes again.
    const edited = await t.post(
      `/staff/assessment/years/${YEAR}/analysis`,
      { titleTh: 'รายงานฉบับแก้ไขหลังเผยแพร่', useThaiDigits: '1' },
      admin,
    );
    assert.equal(edited.status, 303);
    assert.equal((await anonymousGet()).pdf.headers.get('etag'), etag);

    const second = await t.post(`/staff/assessment/years/${YEAR}/analysis/publish`, {}, executive);
    assert.equal(second.status, 303);
    const now = await anonymousGet();
    assert.equal(now.pdf.status, 200);
    assert.notEqual(now.pdf.headers.get('etag'), etag, 'the new version is served');

    // The old version stays in the history, for staff, as it was published.
    const page = await (await t.get(`/staff/assessment/years/${YEAR}/analysis`, executive)).text();
    assert.match(page, /ฉบับที่ 2/);
    assert.match(page, /versions\/1\/report\.pdf/);
    const old = await t.get(
      `/staff/assessment/years/${YEAR}/analysis/versions/1/report.pdf`,
      admin,
    );
    assert.equal(old.status, 200);
    assert.equal(old.headers.get('etag'), etag);

    const fed = await assessmentModule.disclosures!({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      // The OIT of the year after carries this year's analysis (analysis-year.ts).
      fiscalYear: planYearForAnalysis(YEAR),
    });
    assert.deepEqual(
      fed.map((f) => f.title),
      ['รายงานฉบับแก้ไขหลังเผยแพร่'],
    );
  });
});
