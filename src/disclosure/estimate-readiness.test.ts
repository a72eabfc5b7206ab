import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { disclosureEntries } from './schema.js';
import { seedDisclosure } from './seed.js';
import { estimateReadiness } from './estimate-readiness.js';
import { saveEntry } from './save-entry.js';

void describe('estimateReadiness', () => {
  let t: TestContext;
  const now = new Date('2023-03-20T00:00:00+07:00');
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  void it('scores 0 with nothing published and says every item is missing', async () => {
    const r = await estimateReadiness(t.database.db, t.agency.id, 2566, { now });
    assert.equal(r.estimate.oit, 0);
    assert.equal(r.counts.missing, 43);
    assert.equal(r.items[0]!.nextStep, 'disclosure.readiness.nextSteps.create');
    assert.deepEqual(r.deadline && [r.deadline.daysToOpen, r.deadline.daysToClose], [12, 102]);
  });

  void it('gives 100 for the seeded demo year, twice seeded (idempotent)', async () => {
    await seedDisclosure(t.ctx);
    await seedDisclosure(t.ctx);
    const r = await estimateReadiness(t.database.db, t.agency.id, 2566, { now });
    assert.equal(r.counts.published, 43);
    assert.equal(r.estimate.oit, 100);
    assert.deepEqual(
      r.estimate.indicators.map((i) => i.score),
      [100, 100],
    );
  });

  void it('marks a current-year item published in an earlier year outdated and lowers the score', async () => {
    await t.database.db
      .update(disclosureEntries)
      .set({ published: publishedOn('2022-09-01') })
      .where(
        and(eq(disclosureEntries.agencyId, t.agency.id), eq(disclosureEntries.itemCode, 'o19')),
      );
    const r = await estimateReadiness(t.database.db, t.agency.id, 2566, { now });
    const o19 = r.items.find((i) => i.item.code === 'o19')!;
    assert.equal(o19.status, 'outdated');
    assert.deepEqual(o19.reasons, ['disclosure.readiness.reasons.oldPublishDate']);
    // o19 is one of the 4 items of 9.3 (75), the other 4 sub-indicators of 9 are 100:
    // indicator 9 = (4·100 + 75)/5 = 95 (an item mean would say 32/33 = 96.97); OIT = mean.
    assert.equal(r.estimate.indicators[0]!.score, 95);
    assert.equal(r.estimate.oit, 97.5);
  });

  void it('counts a published item being re-edited as still disclosed', async () => {
    await saveEntry(t.ctx, { fiscalYear: 2566, itemCode: 'o1', contentHtml: 'แก้ไขใหม่' });
    const r = await estimateReadiness(t.database.db, t.agency.id, 2566, { now });
    // The one status says what the public sees; the next step names the change on its way.
    const o1 = r.items.find((i) => i.item.code === 'o1')!;
    assert.equal(o1.status, 'published');
    assert.equal(o1.nextStep, 'disclosure.readiness.nextSteps.submit');
    // Still disclosed, so the score is unchanged from the outdated-o19 case above.
    assert.equal(r.estimate.oit, 97.5);
  });
});

function publishedOn(publishDate: string) {
  return {
    contentHtml: '<p>แผน</p>',
    links: [],
    table: null,
    responsibleUnitId: null,
    publishDate,
    documentIds: [],
    version: 1,
  };
}
