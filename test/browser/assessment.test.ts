import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { createStaffMember } from '../../src/core/agencies/staff-members.js';
import { FAST_HASH_COST } from '../../src/core/auth/password.js';
import { closeBrowser } from '../../src/core/documents/chromium.js';
import { docxToText } from '../../src/core/documents/read-back.js';

const EMAIL = 'ita-officer@example.org';
const PASSWORD = 'ita-browser-2566';
const FIXTURE = path.resolve('src/assessment/fixtures/phothong-2566-indicators.csv');

void describe('assessment in a browser: import results, see the dashboard, download the report', () => {
  let t: TestContext;
  let server: RunningServer;
  let browser: Browser | undefined;
  let page: Page;
  before(async () => {
    t = await createTestContext();
    await createStaffMember(
      t.ctx,
      { email: EMAIL, displayName: 'เจ้าหน้าที่ ITA', roles: 'agency_admin', password: PASSWORD },
      FAST_HASH_COST,
    );
    server = await startServer(t.web);
    browser = await launchBrowser();
    page = await browser!.newPage({ acceptDownloads: true });
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('input[name=email]', EMAIL);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  });
  after(async () => {
    await browser?.close();
    await closeBrowser();
    await server?.close();
    await t?.close();
  });

  void it('refuses a bad file with the row and column, then imports the good one', async () => {
    await page.goto(`${server.baseUrl}/staff/assessment/import`);
    await page.setInputFiles('input[name=file]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('indicator,score\n1,100\n2,เก้าสิบ\n'),
    });
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
    assert.match(await page.locator('.error-summary').innerText(), /ไม่ถูกนำเข้า[\s\S]*3/);

    await page.setInputFiles('input[name=file]', FIXTURE);
    // The form opens on the current fiscal year; the fixture is the demo's 2566 result.
    await page.selectOption('select[name=fiscalYear]', '2566');
    await page.fill('input[name=statedLevelTh]', 'ผ่านดี');
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
    assert.match(await page.locator('main').innerText(), /99\.50/);
    await Promise.all([
      page.waitForURL(/\/staff\/assessment\/years\/2566/),
      page.click('form[action="/staff/assessment/import/confirm"] button[type=submit]'),
    ]);
  });

  void it('shows the dashboard: total, both levels, the indicator table and a chart', async () => {
    assert.equal(await page.locator('[data-testid=total]').innerText(), '99.50');
    const main = await page.locator('main').innerText();
    // The stated level is the official one; the computed level reads only as an estimate.
    assert.match(main, /ระดับทางการ: ผ่านดี/);
    assert.match(main, /ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี/);
    assert.equal(await page.locator('#indicator-table tbody tr').count(), 10);
    assert.ok((await page.locator('figure svg').count()) >= 1);
  });

  void it('downloads the report as DOCX with the indicator rows', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href$="/report.docx"]'),
    ]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const text = await docxToText(await readFile((await download.path())!));
    assert.match(text, /การใช้ทรัพย์สินของราชการ/);
    assert.match(text, /๙๙\.๐๒/);
  });
});
