import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import type { AgencyContext } from '../core/context.js';
import { docxToText, pdfToText } from '../core/documents/read-back.js';
import { closeBrowser } from '../core/documents/chromium.js';
import { remindersSent, actions, measures, publishedReports } from './schema.js';
import { agencies } from '../core/agencies/schema.js';
import { createPlanFromAnalysis } from './create-plan-from-analysis.js';
import { modules } from '../modules.js';
import { renderMeasuresReport } from './build-measures-report.js';
import { listMeasuresOfYear } from './queries.js';
import { renderTimelineSvg } from './render-timeline.js';
import { sendReminders } from './send-reminders.js';
import { measuresModule } from './module.js';
import { publishMeasuresReports } from './publish-measures-reports.js';

const squash = (s: string) => s.replace(/[\s\u200b]+/g, '');

void describe('measures reports, timeline and reminders', () => {
  let t: TestContext;
  let ctx: AgencyContext;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'measures-r-'));
    t = await createTestContext({ dataDir });
    ctx = (await t.makeAgency('phothong')).ctx;
    // The plan is made from the agency's analysis in the database: the demo seed writes it.
    await modules.find((m) => m.name === 'assessment')!.seed!(ctx);
    // Its analysis of the 2566 results makes the plan of 2567 (ita-framework.md section 7).
    await createPlanFromAnalysis(ctx, 2567);
  });
  after(async () => {
    await closeBrowser();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('writes a DOCX and a PDF that contain every measure', async () => {
    const list = await listMeasuresOfYear(ctx.db, ctx.agencyId, 2567, '2023-01-01');
    const docx = await docxToText(
      await renderMeasuresReport(ctx.db, ctx.agencyId, 2567, 'plan', 'docx', new Date()),
    );
    const started = Date.now();
    const pdf = await pdfToText(
      await renderMeasuresReport(ctx.db, ctx.agencyId, 2567, 'progress-report', 'pdf', new Date()),
    );
    console.log(`progress-report PDF rendered in ${Date.now() - started} ms`);
    for (const m of list) {
      // Titles keep their Thai digits; the report converts ASCII digits only.
      assert.ok(squash(docx).includes(squash(m.title)), `DOCX lacks ${m.title}`);
      assert.ok(squash(pdf).includes(squash(m.title).slice(0, 20)), `PDF lacks ${m.title}`);
    }
    assert.ok(squash(docx).includes('กองคลัง'));
    // The plan of 2567 names the analysis it puts into practice: that of the 2566 results.
    assert.match(squash(docx), /\(ITA\)ประจำปีงบประมาณพ\.ศ\.(2566|๒๕๖๖)ไปสู่การปฏิบัติ/);
  });

  void it('draws the fiscal year from ต.ค. to ก.ย. with a bar per measure', async () => {
    const list = await listMeasuresOfYear(ctx.db, ctx.agencyId, 2567, '2023-01-01');
    const svg = renderTimelineSvg(list, 2567, { today: '2023-01-01' });
    assert.match(svg, /ต\.ค\. 66/);
    assert.match(svg, /ก\.ย\. 67/);
    assert.equal((svg.match(/fill-opacity="0.25"/g) ?? []).length, 7);
  });

  void it('e-mails due and overdue reminders once, through a real SMTP server', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    const phothong = (
      await t.database.db.select().from(agencies).where(eq(agencies.slug, 'phothong'))
    )[0]!;
    const officer = await t.loginAs('unit_officer', phothong);
    // The officer owns one overdue and one nearly due action; units have no other staff.
    const all = await t.database.db
      .select()
      .from(actions)
      .where(eq(actions.agencyId, ctx.agencyId));
    const overdue = all.find((a) => a.dueDate < '2024-09-28')!;
    const dueSoon = all.find((a) => a.dueDate === '2024-09-30')!;
    for (const a of [overdue, dueSoon]) {
      await t.database.db
        .update(actions)
        .set({ officerUserId: officer.userId })
        .where(eq(actions.id, a.id));
    }
    try {
      const options = {
        smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
        mailFrom: 'prongsai@localhost',
        now: new Date('2024-09-28T03:00:00Z'),
        agencySlug: 'phothong',
      };
      const firstRun = await sendReminders(t.database.db, options);
      assert.equal(firstRun.sent, 2);
      assert.equal(received.length, firstRun.sent);
      const again = await sendReminders(t.database.db, options);
      assert.equal(again.sent, 0);
      assert.equal(received.length, firstRun.sent);
      const log = await t.database.db.select().from(remindersSent);
      assert.equal(log.length, firstRun.sent);
      assert.ok(log.some((r) => r.kind === 'overdue'));
      assert.ok(log.some((r) => r.kind === 'due_soon'));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  void it('publishes both reports in one step, served on the public site and in disclosures()', async () => {
    await publishMeasuresReports(ctx, 2567, { dataDir });
    const feeds = await measuresModule.disclosures!({
      db: ctx.db,
      agencyId: ctx.agencyId,
      agencySlug: 'phothong',
      fiscalYear: 2567,
    });
    assert.deepEqual(feeds.map((f) => f.feed).sort(), [
      'measures.plan',
      'measures.progress-report',
    ]);
    const pdfLink = feeds[0]!.links.find((l) => l.type === 'pdf')!.href;
    const res = await t.get(pdfLink);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal((await t.get('/a/phothong/measures/2568/plan.pdf')).status, 404);
  });

  void it('keeps every published version: the site serves the newest and lists the earlier', async () => {
    const v1 = await t.get('/a/phothong/measures/2567/plan.pdf');
    const v1Bytes = Buffer.from(await v1.arrayBuffer());
    // The plan changes, then is published again by someone else.
    const [first] = await listMeasuresOfYear(ctx.db, ctx.agencyId, 2567, '2023-01-01');
    await t.database.db
      .update(measures)
      .set({ title: `${first!.title} (ปรับปรุง)` })
      .where(eq(measures.id, first!.id));
    const exec = { ...ctx, actor: { ...ctx.actor, label: 'ผู้บริหารทดสอบ' } };
    await publishMeasuresReports(exec, 2567, { dataDir });

    const rows = await t.database.db
      .select()
      .from(publishedReports)
      .where(eq(publishedReports.agencyId, ctx.agencyId));
    assert.deepEqual(rows.map((r) => `${r.kind}:${r.version}:${r.publishedBy}`).sort(), [
      'plan:1:test-admin',
      'plan:2:ผู้บริหารทดสอบ',
      'progress-report:1:test-admin',
      'progress-report:2:ผู้บริหารทดสอบ',
    ]);
    const newest = Buffer.from(
      await (await t.get('/a/phothong/measures/2567/plan.pdf')).arrayBuffer(),
    );
    assert.ok(squash(await pdfToText(newest)).includes(squash('(ปรับปรุง)')), 'newest is version 2');
    const kept = await t.get('/a/phothong/measures/2567/plan-v1.pdf');
    assert.equal(kept.status, 200);
    assert.ok(
      Buffer.from(await kept.arrayBuffer()).equals(v1Bytes),
      'version 1 was not overwritten',
    );
    assert.equal((await t.get('/a/phothong/measures/2567/plan-v3.pdf')).status, 404);
    assert.equal((await t.get('/a/phothong/measures/2567/plan-v0.pdf')).status, 404);

    const feeds = await measuresModule.disclosures!({
      db: ctx.db,
      agencyId: ctx.agencyId,
      agencySlug: 'phothong',
      fiscalYear: 2567,
    });
    assert.equal(feeds.length, 2, 'one entry per report, not one per version');
    const plan = feeds.find((f) => f.feed === 'measures.plan')!;
    assert.match(plan.summary ?? '', /ฉบับที่ 2/);
    assert.deepEqual(
      plan.links.map((l) => l.href),
      [
        '/a/phothong/measures/2567/plan.pdf',
        '/a/phothong/measures/2567/plan.docx',
        '/a/phothong/measures/2567/plan-v1.pdf',
      ],
    );
    assert.match(plan.links[2]!.label, /ฉบับที่ 1 เผยแพร่/);
    const oit = await (await t.get('/a/phothong/oit/2567/o34')).text();
    assert.match(oit, /plan-v1\.pdf/, 'the OIT item lists the earlier version');
  });
});
