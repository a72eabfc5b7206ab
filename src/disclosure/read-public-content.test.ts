import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { buildSiteApp } from '../../test/helpers/disclosure-site.js';
import { agencies } from '../core/agencies/schema.js';
import { disclosurePublicContent } from './read-public-content.js';
import { seedDisclosure } from './seed.js';
import { saveEntry } from './save-entry.js';
import { listOitItems } from './oit-items.js';

void describe('public site over the disclosure tables', () => {
  let t: TestContext;
  let app: ReturnType<typeof buildSiteApp>;

  before(async () => {
    t = await createTestContext();
    await t.database.db
      .update(agencies)
      .set({ contact: { address: 'ตำบลทดสอบ', phone: '043-000-000' } })
      .where(eq(agencies.id, t.agency.id));
    await seedDisclosure(t.ctx);
    app = buildSiteApp(t.database, disclosurePublicContent);
  });
  after(() => t.close());

  void it('shows every seeded 2566 item as published on the OIT index', async () => {
    const html = await (await app.request('/a/agency-a/oit?year=2566')).text();
    const count = listOitItems(2566).length;
    assert.equal(html.match(/class="badge ok"/g)?.length, count);
    assert.doesNotMatch(html, /class="badge bad"/);
  });

  void it('opens the OIT index on the newest year the agency published, not an empty newer one', async () => {
    const html = await (await app.request('/a/agency-a/oit')).text();
    assert.equal(html.match(/class="badge ok"/g)?.length, listOitItems(2566).length);
  });

  void it('never shows a draft: the approved version stays until the next approval', async () => {
    await saveEntry(t.ctx, {
      fiscalYear: 2566,
      itemCode: 'o10',
      contentHtml: '<p>ร่างที่ยังไม่อนุมัติ DRAFT-MARKER</p>',
    });
    const html = await (await app.request('/a/agency-a/oit/2566/o10')).text();
    assert.doesNotMatch(html, /DRAFT-MARKER/);
    assert.match(html, /นโยบายคุ้มครองข้อมูลส่วนบุคคล/);
    const search = await (await app.request('/a/agency-a/search?q=DRAFT-MARKER')).text();
    assert.match(search, /ไม่พบข้อมูล/);
  });

  void it('feeds news into the news page and the RSS feed', async () => {
    const news = await (await app.request('/a/agency-a/news')).text();
    const ids = [...news.matchAll(/href="\/a\/agency-a\/news\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    assert.ok(ids.length > 0);
    const item = await app.request(`/a/agency-a/news/${ids[0]}`);
    assert.equal(item.status, 200);
    const xml = await (await app.request('/a/agency-a/feed.xml')).text();
    assert.ok(xml.includes(`/a/agency-a/news/${ids[0]}</link>`));
  });

  void it('shows the executives, laws, answered questions and duties the agency entered', async () => {
    for (const path of ['/executives', '/laws', '/qa', '/duties']) {
      const html = await (await app.request(`/a/agency-a${path}`)).text();
      assert.doesNotMatch(html, /หน่วยงานยังไม่ได้เผยแพร่ข้อมูลนี้|ยังไม่มี/, path);
    }
  });
});
