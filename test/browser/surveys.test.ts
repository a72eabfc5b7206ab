import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/test-context.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { SESSION_COOKIE } from '../../src/core/auth/sessions.js';
import { createCampaign, type Campaign } from '../../src/surveys/campaigns.js';
import { issueAccessCodes } from '../../src/surveys/access-codes.js';
import { qrSvg } from '../../src/surveys/render-qr-code.js';
import { surveyShape } from '../../src/surveys/survey-pages.js';
import { getFramework } from '../../src/assessment/frameworks/load-frameworks.js';
import { scoreFramework, type Respondent } from '../../src/assessment/score-framework.js';

/** Answers every radio group on each page with `choose` of its options, then sends. */
async function answerSurvey(page: Page, choose: 'first' | 'last'): Promise<void> {
  for (;;) {
    const groups = await page.locator('fieldset').all();
    for (const group of groups) {
      const radios = group.locator('input[type=radio]');
      await (choose === 'first' ? radios.first() : radios.last()).check();
    }
    const send = page.getByRole('button', { name: 'ส่งคำตอบ' });
    if (await send.count()) {
      await send.click();
      return;
    }
    await page.getByRole('button', { name: 'ถัดไป' }).click();
  }
}

/** What the test chose, as the engine's respondent: independent of what the app stored. */
function chosenAnswers(tool: 'IIT' | 'EIT', choose: 'first' | 'last'): Respondent {
  const shape = surveyShape(2566, tool);
  const answers: Respondent['answers'] = {};
  for (const q of shape.questions) {
    const options = shape.scaleOf(q).options;
    const value = (choose === 'first' ? options[0] : options.at(-1))!.value;
    answers[q.code] = q.subItems.length ? q.subItems.map(() => value) : value;
  }
  return { id: 'browser', answers };
}

function engineToolScore(tool: 'IIT' | 'EIT', respondents: Respondent[]): number {
  const framework = getFramework(2566);
  const others = Object.fromEntries(
    framework.indicators.filter((i) => i.tool !== tool).map((i) => [String(i.no), 0]),
  );
  return scoreFramework(framework, { fiscalYear: 2566, respondents, indicatorScores: others })
    .tools[tool];
}

void describe('surveys in a browser', () => {
  let t: TestContext;
  let server: RunningServer;
  let browser: Browser | undefined;
  let eit: Campaign;
  let iit: Campaign;
  let adminToken = '';

  before(async () => {
    t = await createTestContext();
    const dates = { fiscalYear: 2566, opensOn: '2020-01-01', closesOn: '2099-12-31' };
    eit = await createCampaign(t.ctx, { ...dates, tool: 'EIT', titleTh: 'EIT เบราว์เซอร์' });
    iit = await createCampaign(t.ctx, { ...dates, tool: 'IIT', titleTh: 'IIT เบราว์เซอร์' });
    const admin = await t.loginAs('agency_admin');
    adminToken = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(admin.cookie)![1]!;
    server = await startServer(t.web);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
  });

  void it('answers EIT through the QR link and IIT with a code; the dashboard agrees with the engine', async (tc) => {
    browser = await launchBrowser(tc);
    if (!browser) return;
    const staff = await browser.newContext();
    await staff.addCookies([{ name: SESSION_COOKIE, value: adminToken, url: server.baseUrl }]);
    const staffPage = await staff.newPage();

    // The poster's QR code encodes exactly the channel link, and that link is what we follow.
    await staffPage.goto(`${server.baseUrl}/staff/surveys/${eit.id}/poster`);
    const qrUrl = await staffPage.locator('[data-qr-url]').getAttribute('data-qr-url');
    assert.equal(qrUrl, `${server.baseUrl}/a/agency-a/surveys/${eit.id}?ch=qr`);
    // Compare the modules (the dark path) of the served QR with a fresh one of the URL.
    const darkPath = (svg: string) => /stroke="#000000"\s+d="([^"]+)"/.exec(svg)?.[1];
    const served = await staffPage.locator('[data-qr-url] svg').evaluate((e) => e.outerHTML);
    assert.ok(darkPath(served));
    assert.equal(darkPath(served), darkPath(await qrSvg(qrUrl!)));

    const citizen = await (await browser.newContext()).newPage();
    await citizen.goto(qrUrl!);
    await citizen.getByRole('button', { name: 'รับทราบและเริ่มตอบ' }).click();
    assert.match(await citizen.locator('main').innerText(), /หน้า 1 จาก 3/);
    await answerSurvey(citizen, 'last');
    assert.match(await citizen.locator('h1').innerText(), /ขอบคุณ/);

    const [code] = await issueAccessCodes(t.ctx, iit.id, 1);
    const officer = await (await browser.newContext()).newPage();
    await officer.goto(`${server.baseUrl}/a/agency-a/surveys/${iit.id}`);
    await officer.getByLabel('รหัสเข้าตอบ').fill(code!);
    await officer.getByRole('button', { name: 'รับทราบและเริ่มตอบ' }).click();
    await answerSurvey(officer, 'first');
    assert.match(await officer.locator('h1').innerText(), /ขอบคุณ/);

    for (const [campaign, choose] of [
      [eit, 'last'],
      [iit, 'first'],
    ] as const) {
      await staffPage.goto(`${server.baseUrl}/staff/surveys/${campaign.id}`);
      assert.equal(await staffPage.locator('[data-total]').innerText(), '1');
      const shown = await staffPage.locator('[data-score-tool]').innerText();
      const engine = engineToolScore(campaign.tool, [chosenAnswers(campaign.tool, choose)]);
      assert.equal(shown, engine.toFixed(2));
    }
    const channels = await staffPage.goto(`${server.baseUrl}/staff/surveys/${eit.id}`);
    assert.ok(channels?.ok());
    assert.equal(await staffPage.locator('[data-channel="qr"]').count(), 1);
  });
});
