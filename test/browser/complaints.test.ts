// runs on both databases
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { jpegWithMetadata } from '../helpers/complaint-files.js';
import { SESSION_COOKIE } from '../../src/core/auth/sessions.js';

void describe('complaints in a browser', () => {
  let t: TestContext;
  let server: RunningServer;
  let browser: Browser | undefined;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-browser-'));
    t = await createTestContext({ dataDir });
    server = await startServer(t.app);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('files an anonymous corruption complaint with a photo on a phone without JavaScript, then reads the reply by receipt', async (tc) => {
    browser = await launchBrowser(tc);
    if (!browser) return;
    const phone = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/a/${t.agency.slug}/complaints`);
    await page.getByRole('link', { name: 'ร้องเรียนการทุจริตและประพฤติมิชอบ' }).click();
    await page.getByLabel('ลักษณะเรื่อง').selectOption('procurement');
    await page.locator('#f-subject').fill('ฮั้วประมูลถนนหมู่ 4');
    await page.getByLabel('รายละเอียดและข้อเท็จจริง').fill('ผู้รับเหมารายเดียวกันชนะทุกงาน ราคาสูงกว่าท้องตลาด');
    const photo = path.join(dataDir, 'IMG_2001.jpg');
    writeFileSync(photo, jpegWithMetadata());
    await page.locator('input[type=file][name=files]').setInputFiles(photo);
    await page.getByLabel('ไม่ประสงค์ออกนาม').check();
    // Nothing may be wider than the phone (no sideways scrolling on a 360 px screen).
    const overflow = await page.evaluate('document.documentElement.scrollWidth');
    assert.ok(Number(overflow) <= 360, `page is ${String(overflow)} px wide`);
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await page.getByRole('heading', { name: 'ได้รับเรื่องของท่านแล้ว' }).waitFor();
    const receipt = (await page.locator('[data-receipt] strong').textContent())!.trim();
    assert.match(receipt, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);

    // The centre replies (staff browser, logged in).
    const officer = await t.loginAs('complaint_officer');
    const staff = await browser.newContext();
    const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(officer.cookie)![1]!;
    await staff.addCookies([{ name: SESSION_COOKIE, value: token, url: server.baseUrl }]);
    const desk = await staff.newPage();
    await desk.goto(`${server.baseUrl}/staff/complaints?kind=corruption`);
    await desk.getByRole('link', { name: '1', exact: true }).click();
    await desk.getByLabel('ข้อความถึงผู้ร้องเรียน').fill('ศูนย์ได้รับเรื่องแล้ว กำลังตรวจสอบสัญญาจ้าง');
    await desk.getByRole('button', { name: 'ส่งข้อความถึงผู้ร้องเรียน' }).click();
    await desk.getByText('ส่งข้อความแล้ว').waitFor();

    // Back on the phone, days later: the receipt, typed in lower case, opens the case.
    await page.goto(`${server.baseUrl}/a/${t.agency.slug}/complaints/follow`);
    await page.getByLabel('รหัสติดตามเรื่อง').fill(receipt.toLowerCase());
    await page.getByRole('button', { name: 'ดูสถานะเรื่อง' }).click();
    await page.getByText('กำลังตรวจสอบสัญญาจ้าง').waitFor();
    await page.locator('#f-body').fill('มีภาพถ่ายป้ายโครงการเพิ่มเติม');
    await page.getByRole('button', { name: 'ส่งข้อความถึงศูนย์' }).click();
    await page.getByText('ส่งข้อความแล้ว').waitFor();
    assert.equal(page.url().includes(receipt), false, 'the receipt never appears in a URL');
    await desk.reload();
    await desk.getByText('มีภาพถ่ายป้ายโครงการเพิ่มเติม').waitFor();
  });
});
