import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from './helpers/test-context.js';
import { updateAgency } from '../src/core/agencies/update-agency.js';
import { createUnit } from '../src/core/agencies/units.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 14 §4: a staff change shows on the public site at once, not after the page cache's
 * lifetime. The change's audit entry NOTIFYs its agency id on commit (migration 0015) and the
 * app drops its cached pages of that agency; other agencies' copies stay. On PostgreSQL the
 * notification comes back through the database exactly as it reaches a second server.
 */
void describe('page cache and committed changes', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  /** The page as an anonymous visitor gets it, waiting at most `ms` for `expected`. */
  async function pageShows(path: string, expected: string, ms = 1_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const html = await (await t.get(path)).text();
      if (html.includes(expected)) return Date.now() - started;
      if (Date.now() - started > ms) return -1;
      await sleep(10);
    }
  }

  void it('shows an agency edit on its public pages at once, and keeps other agencies cached', async () => {
    const other = await t.makeAgency();
    const home = `/a/${t.agency.slug}`;
    const otherHome = `/a/${other.agency.slug}`;
    const before = await t.get(home);
    assert.equal(before.status, 200);
    assert.match(await before.text(), new RegExp(t.agency.nameTh));
    await (await t.get(otherHome)).text(); // cached

    const renamed = `${t.agency.nameTh} (ชื่อใหม่)`;
    const agency = t.agency;
    await updateAgency(t.ctx, {
      nameTh: renamed,
      nameEn: agency.nameEn,
      kindTh: agency.kindTh,
      subdistrictTh: agency.subdistrictTh,
      districtTh: agency.districtTh,
      provinceTh: agency.provinceTh,
      ...Object.fromEntries(
        ['address', 'phone', 'email', 'website', 'mapUrl', 'facebook'].map((f) => [f, '']),
      ),
    } as Parameters<typeof updateAgency>[1]);
    const after = await pageShows(home, renamed);
    assert.ok(after >= 0, 'the new name did not show within a second (page cache: 10 s)');

    // Another agency's change does not drop this agency's copy: a name written behind the
    // app's back (no audit entry, no notification) stays unseen while only B changes.
    await t.database.query(`update core_agencies set name_th = 'ชื่อที่ไม่ควรเห็น' where id = $1`, [
      agency.id,
    ]);
    await createUnit(other.ctx, { nameTh: 'กองทดสอบแคช' });
    await sleep(100);
    const stillCached = await (await t.get(home)).text();
    assert.match(stillCached, new RegExp(renamed.replace(/[()]/g, '\\$&')));
    assert.doesNotMatch(stillCached, /ชื่อที่ไม่ควรเห็น/);
  });
});
