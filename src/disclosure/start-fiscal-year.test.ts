import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { ForbiddenError } from '../core/errors.js';
import { seedDisclosure } from './seed.js';
import { startFiscalYear } from './start-fiscal-year.js';
import { estimateReadiness } from './estimate-readiness.js';
import { diffOitItems, listOitItems } from './oit-items.js';

void describe('startFiscalYear (copy forward)', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    await seedDisclosure(t.ctx);
  });
  after(() => t.close());

  void it('carries standing items as published and flags current-year items for renewal', async () => {
    const result = await startFiscalYear(t.ctx, 2567);
    const items2567 = listOitItems(2567);
    const standing = items2567.filter((i) => i.period === 'none').map((i) => i.code);
    assert.ok(standing.length > 0);
    for (const code of standing) {
      if (result.notCopied.includes(code)) continue;
      assert.ok(result.carried.includes(code), `${code} carried`);
    }
    const current = items2567.find(
      (i) => i.period === 'current' && !result.notCopied.includes(i.code),
    )!;
    assert.ok(result.toRenew.includes(current.code));

    const r = await estimateReadiness(t.database.db, t.agency.id, 2567, { now: new Date() });
    const currentItem = r.items.find((i) => i.item.code === current.code)!;
    assert.equal(currentItem.status, 'draft');
    assert.ok(currentItem.reasons.includes('disclosure.readiness.reasons.needsRenewal'));
    assert.equal(r.items.find((i) => i.item.code === result.carried[0])!.status, 'published');
    assert.ok(r.estimate.oit > 0 && r.estimate.oit < 100);

    const again = await startFiscalYear(t.ctx, 2567);
    assert.equal(again.carried.length + again.toRenew.length, 0);
    assert.equal(again.existing.length, result.carried.length + result.toRenew.length);
  });

  void it('is for admins only and reports the framework diff', async () => {
    const officer = { ...t.ctx, actor: { ...t.ctx.actor, roles: ['unit_officer' as const] } };
    await assert.rejects(startFiscalYear(officer, 2568), ForbiddenError);
    const diff = diffOitItems(2567);
    assert.ok(diff && Array.isArray(diff.added));
    assert.equal(diffOitItems(2566), null);
  });
});
