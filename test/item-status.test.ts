import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type Agency, type TestContext } from './helpers/test-context.js';
import { seedDemoAgency } from '../src/core/agencies/seed-demo.js';
import { agencies } from '../src/core/agencies/schema.js';
import { listOitYears } from '../src/disclosure/oit-items.js';
import { getFramework } from '../src/assessment/index.js';
import { modules } from '../src/modules.js';

/** item code → status, from the `data-item-status` every status-showing page writes. */
async function statusesOf(res: Response): Promise<Map<string, string>> {
  assert.equal(res.status, 200);
  const html = await res.text();
  const out = new Map<string, string>();
  for (const m of html.matchAll(/data-item="(o\d+)" data-item-status="([a-z_]+)"/g)) {
    out.set(m[1]!, m[2]!);
  }
  return out;
}

/** What a citizen may know of a status: a draft or one awaiting approval is not public. */
const publicOf = (status: string) =>
  status === 'draft' || status === 'in_review' ? 'missing' : status;

void describe('one status per OIT item on every page', () => {
  let t: TestContext;
  let demo: Agency;
  before(async () => {
    t = await createTestContext();
    await seedDemoAgency(t.systemCtx, modules);
    demo = (await t.database.db.select().from(agencies)).find((a) => a.slug === 'phothong')!;
  });
  after(() => t.close());

  const placeholders = (year: number) =>
    new Set(
      getFramework(year)
        .oitItems.filter((i) => i.basis === 'placeholder')
        .map((i) => i.code),
    );

  void it('gives the staff list, the readiness page and the public index the same status', async () => {
    const staff = await t.loginAs('agency_admin', demo);
    let compared = 0;
    const seen = new Set<string>();
    for (const year of listOitYears()) {
      const list = await statusesOf(await t.get(`/staff/disclosure?year=${year}`, staff));
      const readiness = await statusesOf(
        await t.get(`/staff/disclosure/readiness?year=${year}`, staff),
      );
      const index = await statusesOf(await t.get(`/a/phothong/oit?year=${year}`));
      assert.ok(list.size > 0 && readiness.size === list.size, `${year}: ${list.size} items`);
      for (const [code, status] of list) {
        assert.equal(readiness.get(code), status, `${year} ${code}: list vs readiness`);
        // A placeholder of a year whose list is not known stays off the citizen's index
        // until the agency publishes something there (read-public-oit.ts).
        const hidden = placeholders(year).has(code) && status === 'missing';
        assert.equal(
          index.get(code),
          hidden ? undefined : publicOf(status),
          `${year} ${code}: list vs public index`,
        );
        seen.add(status);
        compared += 1;
      }
    }
    assert.ok(compared > 100, `${compared} item-years compared`);
    // The demo has published items and items the site's own pages fill (o1, o2 of later years).
    assert.ok(seen.has('published') && seen.has('missing'), [...seen].join(','));
  });
});
