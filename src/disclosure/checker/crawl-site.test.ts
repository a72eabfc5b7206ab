import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crawlSite, type CrawlResult } from './crawl-site.js';
import {
  closedPort,
  encodeTis620,
  page,
  serveSyntheticSite,
  type SyntheticSite,
  REACH_LOOPBACK,
} from './fixtures/serve-synthetic-site.js';

void describe('crawlSite on a messy municipal site', () => {
  let site: SyntheticSite;
  let result: CrawlResult;
  let deadPort: number;

  before(async () => {
    deadPort = await closedPort();
    site = await serveSyntheticSite({
      '/robots.txt': {
        headers: { 'content-type': 'text/plain' },
        // The Prongsai group must win over "*", which would forbid everything.
        body: 'User-agent: *\nDisallow: /\n\nUser-agent: Prongsai\nDisallow: /private/\n',
      },
      '/': {
        body: page('เทศบาลตำบลทดสอบ', '<h1>หน้าแรก</h1>', [
          ['/old/about.html', 'ประวัติ'],
          ['/contact', 'ติดต่อเรา'],
          ['/facebook', 'Facebook'],
          ['/slow', 'หน้าช้า'],
          ['/loop/a', 'วน'],
          ['/calendar?month=0', 'ปฏิทินกิจกรรม'],
          ['/private/risk', 'ความเสี่ยง'],
          ['/missing', 'หน้าหาย'],
          [`http://127.0.0.1:${deadPort}/doc.pdf`, 'เอกสารภายนอก'],
          ['/?utm_source=line#top', 'หน้าแรก'],
          ['mailto:saraban@example.go.th', 'อีเมล'],
        ]),
      },
      '/old/about.html': {
        headers: { 'content-type': 'text/html' },
        body: encodeTis620(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620">' +
            '<title>ข้อมูลผู้บริหาร</title></head><body><h2>นายกเทศมนตรี</h2></body></html>',
        ),
      },
      '/contact': { status: 301, headers: { location: '/contact-us' } },
      '/contact-us': { body: page('ติดต่อเรา', '<h1>ช่องทางการติดต่อ</h1>') },
      '/facebook': { status: 302, headers: { location: 'http://127.0.0.2:9/phothong' } },
      '/slow': { delayMs: 3_000, body: page('ช้า', 'ช้ามาก') },
      '/loop/a': {
        body: page('a', 'a', [
          ['/loop/b', 'b'],
          ['again/', 'อีกครั้ง'],
        ]),
      },
      '/loop/b': { body: page('b', 'b', [['/loop/a', 'a']]) },
      '/calendar': (url) => {
        const month = Number(url.searchParams.get('month'));
        return {
          body: page(`ปฏิทิน ${month}`, 'กิจกรรม', [
            [`/calendar?month=${month - 1}`, 'เดือนก่อน'],
            [`/calendar?month=${month + 1}`, 'เดือนถัดไป'],
          ]),
        };
      },
      '/private/risk': { body: page('ลับ', 'ไม่ควรถูกอ่าน') },
      '*': (url) =>
        url.pathname.startsWith('/loop/')
          ? { body: page('วน', 'วน', [['again/', 'อีกครั้ง']]) }
          : null,
    });
    result = await crawlSite({
      network: REACH_LOOPBACK,
      url: `${site.origin}/`,
      limits: { requestTimeoutMs: 500, maxTemplateChain: 12, timeLimitMs: 20_000 },
    });
  });
  after(async () => site.close());

  const urls = () => result.documents.map((d) => d.url.replace(site.origin, ''));

  void it('decodes a TIS-620 page declared only in a meta tag', () => {
    const about = result.documents.find((d) => d.url.endsWith('/old/about.html'));
    assert.equal(about?.title, 'ข้อมูลผู้บริหาร');
    assert.deepEqual(about?.headings, ['นายกเทศมนตรี']);
  });

  void it('follows a same-host redirect and records the page under its final URL', () => {
    assert.ok(urls().includes('/contact-us'));
    assert.ok(!urls().includes('/contact'));
  });

  void it('reports an off-host redirect without following it', () => {
    assert.deepEqual(result.offSiteRedirects, [
      { from: `${site.origin}/facebook`, to: 'http://127.0.0.2:9/phothong' },
    ]);
  });

  void it('reports 404, connection refused and a timed-out page as broken links', () => {
    const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);
    assert.deepEqual(
      [...result.brokenLinks].sort(byUrl),
      [
        {
          url: `http://127.0.0.1:${deadPort}/doc.pdf`,
          status: 'connection-refused',
          foundOn: `${site.origin}/`,
        },
        { url: `${site.origin}/missing`, status: 404, foundOn: `${site.origin}/` },
        { url: `${site.origin}/slow`, status: 'timeout', foundOn: `${site.origin}/` },
      ].sort(byUrl),
    );
  });

  void it('never requests a path robots.txt disallows for Prongsai', () => {
    assert.ok(!site.requests.includes('/private/risk'));
    assert.deepEqual(result.blockedByRobots, [`${site.origin}/private/risk`]);
  });

  void it('fetches each page once despite loops, tracking parameters and fragments', () => {
    assert.equal(site.requests.filter((p) => p === '/').length, 1);
    assert.equal(site.requests.filter((p) => p === '/loop/a').length, 1);
    const loopDepth = Math.max(
      ...urls()
        .filter((u) => u.startsWith('/loop/'))
        .map((u) => u.split('/').length),
    );
    assert.ok(loopDepth <= 6, `relative-link loop went ${loopDepth} segments deep`);
  });

  void it('stops an infinite calendar after a bounded chain and warns', () => {
    const calendarPages = site.requests.filter((p) => p.startsWith('/calendar')).length;
    assert.ok(calendarPages >= 12 && calendarPages <= 25, `${calendarPages} calendar pages`);
    assert.ok(result.warnings.some((w) => w.includes('/calendar')));
    assert.equal(result.stoppedBy, null);
    assert.equal(result.isReachable, true);
  });
});

void describe('crawlSite limits', () => {
  let site: SyntheticSite;
  before(async () => {
    site = await serveSyntheticSite({
      '*': (url) => {
        const n = Number(url.pathname.slice(1) || '0');
        if (Number.isNaN(n)) return null;
        return {
          delayMs: url.pathname === '/999' ? 5_000 : 0,
          body: page(`หน้า ${n}`, 'เนื้อหา', [
            [`/${2 * n + 1}`, 'ซ้าย'],
            [`/${2 * n + 2}`, 'ขวา'],
          ]),
        };
      },
    });
  });
  after(async () => site.close());

  void it('stops at maxPages and says so', async () => {
    const progress: number[] = [];
    const result = await crawlSite({
      network: REACH_LOOPBACK,
      url: site.origin,
      limits: { maxPages: 10 },
      onProgress: (p) => progress.push(p.pagesVisited),
    });
    assert.equal(result.documents.length, 10);
    assert.equal(result.stoppedBy, 'max-pages');
    assert.equal(progress.length, 10);
    assert.equal(progress.at(-1), 10);
  });

  void it('stops at the time limit without waiting for slow pages', async () => {
    const started = Date.now();
    const result = await crawlSite({
      network: REACH_LOOPBACK,
      url: `${site.origin}/999`,
      limits: { timeLimitMs: 300 },
    });
    assert.ok(Date.now() - started < 2_000);
    assert.equal(result.stoppedBy, 'time-limit');
    assert.equal(result.brokenLinks.length, 0);
  });

  void it('says the site is unreachable when nothing listens', async () => {
    const result = await crawlSite({
      network: REACH_LOOPBACK,
      url: `http://127.0.0.1:${await closedPort()}/`,
    });
    assert.equal(result.isReachable, false);
    assert.equal(result.documents.length, 0);
  });
});
