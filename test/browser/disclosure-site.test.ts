import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { openTestDatabase, testConfig } from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import type { Database } from '../../src/core/db/client.js';
import { createApp } from '../../src/core/http/create-app.js';
import { agenciesModule } from '../../src/core/agencies/module.js';
import { seedDemoAgency } from '../../src/core/agencies/seed-demo.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { defineModule } from '../../src/core/module.js';
import { disclosurePublicRoutes } from '../../src/disclosure/routes.public.js';
import { seedDisclosure } from '../../src/disclosure/seed.js';
import { listOitItems } from '../../src/disclosure/oit-items.js';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<unknown> } }).axe;
    return (await axe.run()) as {
      violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
    };
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

void describe('the demo agency’s public disclosure site in a browser', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser | undefined;
  const site = '/a/phothong';

  before(async () => {
    database = await openTestDatabase();
    const disclosure = defineModule({
      name: 'disclosure',
      publicMount: '',
      routes: { public: disclosurePublicRoutes },
      seed: seedDisclosure,
    });
    const modules = [agenciesModule, disclosure];
    await seedDemoAgency(
      { db: database.db, actor: SYSTEM_ACTOR, locale: 'th', now: () => new Date() },
      modules,
    );
    server = await startServer(createApp({ database, config: testConfig(), modules }));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  async function newPage(t: { skip: (m: string) => void }, width = 1024, javaScript = true) {
    browser ??= await launchBrowser(t);
    if (!browser) return undefined;
    // bypassCSP only lets the test inject axe-core; the site itself runs no script.
    const context = await browser.newContext({
      viewport: { width, height: 800 },
      bypassCSP: true,
      javaScriptEnabled: javaScript,
    });
    return context.newPage();
  }

  void it('reaches every 2566 OIT item in two clicks: home → OIT → item', async (t) => {
    const page = await newPage(t);
    if (!page) return;
    await page.goto(`${server.baseUrl}${site}`);
    await page.click('nav.site-sections a[href$="/oit"]');
    assert.match(page.url(), /\/oit$/);
    // The index of the default year links its items directly (click 2).
    const first = page.locator('.oit-list a').first();
    await first.click();
    assert.match(page.url(), /\/oit\/\d{4}\/o\d+$/);

    await page.goto(`${server.baseUrl}${site}/oit?year=2566`);
    const hrefs = await page.$$eval('.oit-list a', (as) => as.map((a) => a.getAttribute('href')));
    const items = listOitItems(2566);
    assert.deepEqual(
      hrefs,
      items.map((i) => `${site}/oit/2566/${i.code}`),
    );
    for (const item of items) {
      const response = await page.goto(`${server.baseUrl}${site}/oit/2566/${item.code}`);
      assert.equal(response?.status(), 200, item.code);
      assert.equal(
        (await page.textContent('h1'))?.trim(),
        `${item.code.toUpperCase()} ${item.nameTh}`,
      );
      assert.equal(await page.locator('text=ยังไม่มีข้อมูล').count(), 0, item.code);
    }
  });

  void it('has no serious or critical axe violations on home, OIT index, an item, search', async (t) => {
    const page = await newPage(t);
    if (!page) return;
    const problems: string[] = [];
    for (const path of [
      '',
      '/oit?year=2566',
      '/oit/2566/o21',
      `/search?q=${encodeURIComponent('จัดซื้อจัดจ้าง')}`,
      '/executives',
      '/contact',
      '/news',
    ]) {
      await page.goto(`${server.baseUrl}${site}${path}`);
      problems.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    assert.deepEqual(problems, []);
  });

  void it('fits a 360 px phone without horizontal scrolling', async (t) => {
    const page = await newPage(t, 360);
    if (!page) return;
    for (const path of ['', '/oit?year=2566', '/oit/2566/o21', '/search?q=งบประมาณ', '/contact']) {
      await page.goto(`${server.baseUrl}${site}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${path || '/'} is ${width}px wide`);
    }
  });

  void it('searches without JavaScript and marks the matches', async (t) => {
    const page = await newPage(t, 1024, false);
    if (!page) return;
    await page.goto(`${server.baseUrl}${site}`);
    await page.fill('#site-q', 'ร้องเรียน');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.click('form[role=search] button')]);
    assert.ok((await page.locator('ol mark').count()) > 0);
    assert.ok((await page.locator('a[href*="/oit/"]').count()) > 0);
  });
});
