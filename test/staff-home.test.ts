import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { createTestContext, type TestContext, type TestSession } from './helpers/test-context.js';
import { listUnits } from '../src/core/agencies/units.js';
import { fiscalYearOf } from '../src/core/i18n/thai-format.js';
import { listFrameworkYears } from '../src/assessment/index.js';
import { disclosureEntries } from '../src/disclosure/schema.js';
import { saveEntry } from '../src/disclosure/save-entry.js';
import { returnEntry, submitEntry } from '../src/disclosure/review-entry.js';
import { createMeasure } from '../src/measures/create-measure.js';
import { actions } from '../src/measures/schema.js';
import { addDays, bangkokToday } from '../src/measures/fiscal-dates.js';
import { recordProgress } from '../src/measures/record-progress.js';
import { createCampaign } from '../src/surveys/campaigns.js';

/** label key → { count, href } of the "what waits for you" list on /staff. */
async function waitingOf(t: TestContext, session: TestSession) {
  const res = await t.get('/staff', session);
  assert.equal(res.status, 200);
  const html = await res.text();
  const out = new Map<string, { count: number; href: string }>();
  for (const m of html.matchAll(
    /data-waiting-item="([\w.]+)"><a href="([^"]+)">[^<]*<\/a> <span class="badge warn">(\d+)</g,
  )) {
    out.set(m[1]!, { href: m[2]!.replace(/&amp;/g, '&'), count: Number(m[3]) });
  }
  return { html, waiting: out };
}

void describe('a staff home that says what is waiting', () => {
  let t: TestContext;
  let dataDir: string;
  let admin: TestSession;
  let executive: TestSession;
  let officer: TestSession;
  before(async () => {
    t = await createTestContext();
    dataDir = mkdtempSync(path.join(tmpdir(), 'staff-home-'));
    admin = await t.loginAs('agency_admin');
    executive = await t.loginAs('executive');
    officer = await t.loginAs('unit_officer');
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('says nothing waits in a fresh agency', async () => {
    const { html, waiting } = await waitingOf(t, executive);
    assert.equal(waiting.size, 0);
    assert.match(html, /ไม่มีงานที่รอคุณในตอนนี้/);
  });

  void it('lists for each role what waits for that person, with counts and links', async () => {
    const today = bangkokToday(new Date());
    const year = listFrameworkYears().at(-1)!;
    // Disclosure: one item awaiting approval, one returned for correction.
    for (const itemCode of ['o1', 'o2']) {
      await saveEntry(t.ctx, { fiscalYear: year, itemCode, contentHtml: `<p>${itemCode}</p>` });
    }
    const entry = async (code: string) =>
      (
        await t.database.db
          .select()
          .from(disclosureEntries)
          .where(
            and(eq(disclosureEntries.agencyId, t.agency.id), eq(disclosureEntries.itemCode, code)),
          )
      )[0]!;
    await submitEntry(t.ctx, (await entry('o1')).id);
    await submitEntry(t.ctx, (await entry('o2')).id);
    const asExecutive = { ...t.ctx, actor: { ...t.ctx.actor, roles: ['executive' as const] } };
    await returnEntry(asExecutive, (await entry('o2')).id, 'แนบไฟล์ให้ครบ');
    // Measures: a step of the officer overdue, one due in three days, one report pending.
    const unitId = (await listUnits(t.ctx.db, t.agency.id))[0]!.id;
    const step = (date: string) => ({
      stepText: `ขั้นตอน ${date}`,
      unitId,
      officerUserId: officer.userId,
      startDate: date,
      dueDate: date,
    });
    const yesterday = addDays(today, -1);
    const soon = addDays(today, 3);
    const late = await createMeasure(
      t.ctx,
      { fiscalYear: fiscalYearOf(new Date(`${yesterday}T12:00:00+07:00`)), title: 'เลยกำหนด' },
      [step(yesterday)],
    );
    await createMeasure(
      t.ctx,
      { fiscalYear: fiscalYearOf(new Date(`${soon}T12:00:00+07:00`)), title: 'ใกล้กำหนด' },
      [step(soon)],
    );
    const [lateStep] = await t.database.db
      .select()
      .from(actions)
      .where(eq(actions.measureId, late.id));
    await recordProgress(t.ctx, lateStep!.id, { text: 'ทำแล้วครึ่งหนึ่ง', percent: 50 }, [], {
      dataDir,
    });
    // Surveys: an open campaign with no answers yet.
    await createCampaign(t.ctx, {
      fiscalYear: year,
      tool: 'EIT',
      titleTh: 'แบบวัด EIT',
      opensOn: today,
      closesOn: addDays(today, 30),
    });

    const forExecutive = (await waitingOf(t, executive)).waiting;
    assert.deepEqual(forExecutive.get('disclosure.waiting.toApprove'), {
      count: 1,
      href: '/staff/disclosure/review',
    });
    assert.equal(forExecutive.get('measures.waiting.progressToReview')?.count, 1);
    assert.ok((forExecutive.get('surveys.waiting.sampleShort')?.count ?? 0) > 0);
    assert.equal(forExecutive.has('measures.waiting.overdue'), false);

    const forOfficer = (await waitingOf(t, officer)).waiting;
    assert.equal(forOfficer.get('measures.waiting.overdue')?.count, 1);
    assert.equal(forOfficer.get('measures.waiting.dueSoon')?.count, 1);
    assert.equal(forOfficer.get('measures.waiting.dueSoon')?.href, '/staff/measures/mine');
    assert.equal(forOfficer.has('disclosure.waiting.toApprove'), false);

    const forAdmin = (await waitingOf(t, admin)).waiting;
    assert.equal(forAdmin.get('disclosure.waiting.returned')?.count, 1);
    assert.equal(
      forAdmin.get('disclosure.waiting.returned')?.href,
      `/staff/disclosure?year=${year}`,
    );
  });
});
