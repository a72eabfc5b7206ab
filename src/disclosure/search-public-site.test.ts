import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import type { AgencyContext } from '../core/context.js';
import type { AgencyRow } from '../core/http/env.js';
import { disclosurePublicContent } from './read-public-content.js';
import { seedDisclosure } from './seed.js';
import { saveEntry } from './save-entry.js';
import { approveEntry, submitEntry } from './review-entry.js';
import { createBasicInfo, deleteBasicInfo } from './manage-basic-info.js';
import { collectSitePages, toSearchDocument, type SiteSource } from './collect-search-documents.js';
import { refreshSiteSearch } from './refresh-site-search.js';
import { reindexSiteSearch } from './reindex-site-search.js';
import { searchPublicSite } from './search-public-site.js';
import { buildSearchIndex, searchSite } from './search-site.js';
import { disclosureSearchDocuments, disclosureSearchTerms } from './schema.js';

void describe('site search over the stored index', () => {
  let t: TestContext;
  let other: { agency: AgencyRow; ctx: AgencyContext };
  const sourceOf = (agency: AgencyRow): SiteSource => ({
    q: { db: t.database.db, agencyId: agency.id, agencySlug: agency.slug },
    agency,
    content: disclosurePublicContent,
    modules: [],
    now: new Date(),
  });
  /** What the search route does: refresh the computed pages when due, then look up. */
  const search = async (query: string, agency: AgencyRow = t.agency) => {
    await refreshSiteSearch(sourceOf(agency), { includePosts: false });
    const results = await searchPublicSite(
      t.database.db,
      agency.id,
      `/a/${agency.slug}`,
      query,
      'th',
    );
    return results.map((r) => r.href);
  };

  before(async () => {
    t = await createTestContext();
    await seedDisclosure(t.ctx);
    other = await t.makeAgency('agency-b');
    await createBasicInfo(t.ctx, 'news', {
      titleTh: 'ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง',
      bodyHtml: '<p>ชำระภาษีได้ที่กองคลังภายในเดือนเมษายน</p>',
      publishedOn: '2023-03-01',
    });
    await createBasicInfo(other.ctx, 'news', {
      titleTh: 'ข่าวของหน่วยงานบีเท่านั้น',
      bodyHtml: '<p>ประกาศรับสมัครนักวิชาการเกษตร</p>',
      publishedOn: '2023-03-02',
    });
  });
  after(() => t.close());

  void it('finds a Thai word inside unspaced text of a news post written through the staff side', async () => {
    const hits = await search('สิ่งปลูกสร้าง');
    assert.equal(hits.length, 1);
    assert.match(hits[0]!, /^\/a\/agency-a\/news\//);
    assert.deepEqual(await search('ปลูก'), hits, 'a word of the compound is found too');
  });

  void it('needs every word of a multi-word query', async () => {
    assert.equal((await search('ภาษี กองคลัง')).length, 1);
    assert.deepEqual(await search('ภาษี นักวิชาการเกษตร'), []);
  });

  void it('finds seeded OIT items and Q&A of the demo agency', async () => {
    assert.ok((await search('ร้องเรียน')).some((h) => /\/oit\/2566\/o\d+$/.test(h)));
    assert.ok((await search('แบบคำร้อง ก่อสร้าง')).some((h) => h.includes('/qa#q-')));
  });

  void it('never finds a draft; finds it once an executive approves it', async () => {
    const marker = 'มาตรการประหยัดพลังงานไฟฟ้าฉบับร่าง';
    const entry = await saveEntry(t.ctx, {
      fiscalYear: 2566,
      itemCode: 'o1',
      contentHtml: `<p>${marker}</p>`,
    });
    assert.deepEqual(await search(marker), []);
    await submitEntry(t.ctx, entry.id);
    assert.deepEqual(await search(marker), []);
    const executive = { ...t.ctx, actor: { ...t.ctx.actor, roles: ['executive' as const] } };
    await approveEntry(executive, entry.id);
    assert.deepEqual(await search(marker), ['/a/agency-a/oit/2566/o1']);
  });

  void it('never finds another agency’s content', async () => {
    assert.deepEqual(await search('หน่วยงานบี'), []);
    assert.deepEqual(await search('นักวิชาการเกษตร'), []);
    assert.equal((await search('นักวิชาการเกษตร', other.agency)).length, 1);
  });

  void it('drops a deleted post in the same transaction', async () => {
    const post = await createBasicInfo(t.ctx, 'news', {
      titleTh: 'ประกาศปิดถนนชั่วคราวเพื่อซ่อมท่อประปา',
      publishedOn: '2023-04-01',
    });
    assert.equal((await search('ท่อประปา')).length, 1);
    await deleteBasicInfo(t.ctx, 'news', post.id);
    assert.deepEqual(await search('ท่อประปา'), []);
  });

  void it('answers exactly as the in-memory search over every page of the demo site', async () => {
    const queries = [
      'ร้องเรียน',
      'ภาษี',
      'ภาษีที่ดิน',
      'ภาษี ที่ดิน',
      'งบประมาณ',
      'แผนการดำเนินงาน',
      'ประชาคม',
      'No Gift',
      'จัดซื้อจัดจ้าง 2566',
      'สำนักปลัด',
      'ติดต่อ',
      'ผู้บริหาร',
      'พระราชบัญญัติ',
      'ตัวอย่าง',
      'ก่อสร้าง',
      'ทุจริต',
      'ประมาณ',
      'ดำเนินงาน',
      'จ้าง ปีงบ',
      'ไม่มีคำนี้ในเว็บไซต์เลย',
    ];
    const source = sourceOf(t.agency);
    const pages = await collectSitePages(source, { includePosts: true });
    const old = buildSearchIndex(pages.map((p) => toSearchDocument(p, '/a/agency-a', 'th')));
    let nonEmpty = 0;
    for (const query of queries) {
      await refreshSiteSearch(source, { includePosts: false });
      const stored = await searchPublicSite(t.database.db, t.agency.id, '/a/agency-a', query, 'th');
      assert.deepEqual(stored, searchSite(old, query), query);
      if (stored.length > 0) nonEmpty++;
    }
    assert.ok(nonEmpty >= 14, `${nonEmpty} queries found something`);
  });

  void it('rebuilds a lost index with reindexSiteSearch', async () => {
    const before = await search('ร้องเรียน');
    for (const table of [disclosureSearchTerms, disclosureSearchDocuments]) {
      await t.database.db.delete(table).where(eq(table.agencyId, t.agency.id));
    }
    assert.deepEqual(
      await searchPublicSite(t.database.db, t.agency.id, '/a/agency-a', 'ร้องเรียน', 'th'),
      [],
    );
    assert.ok((await reindexSiteSearch(sourceOf(t.agency))) > 40);
    assert.deepEqual(await search('ร้องเรียน'), before);
  });
});
