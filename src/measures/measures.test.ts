import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { listUnits } from '../core/agencies/units.js';
import { auditLog } from '../core/audit/schema.js';
import type { AgencyContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { actions, measures, progressUpdates } from './schema.js';
import { createMeasure } from './create-measure.js';
import { addAction } from './add-action.js';
import { createPlanFromAnalysis } from './create-plan-from-analysis.js';
import { recordProgress } from './record-progress.js';
import { reviewProgress } from './review-progress.js';
import { carryOverMeasures } from './carry-over-measures.js';
import { updateAction } from './update-action.js';
import { listMeasuresOfYear, listMyActions } from './queries.js';
import { storedFilePath } from '../core/files/index.js';
import { modules } from '../modules.js';
import { startAnalysis } from '../assessment/index.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n% test evidence\n');
const EXE = new TextEncoder().encode('MZ\x90\x00 not a document');

async function refusedWith(promise: Promise<unknown>, key: string) {
  await assert.rejects(promise, (e: unknown) => e instanceof AppError && e.messageKey === key);
}

void describe('measures use cases', () => {
  let t: TestContext;
  let ctx: AgencyContext;
  let dataDir: string;
  let unitId: string;
  let otherUnitId: string;
  before(async () => {
    t = await createTestContext();
    dataDir = mkdtempSync(path.join(tmpdir(), 'measures-'));
    const phothong = await t.makeAgency('phothong');
    ctx = phothong.ctx;
    // The plan is made from the agency's analysis in the database: the demo seed writes it.
    await modules.find((m) => m.name === 'assessment')!.seed!(ctx);
    unitId = (await listUnits(ctx.db, ctx.agencyId))[0]!.id;
    otherUnitId = (await listUnits(t.ctx.db, t.ctx.agencyId))[0]!.id;
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it("makes another agency's plan from its own analysis, never the demo's", async () => {
    const { ctx: other } = await t.makeAgency();
    await refusedWith(createPlanFromAnalysis(other, 2567), 'measures.errors.noAnalysis');
    await startAnalysis(other, { fiscalYear: 2566 });
    // Its staff write one measure, owned by one of its units.
    const area = 'operating-process';
    await t.database.db.execute(
      sql`update assessment_analysis_areas set measures = ${JSON.stringify([
        {
          measureTh: 'มาตรการของหน่วยงานเอง',
          methodsTh: ['วิธีการ'],
          stepsTh: ['ขั้นที่หนึ่ง', 'ขั้นที่สอง'],
          responsibleUnitTh: 'กองคลัง',
          timelineTh: 'ตลอดปี',
        },
      ])}::jsonb where agency_id = ${other.agencyId} and area_code = ${area}`,
    );
    await t.database.db.execute(
      sql`update assessment_analysis_areas set measures = '[]'::jsonb where agency_id = ${other.agencyId} and area_code <> ${area}`,
    );
    assert.deepEqual(await createPlanFromAnalysis(other, 2567), { created: 1, skipped: 0 });
    const board = await listMeasuresOfYear(other.db, other.agencyId, 2567, '2023-01-01');
    assert.deepEqual(
      board.map((m) => [m.title, m.actions.length]),
      [['มาตรการของหน่วยงานเอง', 2]],
    );
  });

  void it('creates the seven measure areas from the analysis, once', async () => {
    const first = await createPlanFromAnalysis(ctx, 2567);
    assert.equal(first.created, 7);
    const again = await createPlanFromAnalysis(ctx, '2567');
    assert.deepEqual(again, { created: 0, skipped: 7 });
    const board = await listMeasuresOfYear(ctx.db, ctx.agencyId, 2567, '2023-01-01');
    assert.equal(board.length, 7);
    const finance = board.filter((m) => m.actions[0]!.unitName === 'กองคลัง');
    assert.equal(finance.length, 2);
    assert.equal(
      board.reduce((s, m) => s + m.actions.length, 0),
      43,
    );
    // The plan of 2567 is built on the analysis of the 2566 results (ita-framework.md section
    // 7), and its steps fall inside FY 2567 (1 Oct 2023 to 30 Sep 2024), none overdue then.
    assert.ok(board.every((m) => m.sourceRef?.startsWith('analysis:2566:')));
    for (const m of board) {
      for (const a of m.actions) {
        assert.ok(a.startDate <= a.dueDate);
        assert.ok(a.startDate >= '2023-10-01' && a.dueDate <= '2024-09-30', a.dueDate);
      }
    }
  });

  void it('refuses a plan whose previous year has no analysis, naming that year', async () => {
    // The demo agency has 2565 results but no analysis of them: no plan of 2566.
    await assert.rejects(
      createPlanFromAnalysis(ctx, 2566),
      (e: unknown) =>
        e instanceof AppError &&
        e.messageKey === 'measures.errors.noAnalysis' &&
        e.details.analysisYear === 2565,
    );
  });

  void it('refuses dates out of order and a unit of another agency, saving nothing', async () => {
    const count = async () => (await t.database.db.select().from(measures)).length;
    const n = await count();
    const measure = { fiscalYear: 2565, title: 'มาตรการทดสอบ' };
    const step = { stepText: 'ขั้นตอน', unitId, startDate: '2022-05-01', dueDate: '2022-04-01' };
    await refusedWith(createMeasure(ctx, measure, [step]), 'measures.errors.datesOutOfOrder');
    await refusedWith(
      createMeasure(ctx, measure, [{ ...step, dueDate: '2022-06-01', unitId: otherUnitId }]),
      'measures.errors.unitNotFound',
    );
    await refusedWith(
      createMeasure(ctx, measure, [{ ...step, startDate: '2022-02-30' }]),
      'measures.errors.badDate',
    );
    assert.equal(await count(), n);
  });

  void it("refuses a step dated outside its measure's fiscal year, on create, add and edit", async () => {
    const count = async () => (await t.database.db.select().from(actions)).length;
    const n = await count();
    // Fiscal year 2565 runs from 1 Oct 2021 to 30 Sep 2022.
    const step = { stepText: 'ขั้นตอน', unitId, startDate: '2021-09-30', dueDate: '2021-12-31' };
    await refusedWith(
      createMeasure(ctx, { fiscalYear: 2565, title: 'นอกปี' }, [step]),
      'measures.errors.outsideFiscalYear',
    );
    const m = await createMeasure(ctx, { fiscalYear: 2565, title: 'ในปี' }, [
      { ...step, startDate: '2021-10-01' },
    ]);
    await refusedWith(
      addAction(ctx, m.id, { ...step, startDate: '2022-09-01', dueDate: '2022-10-01' }),
      'measures.errors.outsideFiscalYear',
    );
    const [inYear] = await t.database.db.select().from(actions).where(eq(actions.measureId, m.id));
    await refusedWith(
      updateAction(ctx, inYear!.id, {
        ...step,
        startDate: '2021-10-01',
        dueDate: '2023-01-01',
        status: 'in_progress',
      }),
      'measures.errors.outsideFiscalYear',
    );
    assert.equal(await count(), n + 1);
  });

  void it('adds a measure by hand and an action, audited', async () => {
    const m = await createMeasure(ctx, { fiscalYear: 2565, title: 'มาตรการเพิ่มเอง' }, [
      { stepText: 'ขั้นแรก', unitId, startDate: '2021-10-01', dueDate: '2021-12-31' },
    ]);
    const a = await addAction(ctx, m.id, {
      stepText: 'ขั้นที่สอง',
      unitId,
      startDate: '2022-01-01',
      dueDate: '2022-03-31',
    });
    assert.equal(a.sortOrder, 1);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
    assert.equal(entries[0]?.action, 'measures.action.create');
  });

  void it('records progress with evidence, refuses bad percent and bad files, and approves', async () => {
    const [action] = await t.database.db
      .select()
      .from(actions)
      .where(eq(actions.agencyId, ctx.agencyId));
    const before = (await t.database.db.select().from(progressUpdates)).length;
    await refusedWith(
      recordProgress(ctx, action!.id, { text: 'ทำแล้ว', percent: 120 }, [], { dataDir }),
      'measures.errors.percentRange',
    );
    await refusedWith(
      recordProgress(
        ctx,
        action!.id,
        { text: 'ทำแล้ว', percent: 50 },
        [{ fileName: 'report.pdf', bytes: EXE }],
        { dataDir },
      ),
      'measures.errors.evidenceType',
    );
    assert.equal((await t.database.db.select().from(progressUpdates)).length, before);
    const update = await recordProgress(
      ctx,
      action!.id,
      { text: 'ประกาศมาตรการแล้ว', percent: 100, links: ['https://example.go.th/x'] },
      [{ fileName: 'ประกาศ.pdf', bytes: PDF }],
      { dataDir },
    );
    const mine = await listMyActions(
      ctx.db,
      ctx.agencyId,
      '00000000-0000-0000-0000-000000000001',
      '2024-01-01',
    );
    assert.equal(mine.length, 0);
    const approved = await reviewProgress(ctx, update.id, { decision: 'approve', comment: 'ดีมาก' });
    assert.equal(approved.state, 'approved');
    const [after] = await t.database.db.select().from(actions).where(eq(actions.id, action!.id));
    assert.equal(after!.percent, 100);
    assert.equal(after!.status, 'done');
    await refusedWith(
      reviewProgress(ctx, update.id, { decision: 'approve' }),
      'measures.errors.alreadyReviewed',
    );
    const { createHash } = await import('node:crypto');
    assert.ok(existsSync(storedFilePath(dataDir, createHash('sha256').update(PDF).digest('hex'))));
  });

  void it('carries unfinished measures into the next year, once', async () => {
    const first = await carryOverMeasures(ctx, 2567);
    assert.equal(first.carried, 7);
    assert.equal((await carryOverMeasures(ctx, 2567)).carried, 0);
    const next = await listMeasuresOfYear(ctx.db, ctx.agencyId, 2568, '2023-01-01');
    const carried = next.filter((m) => m.carriedFromId);
    assert.equal(carried.length, 7);
    // The finished action stayed behind.
    assert.equal(
      carried.reduce((s, m) => s + m.actions.length, 0),
      42,
    );
    // Left behind, the unfinished steps are carried over: closed and never overdue.
    const old = await listMeasuresOfYear(ctx.db, ctx.agencyId, 2567, '2030-01-01');
    const left = old.flatMap((m) => m.actions);
    assert.equal(left.filter((a) => a.status === 'carried_over').length, 42);
    assert.equal(left.filter((a) => a.overdue).length, 0);
    await refusedWith(
      recordProgress(
        ctx,
        left.find((a) => a.status === 'carried_over')!.id,
        { text: 'x', percent: 50 },
        [],
        { dataDir },
      ),
      'measures.errors.actionCarriedOver',
    );
    // Their copies go on, and are overdue when next year's due date has passed.
    const late = await listMeasuresOfYear(ctx.db, ctx.agencyId, 2568, '2030-01-01');
    assert.ok(late.flatMap((m) => m.actions).every((a) => a.overdue));
  });
});
