import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedDemoAgency } from '../core/agencies/seed-demo.js';
import { modules } from '../modules.js';

void describe('seedAssessment (demo agency)', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  void it('loads the seed 2566 result (stated ผ่านดี), a demo 2565 and the analysis, once', async () => {
    await seedDemoAgency(t.systemCtx, modules);
    await seedDemoAgency(t.systemCtx, modules);
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
  });
});
