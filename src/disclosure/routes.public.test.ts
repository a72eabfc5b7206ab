import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { buildSiteApp, fixtureContent } from '../../test/helpers/disclosure-site.js';
import { agencies } from '../core/agencies/schema.js';
import { defineModule } from '../core/module.js';
import { getFramework } from '../assessment/index.js';

const published = new Date('2023-03-15T03:00:00Z');

void describe('public disclosure site (HTTP)', () => {
  let t: TestContext;
  let app: ReturnType<typeof buildSiteApp>;
  let otherSlug: string;

  before(async () => {
    t = await createTestContext();
    const other = await t.makeAgency('agency-b');
    otherSlug = other.agency.slug;
    await t.database.db
      .update(agencies)
      .set({
        hostname: 'www.agency-a.go.th',
        contact: { address: '99 หมู่ 1 ตำบลทดสอบ', phone: '043-111-222', email: 'saraban@a.go.th' },
      })
      .where(eq(agencies.id, t.agency.id));
    const news = (agencyId: string, id: string, title: string, day: number) => ({
      id,
      kind: 'news' as const,
      title,
      summary: `สรุป ${title} <ทดสอบ> & อื่น ๆ`,
      bodyHtml: `<p>${title} เนื้อหาการประชุมประชาคมเพื่อจัดทำแผนพัฒนาท้องถิ่น</p>`,
      links: [],
      publishedAt: new Date(Date.UTC(2023, 0, day)),
      updatedAt: new Date(Date.UTC(2023, 0, day)),
      agencyId,
    });
    const content = fixtureContent({
      news: {
        [t.agency.id]: [
          news(t.agency.id, 'n1', 'ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง', 5),
          news(t.agency.id, 'n2', 'ประกาศรับสมัครพนักงานจ้าง', 20),
        ],
        [other.agency.id]: [news(other.agency.id, 'secret-b', 'ข่าวของหน่วยงานบีเท่านั้น', 9)],
      },
      oitEntries: {
        [t.agency.id]: [
          {
            code: 'o11',
            fiscalYear: 2566,
            title: 'แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. 2566',
            bodyHtml: '<p>แผนดำเนินงานฉบับอนุมัติ</p>',
            links: [{ label: 'แผนดำเนินงาน 2566', href: '/files/plan-2566.pdf', type: 'pdf' }],
            publishedAt: published,
            updatedAt: published,
          },
        ],
      },
      feedCodes: { 2566: { 'assessment.analysis-report': ['o43'] } },
    });
    const assessment = defineModule({
      name: 'assessment-feed',
      disclosures: ({ fiscalYear }) =>
        Promise.resolve([
          {
            feed: 'assessment.analysis-report',
            title: `รายงานการวิเคราะห์ผลการประเมิน ITA ${fiscalYear}`,
            links: [{ label: 'PDF', href: '/a/agency-a/assessment/analysis.pdf', type: 'pdf' }],
            fiscalYear,
            updatedAt: new Date('2023-04-01T00:00:00Z'),
          },
          {
            feed: 'surveys.eit-open',
            title: 'แบบวัดความคิดเห็นผู้รับบริการ ปี 2566',
            links: [{ label: 'ตอบแบบวัด', href: '/a/agency-a/surveys/s1?ch=website' }],
            fiscalYear,
            updatedAt: new Date('2023-04-01T00:00:00Z'),
          },
        ]),
    });
    app = buildSiteApp(t.database, content, [assessment]);
  });
  after(() => t.close());

  void it('home shows the agency name, contact, latest news and a link to every section', async () => {
    const res = await app.request('/a/agency-a');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /หน่วยงานทดสอบ agency-a/);
    assert.match(html, /043-111-222/);
    assert.match(html, /ประกาศรับสมัครพนักงานจ้าง/);
    for (const path of [
      '/oit',
      '/news',
      '/structure',
      '/executives',
      '/duties',
      '/laws',
      '/qa',
      '/contact',
      '/search',
    ]) {
      assert.ok(html.includes(`href="/a/agency-a${path}"`), path);
    }
    assert.doesNotMatch(html, /ข่าวของหน่วยงานบี/);
    assert.match(html, /href="\/a\/agency-a\/surveys\/s1\?ch=website"/);
  });

  void it('/a/<slug>/ redirects to the home page', async () => {
    const res = await app.request('/a/agency-a/');
    assert.equal(res.status, 301);
    assert.equal(new URL(res.headers.get('location')!, 'http://x').pathname, '/a/agency-a');
  });

  void it('OIT index lists every 2566 item with its code and a link to its page', async () => {
    const html = await (await app.request('/a/agency-a/oit?year=2566')).text();
    const items = getFramework(2566).oitItems;
    assert.equal(items.length, 43);
    for (const item of items) {
      assert.ok(html.includes(`href="/a/agency-a/oit/2566/${item.code}"`), item.code);
      assert.ok(html.includes(`>${item.code.toUpperCase()}<`), item.code);
    }
    for (const sub of getFramework(2566).oitSubIndicators) assert.ok(html.includes(sub.nameTh));
  });

  void it('keeps placeholders of a year whose list is not known off the citizen index', async () => {
    const year = 2570;
    const placeholders = getFramework(year).oitItems.filter((i) => i.basis === 'placeholder');
    assert.ok(placeholders.length > 0, 'the test needs a year with placeholders');
    const html = await (await app.request(`/a/agency-a/oit?year=${year}`)).text();
    for (const item of placeholders) {
      assert.ok(!html.includes(`href="/a/agency-a/oit/${year}/${item.code}"`), item.code);
      assert.equal((await app.request(`/a/agency-a/oit/${year}/${item.code}`)).status, 404);
    }
    assert.doesNotMatch(html, /ยังไม่ทราบชื่อ|ยังไม่ยืนยัน|รอคู่มือ/);
    const known = getFramework(year).oitItems.find((i) => i.basis !== 'placeholder')!;
    assert.ok(html.includes(`href="/a/agency-a/oit/${year}/${known.code}"`), known.code);
  });

  void it('an item page shows required elements, published documents and the Thai date', async () => {
    const html = await (await app.request('/a/agency-a/oit/2566/o11')).text();
    assert.match(html, /แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. 2566/);
    assert.match(html, /href="\/files\/plan-2566.pdf"/);
    assert.match(html, /15 มีนาคม พ.ศ. 2566/);
    for (const element of getFramework(2566).oitItems.find((i) => i.code === 'o11')!
      .requiredElements) {
      assert.ok(html.includes(element), element);
    }
    assert.doesNotMatch(html, /ยังไม่มีข้อมูล/);
  });

  void it('shows content fed by another module under the item the feeds data maps it to', async () => {
    const html = await (await app.request('/a/agency-a/oit/2566/o43')).text();
    assert.match(html, /รายงานการวิเคราะห์ผลการประเมิน ITA 2566/);
    assert.match(html, /1 เมษายน พ.ศ. 2566/);
  });

  void it('sends the OIT index and the feed compressed, from one stored copy (issue 14 §2)', async () => {
    const plain = await app.request('/a/agency-a/oit?year=2566');
    assert.equal(plain.status, 200);
    const identity = await plain.text();
    for (const accept of ['br', 'gzip']) {
      const res = await app.request('/a/agency-a/oit?year=2566', {
        headers: { 'accept-encoding': accept },
      });
      assert.equal(res.headers.get('content-encoding'), accept);
      assert.match(res.headers.get('vary') ?? '', /Cookie, Accept-Encoding/);
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = (accept === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString();
      assert.equal(text, identity);
      assert.equal(Number(res.headers.get('content-length')), bytes.byteLength);
      assert.ok(bytes.byteLength < identity.length / 3, `${accept} is much smaller`);
    }
    const feed = await app.request('/a/agency-a/feed.xml', {
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.match(feed.headers.get('content-type') ?? '', /rss\+xml/);
    assert.equal(feed.headers.get('content-encoding'), 'gzip');
    assert.match(gunzipSync(Buffer.from(await feed.arrayBuffer())).toString(), /<rss/);
  });

  void it('a missing item says so plainly', async () => {
    const html = await (await app.request('/a/agency-a/oit/2566/o30')).text();
    assert.match(html, /ยังไม่มีข้อมูล/);
  });

  void it('basic-information items show the site page that answers them', async () => {
    const html = await (await app.request('/a/agency-a/oit/2566/o1')).text();
    assert.match(html, /href="\/a\/agency-a\/structure"/);
    assert.match(html, /กองคลัง/);
  });

  void it('answers 404 for an unknown agency, year, item, news id and path', async () => {
    for (const path of [
      '/a/no-such-agency',
      '/a/no-such-agency/oit',
      '/a/agency-a/oit?year=2400',
      '/a/agency-a/oit?year=abc',
      '/a/agency-a/oit/2566/o99',
      '/a/agency-a/oit/2566/x1',
      '/a/agency-a/oit/1999/o1',
      '/a/agency-a/news/nope',
      `/a/agency-a/news/secret-b`,
      '/a/agency-a/nothing-here',
    ]) {
      assert.equal((await app.request(path)).status, 404, path);
    }
    assert.equal((await app.request(`/a/${otherSlug}/news/secret-b`)).status, 200);
  });

  void it('search finds a Thai word inside unspaced text and marks it', async () => {
    const html = await (
      await app.request(`/a/agency-a/search?q=${encodeURIComponent('ภาษีที่ดิน')}`)
    ).text();
    assert.match(html, /<mark>ภาษีที่ดิน<\/mark>/);
    assert.match(html, /href="\/a\/agency-a\/news\/n1"/);
    assert.doesNotMatch(html, /href="\/a\/agency-a\/news\/n2"/);
    const oit = await (
      await app.request(`/a/agency-a/search?q=${encodeURIComponent('ร้องเรียน')}`)
    ).text();
    // Complaint items: o27–o29 in 2566, o17–o19 from 2568 (renumbered).
    assert.match(oit, /\/oit\/\d{4}\/o(?:2[789]|1[789])\b/);
    const none = await (
      await app.request(`/a/agency-a/search?q=${encodeURIComponent('ข่าวของหน่วยงานบี')}`)
    ).text();
    assert.match(none, /ไม่พบข้อมูล/);
  });

  void it('search escapes what the visitor typed', async () => {
    const html = await (
      await app.request(`/a/agency-a/search?q=${encodeURIComponent('<script>x</script>')}`)
    ).text();
    assert.doesNotMatch(html, /<script>x/);
  });

  void it('the RSS feed lists the agency’s news newest first, escaped, with absolute links', async () => {
    const res = await app.request('http://localhost/a/agency-a/feed.xml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/rss\+xml/);
    const xml = await res.text();
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    assert.ok(xml.indexOf('พนักงานจ้าง') < xml.indexOf('ภาษีที่ดิน'));
    assert.match(xml, /<link>http:\/\/localhost\/a\/agency-a\/news\/n2<\/link>/);
    assert.match(xml, /&lt;ทดสอบ&gt; &amp; อื่น/);
    assert.doesNotMatch(xml, /หน่วยงานบี/);
  });

  void it('sends a weak ETag and Cache-Control, and 304 on If-None-Match', async () => {
    const res = await app.request('/a/agency-a/oit/2566/o11');
    const tag = res.headers.get('etag');
    assert.match(tag ?? '', /^W\/"/);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    const again = await app.request('/a/agency-a/oit/2566/o11', {
      headers: { 'if-none-match': tag! },
    });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const other = await app.request('/a/agency-a/oit/2566/o12', {
      headers: { 'if-none-match': tag! },
    });
    assert.equal(other.status, 200);
  });

  void it('keeps a logged-in visitor’s copy private', async () => {
    const session = await t.loginAs('agency_admin');
    const res = await app.request('/a/agency-a', { headers: session.headers });
    assert.equal(res.headers.get('cache-control'), 'private, no-cache');
  });

  void it('serves the agency whose hostname matches the Host header at /', async () => {
    const home = await app.request('http://www.agency-a.go.th/', {
      headers: { host: 'www.agency-a.go.th' },
    });
    assert.equal(home.status, 200);
    assert.match(await home.text(), /หน่วยงานทดสอบ agency-a/);
    const item = await app.request('http://www.agency-a.go.th/oit/2566/o11', {
      headers: { host: 'www.agency-a.go.th:443' },
    });
    assert.equal(item.status, 200);
    const css = await app.request('http://www.agency-a.go.th/static/app.css', {
      headers: { host: 'www.agency-a.go.th' },
    });
    assert.equal(css.status, 200);
    const elsewhere = await app.request('http://localhost/oit', { headers: { host: 'localhost' } });
    assert.equal(elsewhere.status, 404);
  });
});
