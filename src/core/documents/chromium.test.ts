import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChromiumMissingError, closeBrowser, getBrowser, withBrowserContext } from './chromium.js';

void describe('shared Chromium', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(async () => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    await closeBrowser();
  });

  void it('launches once and reuses the browser', async () => {
    const [a, b] = await Promise.all([getBrowser(), getBrowser()]);
    assert.equal(a, b);
    const title = await withBrowserContext(async (context) => {
      const page = await context.newPage();
      await page.setContent('<title>ทดสอบ</title>');
      return page.title();
    });
    assert.equal(title, 'ทดสอบ');
  });

  void it('explains a missing Chromium in Thai and English', async () => {
    await closeBrowser();
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await assert.rejects(getBrowser(), (error: unknown) => {
      assert.ok(error instanceof ChromiumMissingError);
      assert.match(error.message, /ไม่พบโปรแกรม Chromium/);
      assert.match(error.message, /Chromium not found at \/nonexistent\/chromium/);
      return true;
    });
  });
});
