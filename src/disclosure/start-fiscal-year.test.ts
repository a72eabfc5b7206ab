import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { ForbiddenError } from '../core/errors.js';
import { disclosureEntries } from './schema.js';
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

  void it('follows the item mapping into a renumbered year, never the old number', async () => {
    // Another module's table, written and read in SQL: this test goes through no internals.
    await t.database.db.execute(
      sql`insert into assessment_weak_question_settings (agency_id, fiscal_year, rule, added_codes, removed_codes)
          values (${t.agency.id}, 2566, ${JSON.stringify({ kind: 'below', threshold: 90 })}::jsonb, '["e4"]'::jsonb, '[]'::jsonb)`,
    );
    const result = await startFiscalYear(t.ctx, 2567);
    // 2566 o30 การเปิดโอกาสให้เกิดการมีส่วนร่วม is o25 in 2567 (fy2567.json itemMapping).
    assert.ok(result.toRenew.includes('o25'));
    const o25 = await entry(2567, 'o25');
    const o30 = await entry(2566, 'o30');
    assert.equal(o25?.contentHtml, o30?.published?.contentHtml ?? o30?.contentHtml);
    assert.equal(o25?.needsRenewal, true);
    // o30's old number is a placeholder in 2567: it gets nothing from 2566's o30.
    assert.equal(await entry(2567, 'o30'), undefined);
    assert.ok(result.noLongerAsked.includes('o1'), 'no known successor of 2566 o1 in 2567');
    assert.ok(!result.noLongerAsked.includes('o30'));
    assert.equal(result.weakQuestionSettings, 'copied');
    const settings = await t.database.db.execute(
      sql`select added_codes from assessment_weak_question_settings
          where agency_id = ${t.agency.id} and fiscal_year = 2567`,
    );
    const rows = (settings as unknown as { rows: { added_codes: string[] }[] }).rows;
    assert.deepEqual(rows[0]?.added_codes, ['e4']);

    const r = await estimateReadiness(t.database.db, t.agency.id, 2567, { now: new Date() });
    assert.equal(r.items.find((i) => i.item.code === 'o25')!.status, 'draft');

    const again = await startFiscalYear(t.ctx, 2567);
    assert.equal(again.carried.length + again.toRenew.length, 0);
    assert.equal(again.existing.length, result.carried.length + result.toRenew.length);
    assert.equal(again.weakQuestionSettings, 'existing');
  });

  void it('carries standing items as published and flags current-year items for renewal', async () => {
    const published = (contentHtml: string) => ({
      contentHtml,
      links: [],
      table: null,
      responsibleUnitId: null,
      publishDate: '2025-01-10',
      documentIds: [],
      version: 1,
    });
    for (const [code, text] of [
      ['o1', 'โครงสร้างและอำนาจหน้าที่'],
      ['o4', 'ข่าว'],
    ] as const) {
      await t.database.db.insert(disclosureEntries).values({
        agencyId: t.agency.id,
        fiscalYear: 2568,
        itemCode: code,
        contentHtml: text,
        status: 'published',
        version: 1,
        published: published(text),
        publishedAt: new Date(),
      });
    }
    const result = await startFiscalYear(t.ctx, 2569);
    const items = listOitItems(2569);
    assert.equal(items.find((i) => i.code === 'o1')?.period, 'none');
    assert.deepEqual(result.carried, ['o1']);
    assert.deepEqual(result.toRenew, ['o4']);
    const r = await estimateReadiness(t.database.db, t.agency.id, 2569, { now: new Date() });
    assert.equal(r.items.find((i) => i.item.code === 'o1')!.status, 'published');
    assert.equal(r.items.find((i) => i.item.code === 'o4')!.status, 'draft');
    assert.ok(r.estimate.oit > 0 && r.estimate.oit < 100);
  });

  void it('is for admins only and reports the framework diff', async () => {
    const officer = { ...t.ctx, actor: { ...t.ctx.actor, roles: ['unit_officer' as const] } };
    await assert.rejects(startFiscalYear(officer, 2568), ForbiddenError);
    const diff = diffOitItems(2567);
    assert.ok(diff && Array.isArray(diff.added));
    assert.equal(diffOitItems(2566), null);
  });

  async function entry(fiscalYear: number, itemCode: string) {
    const [row] = await t.database.db
      .select()
      .from(disclosureEntries)
      .where(
        and(
          eq(disclosureEntries.agencyId, t.agency.id),
          eq(disclosureEntries.fiscalYear, fiscalYear),
          eq(disclosureEntries.itemCode, itemCode),
        ),
      );
    return row;
  }
});
