/**
 * A refused form in a real browser (issue #12, forms that keep what the user typed): the
 * officer's report comes back with the message next to the percent, the text still in the
 * textarea and the file named to choose again; corrected with Thai digits, it is saved.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { createTestContext, type TestContext, type TestSession } from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { listUnits } from '../../src/core/agencies/units.js';
import { createMeasure } from '../../src/measures/create-measure.js';
import { actions, progressUpdates } from '../../src/measures/schema.js';
import { translate } from '../../src/core/i18n/i18n.js';

void describe('a refused staff form in a browser', () => {
  let t: TestContext;
  let browser: Browser | undefined;
  let server: RunningServer;
  let dataDir: string;
  let admin: TestSession;
  let actionId: string;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'forms-b-'));
    t = await createTestContext({ dataDir });
    admin = await t.loginAs('agency_admin');
    const unitId = (await listUnits(t.ctx.db, t.ctx.agencyId))[0]!.id;
    const measure = await createMeasure(t.ctx, { fiscalYear: 2569, title: 'มาตรการในเบราว์เซอร์' }, [
      { stepText: 'ประชุมชี้แจงเจ้าหน้าที่', unitId, startDate: '2026-01-01', dueDate: '2026-09-30' },
    ]);
    const [action] = await t.database.db
      .select()
      .from(actions)
      .where(eq(actions.measureId, measure.id));
    actionId = action!.id;
    server = await startServer(t.web);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('keeps the report, shows the message by the percent, and names the file', async (ctx) => {
    browser = await launchBrowser(ctx);
    if (!browser) return;
    const context = await browser.newContext();
    await context.addCookies(
      admin.cookie.split('; ').map((pair) => {
        const [name, ...rest] = pair.split('=');
        return { name: name!, value: rest.join('='), url: server.baseUrl };
      }),
    );
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/staff/measures/actions/${actionId}`);
    const report = 'ชี้แจงครบทุกกองแล้ว เหลือกองช่างที่จะนัดสัปดาห์หน้า';
    await page.fill('#f-text', report);
    await page.fill('#f-percent', '150');
    await page.setInputFiles('#f-files', {
      name: 'บันทึกการประชุม.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% minutes\n'),
    });
    const [refused] = await Promise.all([
      page.waitForNavigation(),
      page.click('form[action$="/progress"] button'),
    ]);
    assert.equal(refused?.status(), 422);
    assert.equal(
      (await page.textContent('#f-percent-error'))?.trim(),
      translate('th', 'measures.errors.percentRange'),
    );
    assert.equal(await page.inputValue('#f-text'), report);
    assert.equal(await page.inputValue('#f-percent'), '150');
    assert.match((await page.textContent('#f-files-again')) ?? '', /บันทึกการประชุม\.pdf/);
    assert.equal(await page.getAttribute('#f-percent', 'aria-invalid'), 'true');
    assert.equal((await t.database.db.select().from(progressUpdates)).length, 0);

    await page.fill('#f-percent', '๕๐');
    await page.setInputFiles('#f-files', {
      name: 'บันทึกการประชุม.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% minutes\n'),
    });
    const [saved] = await Promise.all([
      page.waitForNavigation(),
      page.click('form[action$="/progress"] button'),
    ]);
    assert.equal(saved?.status(), 200);
    assert.match(page.url(), /notice=measures\.progress\.submitted/);
    const [update] = await t.database.db.select().from(progressUpdates);
    assert.equal(update?.percent, 50);
    assert.equal(update?.text, report);
    await context.close();
  });
});
