import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  createTestContext,
  type Agency,
  type TestContext,
  type TestSession,
} from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { createAgency } from '../../src/core/agencies/create-agency.js';
import { chromiumUsage, closeBrowser } from '../../src/core/documents/chromium.js';
import { openingFiscalYear } from '../../src/core/i18n/thai-format.js';
import { getFramework, listFrameworkYears } from '../../src/assessment/index.js';
import { itemCodesForFeed } from '../../src/disclosure/load-year-data.js';

/**
 * A new municipality on a fresh instance (demo off), walked in Chromium as its people would:
 * the admin imports the agency's own results of last fiscal year, reads its weak questions,
 * writes its analysis and makes this year's plan from it; an officer's progress is approved by
 * the executive, who publishes the reports; a citizen finds them on this year's OIT items. Every
 * page is checked for the demo agency's name, data and year: none of them may leak into another
 * agency's product.
 */
// runs on both databases (scripts/run-tests.ts): the walk is the acceptance test.
const YEAR = openingFiscalYear([], new Date(), listFrameworkYears());
/**
 * The results the officer imports and analyses: last year's (the newest that can be scored).
 * The measures of YEAR are built on them, and the OIT of YEAR asks for that analysis with this
 * year's plan and progress (ita-framework.md section 7; docs/decisions/0009).
 */
const RESULTS_YEAR = YEAR - 1;
const DEMO_YEAR = 2566;
const DEMO_TEXTS = ['โพธิ์ทอง', 'phothong', 'Phothong', 'ร้อยเอ็ด', 'phothong-roiet'];
const AGENCY_NAME = 'องค์การบริหารส่วนตำบลหนองบัวใหม่';
const OWN_MEASURE = 'มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้างของ อบต.หนองบัวใหม่';

/** The agency's question-level results: every item at 100 except three weak questions. */
function resultsCsv(): { csv: string; weak: string[] } {
  const framework = getFramework(RESULTS_YEAR);
  const questions = [...framework.iitQuestions, ...framework.eitQuestions].map((q) => q.code);
  const weak = questions.slice(0, 3);
  const rows = [
    ...questions.map((code) => `${code},${weak.includes(code) ? '61.5' : '100'}`),
    ...framework.oitItems.map((i) => `${i.code},100`),
  ];
  return { csv: ['question,score', ...rows].join('\n'), weak };
}

void describe('a fresh agency through the whole ITA cycle, in Chromium', () => {
  let t: TestContext;
  let server: RunningServer;
  let browser: Browser | undefined;
  let dataDir: string;
  let agency: Agency;
  let admin: TestSession;
  let executive: TestSession;
  const visited: string[] = [];

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'prongsai-walk-'));
    t = await createTestContext({ dataDir, seedDemo: false });
    agency = await createAgency(t.systemCtx, {
      slug: 'nongbuamai',
      nameTh: AGENCY_NAME,
      provinceTh: 'ขอนแก่น',
      unitsTh: ['สำนักปลัด', 'กองคลัง', 'กองช่าง'],
    });
    admin = await t.loginAs('agency_admin', agency);
    executive = await t.loginAs('executive', agency);
    server = await startServer(t.web);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await closeBrowser();
    await server?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function pageAs(session: TestSession | null): Promise<Page> {
    const context = await browser!.newContext({ acceptDownloads: true });
    if (session) {
      await context.addCookies(
        session.cookie.split('; ').map((pair) => {
          const [name, ...rest] = pair.split('=');
          return { name: name!, value: rest.join('='), url: server.baseUrl };
        }),
      );
    }
    return context.newPage();
  }

  /** Fails when the page shows the demo agency's name, data or year. */
  async function assertNoDemo(page: Page) {
    const url = page.url();
    visited.push(url.replace(server.baseUrl, ''));
    // Year pickers (selects, year navs) list every year with criteria; what the page shows counts.
    const text = await page.evaluate(() => {
      const root = (document.querySelector('main') ?? document.body).cloneNode(true) as Element;
      // A "where this rule comes from" detail names the year of a rule's source (a 2566
      // document), which is provenance, not the demo agency's data.
      root
        .querySelectorAll('select, option, nav, script, style, details')
        .forEach((e) => e.remove());
      return `${document.title}\n${root.textContent ?? ''}`;
    });
    for (const demo of DEMO_TEXTS) {
      const at = text.indexOf(demo);
      assert.ok(at < 0, `${url} shows the demo agency's: …${text.slice(at - 80, at + 40)}…`);
    }
    const shown = text;
    if (YEAR !== DEMO_YEAR) {
      for (const year of [String(DEMO_YEAR), '๒๕๖๖']) {
        const at = shown.indexOf(year);
        assert.ok(at < 0, `${url} shows the demo year: …${shown.slice(at - 80, at + 40)}…`);
      }
    }
  }

  async function go(page: Page, pathname: string) {
    const response = await page.goto(`${server.baseUrl}${pathname}`);
    assert.ok(response && response.status() < 400, `${pathname} → ${response?.status()}`);
    await assertNoDemo(page);
  }

  async function submit(page: Page, selector: string) {
    await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
    await page.waitForLoadState('load');
    const main = await page.locator('main').innerText();
    assert.ok(!/เกิดข้อผิดพลาด|Internal/.test(main), `${page.url()}: ${main.slice(0, 300)}`);
    await assertNoDemo(page);
  }

  void it('imports, analyses, plans, reports, approves and publishes, showing only its own', async () => {
    const { csv, weak } = resultsCsv();
    const office = await pageAs(admin);

    // Assessment opens on this fiscal year: the agency has no data yet.
    await go(office, '/staff/assessment');
    assert.match(office.url(), new RegExp(`/staff/assessment/years/${YEAR}$`));

    // 0. The measures board opens on this year's plan and says it is made from last year's
    // analysis, which is not written yet, and where to write it.
    await go(office, '/staff/measures');
    assert.match(await office.locator('main h1').innerText(), new RegExp(String(YEAR)));
    assert.match(
      await office.locator('main').innerText(),
      new RegExp(`ผลการวิเคราะห์ปี ${RESULTS_YEAR}`),
    );
    assert.equal(
      await office
        .locator(`main a[href="/staff/assessment/years/${RESULTS_YEAR}/analysis"]`)
        .count(),
      1,
      'the board leads to the analysis its plan needs',
    );

    // 1. Import its own results of last year.
    await go(office, '/staff/assessment/import');
    await office.selectOption('select[name=fiscalYear]', String(RESULTS_YEAR));
    await office.setInputFiles('input[name=file]', {
      name: 'ผลการประเมิน.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await submit(office, 'main button[type=submit]');
    await submit(office, 'form[action="/staff/assessment/import/confirm"] button[type=submit]');
    assert.match(office.url(), new RegExp(`/staff/assessment/years/${RESULTS_YEAR}`));

    // 2. Its weak questions are the ones it scored low on.
    const dashboard = await office.locator('main').innerText();
    for (const code of weak) assert.match(dashboard, new RegExp(`${code} \\(`));

    // 3. The analysis, started from its results; one area's measure written by its staff.
    await go(office, `/staff/assessment/years/${RESULTS_YEAR}/analysis`);
    await submit(office, `form[action$="/analysis/start"] button[type=submit]`);
    const firstArea = office.locator(`main ol a[href*="/analysis/areas/"]`).first();
    await Promise.all([office.waitForLoadState('load'), firstArea.click()]);
    await assertNoDemo(office);
    await office.fill('[name="measures.0.measureTh"]', OWN_MEASURE);
    await office.fill(
      '[name="measures.0.stepsTh"]',
      'ประชุมกองช่างกำหนดรายการที่ต้องเผยแพร่\nเผยแพร่ผลการจัดซื้อจัดจ้างรายเดือน',
    );
    await office.fill('[name="measures.0.responsibleUnitTh"]', 'กองช่าง');
    await submit(office, 'main form button[type=submit]');

    // 4. The plan from the analysis: the measures page opens on this year, the year after the
    // analysis's, and its steps fall inside this fiscal year (not last year's, which is over).
    await go(office, '/staff/measures');
    assert.equal(
      await office
        .locator('form[action="/staff/measures/plan-from-analysis"] input[name=fiscalYear]')
        .inputValue(),
      String(YEAR),
    );
    assert.match(
      await office.locator('main').innerText(),
      new RegExp(`ผลการวิเคราะห์ปี ${RESULTS_YEAR}`),
    );
    assert.equal(
      await office
        .locator(`main a[href="/staff/assessment/years/${RESULTS_YEAR}/analysis"]`)
        .count(),
      0,
      'the analysis is written: nothing left to do first',
    );
    await submit(office, 'form[action="/staff/measures/plan-from-analysis"] button[type=submit]');
    assert.match(await office.locator('main').innerText(), new RegExp(OWN_MEASURE));
    const ownSteps = office
      .locator('main section.card')
      .filter({ hasText: OWN_MEASURE })
      .locator('tbody tr');
    assert.equal(await ownSteps.count(), 2);
    // Steps spread over FY YEAR: the first ends in March, the second in September of YEAR (พ.ศ.).
    for (const row of await ownSteps.all()) {
      assert.match(await row.locator('td').nth(2).innerText(), new RegExp(`${YEAR}$`));
    }

    // 5. Actions and progress: the first step of its own measure.
    await Promise.all([
      office.waitForLoadState('load'),
      office.getByRole('link', { name: OWN_MEASURE }).first().click(),
    ]);
    await assertNoDemo(office);
    await Promise.all([
      office.waitForLoadState('load'),
      office.getByRole('link', { name: 'ประชุมกองช่างกำหนดรายการที่ต้องเผยแพร่' }).click(),
    ]);
    await assertNoDemo(office);
    await office.getByLabel('ผลการดำเนินงาน').fill('ประชุมแล้ว กำหนดรายการเผยแพร่ ๑๒ รายการ');
    await office.getByLabel('ร้อยละความก้าวหน้า (0–100)').fill('100');
    await submit(office, 'main form button:has-text("ส่งรายงานความก้าวหน้า")');
    const actionUrl = office.url().replace(server.baseUrl, '').split('?')[0]!;

    // 6. The executive approves the progress, then publishes the reports.
    const boss = await pageAs(executive);
    await go(boss, '/staff/measures');
    await boss.getByRole('heading', { name: 'รายงานความก้าวหน้าที่รออนุมัติ' }).waitFor();
    await go(boss, actionUrl);
    await boss.getByLabel('ความเห็นของผู้บริหาร').fill('เห็นชอบ');
    await submit(boss, 'main form button:has-text("อนุมัติ")');
    await boss.getByText('อนุมัติรายงานความก้าวหน้าแล้ว').waitFor();

    await go(boss, `/staff/measures?year=${YEAR}`);
    await submit(boss, 'form[action="/staff/measures/publish"] button[type=submit]');
    await go(boss, `/staff/assessment/years/${RESULTS_YEAR}/analysis`);
    await submit(boss, 'form[action$="/analysis/publish"] button[type=submit]');
    assert.match(await boss.locator('#publish').innerText(), /ฉบับที่ 1/);

    // 7. A citizen finds the published reports on the agency's OIT site, and no visit of the
    // citizen's starts a render: what is downloaded is what the executive published.
    const before = chromiumUsage();
    const citizen = await pageAs(null);
    const site = `/a/${agency.slug}`;
    await go(citizen, site);
    assert.match(await citizen.locator('body').innerText(), new RegExp(AGENCY_NAME));
    await go(citizen, `${site}/oit`);
    assert.match(await citizen.locator('main').innerText(), new RegExp(String(YEAR)));
    // This year's OIT items show last year's analysis beside this year's plan and progress.
    const feeds = {
      'assessment.analysis-report': `${site}/assessment/${RESULTS_YEAR}/analysis-report.pdf`,
      'measures.plan': `${site}/measures/${YEAR}/plan.pdf`,
      'measures.progress-report': `${site}/measures/${YEAR}/progress-report.pdf`,
    };
    for (const [feed, href] of Object.entries(feeds)) {
      const codes = itemCodesForFeed(YEAR, feed);
      assert.ok(codes.length > 0, `the ${YEAR} feeds data maps ${feed} to an OIT item`);
      await go(citizen, `${site}/oit/${YEAR}/${codes[0]}`);
      const link = citizen.locator(`main a[href="${href}"]`);
      assert.equal(await link.count(), 1, `${feed} linked on ${codes[0]}`);
      const file = await citizen.request.get(`${server.baseUrl}${href}`);
      assert.equal(file.status(), 200, href);
      assert.equal((await file.body()).subarray(0, 5).toString(), '%PDF-');
      assert.ok(file.headers().etag, `${href} has an ETag`);
    }
    assert.deepEqual(chromiumUsage(), before, "no render for a citizen's visit");
    assert.ok(visited.length >= 15, `pages checked: ${visited.length}`);
  });
});
