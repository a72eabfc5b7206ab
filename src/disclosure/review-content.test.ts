import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { disclosureEntries } from './schema.js';
import { saveEntry } from './save-entry.js';
import { approveEntry, submitEntry } from './review-entry.js';
import { diffLines } from './views/review-panel.js';

void describe('what an approver sees and what cannot be sent for approval', () => {
  let t: TestContext;
  let admin: TestSession;
  let executive: TestSession;
  before(async () => {
    t = await createTestContext();
    admin = await t.loginAs('agency_admin');
    executive = await t.loginAs('executive');
  });
  after(() => t.close());

  const entryOf = async (code: string) =>
    (
      await t.database.db
        .select()
        .from(disclosureEntries)
        .where(
          and(eq(disclosureEntries.agencyId, t.agency.id), eq(disclosureEntries.itemCode, code)),
        )
    )[0]!;

  void it('refuses an empty draft with a Thai message and leaves it a draft', async () => {
    await saveEntry(t.ctx, { fiscalYear: 2566, itemCode: 'o4', contentHtml: '<p> </p>' });
    const entry = await entryOf('o4');
    const res = await t.post(`/staff/disclosure/entries/${entry.id}/submit`, {}, admin);
    assert.equal(res.status, 422);
    assert.match(await res.text(), /ยังไม่มีข้อความ ลิงก์ ตาราง หรือไฟล์แนบ/);
    assert.equal((await entryOf('o4')).status, 'draft');
  });

  void it('shows the executive the full version and what changed since the published one', async () => {
    await saveEntry(t.ctx, {
      fiscalYear: 2566,
      itemCode: 'o5',
      contentHtml: '<p>โทร 043-000000</p><p>เปิดทำการ 08.30 น.</p>',
      links: [{ label: 'แผนที่เดิม', href: 'https://maps.example.org/old' }],
    });
    const first = await entryOf('o5');
    await submitEntry(t.ctx, first.id);
    await approveEntry({ ...t.ctx, actor: { ...t.ctx.actor, roles: ['executive'] } }, first.id);
    await saveEntry(t.ctx, {
      fiscalYear: 2566,
      itemCode: 'o5',
      contentHtml: '<p>โทร 043-111111</p><p>เปิดทำการ 08.30 น.</p>',
      links: [{ label: 'แผนที่ใหม่', href: 'https://maps.example.org/new' }],
    });
    const res = await t.post(`/staff/disclosure/entries/${first.id}/submit`, {}, admin);
    assert.equal(res.status, 303);

    const page = await (await t.get('/staff/disclosure/items/2566/o5', executive)).text();
    const panel = page.slice(page.indexOf('id="review-content"'));
    assert.ok(panel.length > 0 && page.includes('id="review-content"'), 'review panel shown');
    assert.match(panel, /โทร 043-111111/);
    assert.match(panel, /href="https:\/\/maps\.example\.org\/new"/);
    assert.match(panel, /data-change="added"><ins>\+ โทร 043-111111/);
    assert.match(panel, /data-change="removed"><del>− โทร 043-000000/);
    assert.match(panel, /data-change="removed"><del>− แผนที่เดิม/);
    assert.doesNotMatch(panel, /data-change="[a-z]+"><[a-z]+>[+−] เปิดทำการ/);
  });

  void it('diffs lines by their longest common run', () => {
    assert.deepEqual(
      diffLines(['a', 'b', 'c'], ['a', 'x', 'c']).map((c) => `${c.kind}:${c.text}`),
      ['same:a', 'added:x', 'removed:b', 'same:c'],
    );
  });
});
