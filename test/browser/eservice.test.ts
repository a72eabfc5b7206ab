/**
 * A citizen on a phone, with JavaScript off, finds a service, files a request with a scan of
 * a document and follows it by its tracking code; an officer takes it from the queue and the
 * citizen sees the step done (issue #15: "a phone can file a request without JavaScript").
 */
// runs on both databases
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { saveManual } from '../../src/eservice/save-manual.js';
import { takeRequest } from '../../src/eservice/take-request.js';
import { closeStep } from '../../src/eservice/close-step.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

void describe('filing and following a request on a phone without JavaScript', () => {
  let t: TestContext;
  let browser: Browser | undefined;
  let server: RunningServer;
  let dataDir: string;
  let serviceId: string;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'eservice-b-'));
    t = await createTestContext({ dataDir });
    const { service } = await saveManual(t.ctx, {
      code: 'house-number',
      manual: {
        name: 'การขอเลขที่บ้าน',
        steps: [
          { title: 'รับคำร้องและตรวจเอกสาร', duration: 1, durationUnit: 'hours' },
          { title: 'ตรวจสถานที่จริง', duration: 2, durationUnit: 'days' },
        ],
        documents: [{ name: 'สำเนาบัตรประจำตัวประชาชน', isCopy: true }],
      },
    });
    serviceId = service.id;
    server = await startServer(t.app);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('files with a scan, gets a tracking code, and sees the officer’s progress', async (ctx) => {
    browser = await launchBrowser(ctx);
    if (!browser) return;
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/a/${t.agency.slug}/services`);
    await page.click('text=การขอเลขที่บ้าน');
    assert.match(await page.content(), /ไม่มีค่าธรรมเนียม/);
    await page.click('text=ยื่นคำขอออนไลน์');
    await page.fill('#f-requesterName', 'สมศรี มีสุข');
    await page.fill('#f-contactPhone', '0812345678');
    await page.setInputFiles('#f-doc0', { name: 'บัตร.png', mimeType: 'image/png', buffer: PNG });
    // Sent without the PDPA acknowledgement first: the form comes back with the name kept.
    const [refused] = await Promise.all([
      page.waitForNavigation(),
      page.click('button[type=submit]'),
    ]);
    assert.equal(refused?.status(), 422);
    assert.equal(await page.inputValue('#f-requesterName'), 'สมศรี มีสุข');
    await page.setInputFiles('#f-doc0', { name: 'บัตร.png', mimeType: 'image/png', buffer: PNG });
    await page.check('#f-pdpaAcknowledged');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const code = /\/track\/([0-9A-Z-]{14})/.exec(page.url())?.[1];
    assert.ok(code, page.url());
    assert.match(await page.content(), /รอคิว/);

    const taken = await takeRequest(t.ctx, serviceId, {});
    await closeStep(t.ctx, taken.id, 0, { note: 'เอกสารครบ' });
    // Followed later from the tracking box, typed in lower case.
    await page.goto(`${server.baseUrl}/a/${t.agency.slug}/services`);
    await page.fill('#f-code', code.toLowerCase());
    await Promise.all([page.waitForNavigation(), page.click('#track-title ~ form button')]);
    const status = await page.content();
    assert.match(status, /อยู่ระหว่างดำเนินการ/);
    assert.match(status, /เสร็จเมื่อ/);
    assert.match(status, /ตรวจสถานที่จริง/);
    await context.close();
  });
});
