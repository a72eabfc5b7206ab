import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedDemoAgency } from '../core/agencies/seed-demo.js';
import { modules } from '../modules.js';

void describe('seedAssessment (demo agency)', () => {
  let t: TestContext;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'seed-demo-'));
    t = await createTestContext({ dataDir });
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('loads the seed 2566 result (stated ผ่านดี), a demo 2565 and the analysis, once', async () => {
    // As `serve` seeds: with the file store, so the demo publishes its analysis report.
    await seedDemoAgency(t.systemCtx, modules, { dataDir });
    await seedDemoAgency(t.systemCtx, modules, { dataDir });
    const results = await t.database.query<{
      fiscal_year: number;
      total: string;
      stated: string | null;
      is_demo: boolean;
    }>(
      `select r.fiscal_year, r.total::text as total, r.stated_level_th as stated, r.is_demo
         from assessment_results r join core_agencies a on a.id = r.agency_id
        where a.slug = 'phothong' order by r.fiscal_year`,
    );
    assert.deepEqual(
      results.map((r) => [r.fiscal_year, r.stated, r.is_demo]),
      [
        [2565, null, true],
        [2566, 'ผ่านดี', true],
      ],
    );
    assert.equal(results[1]!.total, '99.50');
    const areas = await t.database.query<{ n: number; m: number }>(
      `select count(*)::int as n, sum(jsonb_array_length(measures))::int as m
         from assessment_analysis_areas where fiscal_year = 2566`,
    );
    assert.deepEqual(areas[0], { n: 7, m: 7 });
    // Its measures are the plan of 2567, made from that analysis of the 2566 results.
    const plans = await t.database.query<{ fiscal_year: number; n: number }>(
      `select fiscal_year, count(*)::int as n from measures_measures
        where source_ref like 'analysis:2566:%' group by fiscal_year`,
    );
    assert.deepEqual(plans, [{ fiscal_year: 2567, n: 7 }]);
  });

  void it('publishes the analysis report once, so the demo OIT site links the frozen PDF', async () => {
    const published = await t.database.query<{ version: number; by: string }>(
      `select p.version, p.published_by as by from assessment_published_reports p
         join core_agencies a on a.id = p.agency_id where a.slug = 'phothong'`,
    );
    assert.deepEqual(published, [{ version: 1, by: 'seed' }], 'published once over two seedings');
    // The analysis of the 2566 results belongs to the OIT of 2567 (o34 there), beside the
    // measures of 2567 it is the basis of (ita-framework.md section 7), not to the OIT of 2566.
    const item = await (await t.get('/a/phothong/oit/2567/o34')).text();
    assert.match(item, /\/a\/phothong\/assessment\/2566\/analysis-report\.pdf/);
    const before = await (await t.get('/a/phothong/oit/2566/o42')).text();
    assert.doesNotMatch(before, /analysis-report\.pdf/);
    const pdf = await t.get('/a/phothong/assessment/2566/analysis-report.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    await pdf.arrayBuffer();
  });
});
