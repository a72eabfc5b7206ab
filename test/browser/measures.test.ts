import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext, type TestSession } from '../helpers/test-context.js';
import { createPlanFromAnalysis } from '../../src/measures/create-plan-from-analysis.js';
import { actions } from '../../src/measures/schema.js';
import { modules } from '../../src/modules.js';

// A tiny launcher: test/helpers/browser.ts is on branch coretests, not yet on main.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

void describe('measures in a browser', () => {
  let t: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void>;
  let dataDir: string;
  let actionId: string;
  let officer: TestSession;
  let executive: TestSession;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'measures-b-'));
    t = await createTestContext({ dataDir });
    const { agency, ctx } = await t.makeAgency('phothong');
    // The plan is made from the agency's analysis in the database: the demo seed writes it.
    await modules.find((m) => m.name === 'assessment')!.seed!(ctx);
    await createPlanFromAnalysis(ctx, 2567); // from its analysis of 2566
    officer = await t.loginAs('unit_officer', agency);
    executive = await t.loginAs('executive', agency);
    const [action] = await t.database.db
      .select()
      .from(actions)
      .where(eq(actions.agencyId, agency.id))
      .limit(1);
    actionId = action!.id;
    await t.database.db
      .update(actions)
      .set({ officerUserId: officer.userId })
      .where(eq(actions.id, actionId));
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function pageAs(session: TestSession) {
    const context = await browser.newContext();
    await context.addCookies(
      session.cookie.split('; ').map((pair) => {
        const [name, ...rest] = pair.split('=');
        return { name: name!, value: rest.join('='), url: baseUrl };
      }),
    );
    return context.newPage();
  }

  void it('an officer records progress with evidence and an executive approves it', async () => {
    const mine = await pageAs(officer);
    await mine.goto(`${baseUrl}/staff/measures/mine`);
    await mine.locator(`a[href="/staff/measures/actions/${actionId}"]`).click();
    await mine.getByLabel('ผลการดำเนินงาน').fill('ประกาศมาตรการตรวจสอบการใช้ดุลพินิจแล้ว');
    await mine.getByLabel('ร้อยละความก้าวหน้า (0–100)').fill('100');
    await mine.getByLabel(/ไฟล์หลักฐาน/).setInputFiles({
      name: 'ประกาศ.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% evidence\n'),
    });
    await mine.getByRole('button', { name: 'ส่งรายงานความก้าวหน้า' }).click();
    await mine.getByText('ส่งรายงานความก้าวหน้าแล้ว รอผู้บริหารอนุมัติ').waitFor();
    assert.ok(await mine.getByRole('link', { name: 'ประกาศ.pdf' }).isVisible());

    // A wrong file type is refused with the Thai message.
    await mine.getByLabel('ผลการดำเนินงาน').fill('แนบไฟล์ผิดชนิด');
    await mine.getByLabel('ร้อยละความก้าวหน้า (0–100)').fill('50');
    await mine.getByLabel(/ไฟล์หลักฐาน/).setInputFiles({
      name: 'virus.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ not a pdf'),
    });
    const refused = mine.waitForResponse((r) => r.url().endsWith('/progress'));
    await mine.getByRole('button', { name: 'ส่งรายงานความก้าวหน้า' }).click();
    assert.equal((await refused).status(), 422);
    await mine.getByText('ไฟล์หลักฐานต้องเป็น PDF, JPG, PNG, DOCX หรือ XLSX เท่านั้น').first().waitFor();

    const boss = await pageAs(executive);
    await boss.goto(`${baseUrl}/staff/measures?year=2567`);
    await boss.getByRole('heading', { name: 'รายงานความก้าวหน้าที่รออนุมัติ' }).waitFor();
    await boss.goto(`${baseUrl}/staff/measures/actions/${actionId}`);
    await boss.getByLabel('ความเห็นของผู้บริหาร').fill('ดำเนินการได้ดี');
    await boss.getByRole('button', { name: 'อนุมัติ' }).click();
    await boss.getByText('อนุมัติรายงานความก้าวหน้าแล้ว').waitFor();
    const [row] = await t.database.db.select().from(actions).where(eq(actions.id, actionId));
    assert.equal(row!.percent, 100);
    assert.equal(row!.status, 'done');
    const download = await boss.request.get(
      `${baseUrl}/staff/measures/reports/2567/progress-report.docx`,
    );
    assert.equal(download.status(), 200);
  });
});
