import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { createUser } from '../../src/core/agencies/staff-members.js';
import { FAST_HASH_COST } from '../../src/core/auth/password.js';
import { getFramework, listFrameworkYears } from '../../src/assessment/index.js';

const EMAIL = 'root@example.org';
const PASSWORD = 'root-browser-2570';

/** The shipped 2570 framework as a 2571 file with one OIT item renamed. */
function framework2571(): Buffer {
  const f = structuredClone(getFramework(2570));
  f.fiscalYear = 2571;
  f.titleTh = f.titleTh.replace('2570', '2571');
  f.itemMapping = { ...f.itemMapping!, fromYear: 2570 };
  f.oitItems.find((i) => i.code === 'o3')!.nameTh = 'ช่องทางการติดต่อหน่วยงาน';
  return Buffer.from(JSON.stringify(f, null, 2));
}

void describe('framework import in a browser: refuse, diff, accept', () => {
  let t: TestContext;
  let server: RunningServer;
  let browser: Browser | undefined;
  let page: Page;
  before(async () => {
    t = await createTestContext();
    await createUser(
      t.systemCtx,
      { email: EMAIL, displayName: 'ผู้ดูแลระบบกลาง', password: PASSWORD, isInstanceAdmin: true },
      FAST_HASH_COST,
    );
    server = await startServer(t.web);
    browser = await launchBrowser();
    page = await browser!.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('input[name=email]', EMAIL);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  void it('refuses a bad file whole, listing each path in Thai and English', async () => {
    await page.goto(`${server.baseUrl}/admin/assessment/frameworks`);
    const bad = JSON.parse(framework2571().toString()) as Record<string, unknown>;
    bad.target = { value: 'แปดสิบห้า' };
    await page.setInputFiles('input[name=file]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
    const issues = await page.locator('[data-testid=framework-issues]').innerText();
    assert.match(issues, /ไม่ถูกนำเข้า/);
    assert.match(issues, /target\.value/);
    assert.match(issues, /ชนิดข้อมูลไม่ถูกต้อง/);
    assert.match(issues, /expected number/);
    assert.ok(!listFrameworkYears().includes(2571));
  });

  void it('shows the diff against the previous year, then accepts the import', async () => {
    await page.setInputFiles('input[name=file]', {
      name: 'fy2571.json',
      mimeType: 'application/json',
      buffer: framework2571(),
    });
    await Promise.all([
      page.waitForURL(/\/admin\/assessment\/frameworks\/versions\//),
      page.click('main button[type=submit]'),
    ]);
    const review = await page.locator('main').innerText();
    assert.match(review, /การเปลี่ยนแปลงเทียบกับปี 2570/);
    assert.match(review, /OIT เปลี่ยนชื่อ\s+o3\s+ข้อมูลการติดต่อ\s+ช่องทางการติดต่อหน่วยงาน/);
    assert.ok(!listFrameworkYears().includes(2571), 'pending until accepted');

    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action$="/accept"] button[type=submit]'),
    ]);
    assert.match(await page.locator('main').innerText(), /รับใช้เกณฑ์ฉบับนี้แล้ว/);
    assert.ok(listFrameworkYears().includes(2571));
    assert.equal(
      getFramework(2571).oitItems.find((i) => i.code === 'o3')!.nameTh,
      'ช่องทางการติดต่อหน่วยงาน',
    );
    await page.goto(`${server.baseUrl}/admin/assessment/frameworks`);
    const list = await page.locator('main').innerText();
    assert.match(list, /2571\s+นำเข้าโดยผู้ดูแลระบบ/);
    assert.match(list, /รับใช้แล้ว/);
  });
});
