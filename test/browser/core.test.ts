import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, TEMPLATE_DIR, type TestContext } from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { createStaffMember } from '../../src/core/agencies/staff-members.js';
import { FAST_HASH_COST } from '../../src/core/auth/password.js';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const EMAIL = 'browser-admin@example.org';
const PASSWORD = 'browser-password-2566';

/**
 * Counts distinct colours in an 8-bit RGB(A) non-interlaced PNG (what chromium writes), so the
 * test can tell a rendered page from a blank one without an image library.
 */
function distinctColours(png: Buffer): number {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const previous = Buffer.alloc(stride);
  const row = Buffer.alloc(stride);
  const colours = new Set<number>();
  for (let y = 0; y < height; y++) {
    const base = y * (stride + 1);
    const filter = raw[base]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[base + 1 + x]!;
      const left = x >= channels ? row[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      row[x] = (value + predictor) & 0xff;
    }
    for (let x = 0; x < stride; x += channels) {
      colours.add((row[x]! << 16) | (row[x + 1]! << 8) | row[x + 2]!);
    }
    row.copy(previous);
  }
  return colours.size;
}

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

describe('core pages in a real browser', () => {
  let t: TestContext;
  let server: RunningServer;
  let browser: Browser | undefined;

  before(async () => {
    t = await createTestContext();
    await createStaffMember(
      t.ctx,
      { email: EMAIL, displayName: 'ผู้ดูแลทดสอบ', roles: 'agency_admin', password: PASSWORD },
      FAST_HASH_COST,
    );
    server = await startServer(t.web);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  async function newPage(context: { skip: (m: string) => void }, width = 1024) {
    browser ??= await launchBrowser(context);
    if (!browser) return undefined;
    // bypassCSP lets the test inject axe-core; the app's own pages never need inline script.
    const page = await browser.newPage({ viewport: { width, height: 800 }, bypassCSP: true });
    return page;
  }

  async function logIn(page: Page, password = PASSWORD) {
    await page.goto(`${server.baseUrl}/login`);
    await page.fill('input[name=email]', EMAIL);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  }

  it('logs in and out', async (ctx) => {
    const page = await newPage(ctx);
    if (!page) return;
    await logIn(page);
    assert.equal(new URL(page.url()).pathname, '/staff');
    assert.match(await page.locator('h1').innerText(), /หน่วยงานทดสอบ agency-a/);
    await page.click('form[action="/logout"] button');
    await page.waitForURL(/notice=auth\.loggedOut/);
    assert.match(await page.locator('body').innerText(), /ออกจากระบบแล้ว/);
    await page.goto(`${server.baseUrl}/staff`);
    assert.equal(new URL(page.url()).pathname, '/login', 'after log-out /staff asks to log in');
    await page.close();
  });

  it('shows a Thai message for a wrong password and stays logged out', async (ctx) => {
    const page = await newPage(ctx);
    if (!page) return;
    await logIn(page, 'not-the-password');
    assert.match(await page.locator('main').innerText(), /อีเมลหรือรหัสผ่านไม่ถูกต้อง/);
    const cookies = await page.context().cookies();
    assert.equal(
      cookies.some((c) => c.name === 'prongsai_session'),
      false,
    );
    await page.close();
  });

  it('switches Thai → English → Thai, and the choice survives a new page', async (ctx) => {
    const page = await newPage(ctx);
    if (!page) return;
    await page.goto(`${server.baseUrl}/login`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'th');
    await page.click('a[hreflang=en]');
    await page.waitForURL(/\/login/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.match(await page.locator('h1').innerText(), /Log in/i);
    await page.goto(`${server.baseUrl}/`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'cookie kept');
    await page.click('a[hreflang=th]');
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'th');
    await page.close();
  });

  it('renders the home page in Thai with Sarabun at 360 px without sideways scroll', async (ctx) => {
    const page = await newPage(ctx, 360);
    if (!page) return;
    await page.goto(`${server.baseUrl}/`);
    await page.evaluate(() => document.fonts.ready);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'th');
    assert.equal(
      await page.evaluate(() => document.fonts.check('16px Sarabun', 'ก')),
      true,
      'Sarabun web font loaded',
    );
    const loadedSarabun = await page.evaluate(() =>
      [...document.fonts].some((f) => f.family.includes('Sarabun') && f.status === 'loaded'),
    );
    assert.equal(loadedSarabun, true, 'a Sarabun face actually downloaded');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 360, `no horizontal scroll at 360 px (scrollWidth ${scrollWidth})`);
    assert.match(await page.locator('body').innerText(), /หน่วยงานทดสอบ/);
    const png = await page.screenshot({ fullPage: true });
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    writeFileSync(path.join(TEMPLATE_DIR, 'home-360.png'), png);
    const colours = distinctColours(png);
    assert.ok(colours > 20, `screenshot is not blank (${colours} colours)`);
    await page.close();
  });

  it('has no serious or critical axe violations on home, log-in and a staff page', async (ctx) => {
    const page = await newPage(ctx);
    if (!page) return;
    const problems: string[] = [];
    for (const p of ['/', '/login']) {
      await page.goto(`${server.baseUrl}${p}`);
      problems.push(...(await seriousViolations(page)).map((v) => `${p}: ${v}`));
    }
    await logIn(page);
    await page.goto(`${server.baseUrl}/staff/agency/units`);
    problems.push(...(await seriousViolations(page)).map((v) => `units: ${v}`));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
