/**
 * Benchmark of the OIT website checker: a 500-page synthetic municipal site on loopback, each
 * page answering after a small simulated server delay, crawled and matched by `checkWebsite`,
 * against a baseline of plain sequential `fetch` of the same 500 URLs in the same run.
 * Run: node --import tsx bench/checker.bench.ts [serverDelayMs=5]
 */
import { checkWebsite } from '../src/disclosure/checker/check-website.js';
import {
  page,
  REACH_LOOPBACK,
  serveSyntheticSite,
} from '../src/disclosure/checker/fixtures/serve-synthetic-site.js';
import { SAMPLE_OIT_ITEMS_2566 } from '../src/disclosure/checker/oit-item-for-check.js';

const PAGES = 500;
const serverDelayMs = Number(process.argv[2] ?? '5');
const filler = 'เทศบาลตำบลโพธิ์ทองจัดกิจกรรมเพื่อประชาชนในพื้นที่ '.repeat(60);

// A tree: page n links to 2n+1, 2n+2 and back home, like a CMS menu; a few pages carry items.
const site = await serveSyntheticSite({
  '*': (url) => {
    const n = url.pathname === '/' ? 0 : Number(url.pathname.slice(3));
    if (!Number.isInteger(n) || n < 0 || n >= PAGES) return null;
    const links: [string, string][] = [['/', 'หน้าแรก']];
    for (const child of [2 * n + 1, 2 * n + 2]) {
      if (child < PAGES) links.push([`/p/${child}`, `หน้า ${child}`]);
    }
    const item = SAMPLE_OIT_ITEMS_2566[n % 50 === 7 ? (n / 50) | 0 : -1];
    const heading = item ? `${item.nameTh} ประจำปีงบประมาณ พ.ศ. 2566` : `ข่าว ${n}`;
    return {
      delayMs: serverDelayMs,
      body: page(`หน้า ${n}`, `<h1>${heading}</h1><p>${filler}</p>`, links),
    };
  },
});
const urls = [
  `${site.origin}/`,
  ...Array.from({ length: PAGES - 1 }, (_, i) => `${site.origin}/p/${i + 1}`),
];

let started = performance.now();
for (const url of urls) await (await fetch(url)).text();
const baselineMs = performance.now() - started;

started = performance.now();
const report = await checkWebsite({
  network: REACH_LOOPBACK,
  url: site.origin,
  fiscalYear: 2566,
  items: SAMPLE_OIT_ITEMS_2566,
  limits: { maxPages: PAGES },
});
const checkerMs = performance.now() - started;
await site.close();

const found = report.items.filter((i) => i.status === 'found').length;
const fmt = (ms: number) =>
  `${(ms / 1000).toFixed(2)} s, ${((PAGES / ms) * 1000).toFixed(0)} pages/s`;
console.log(`server delay per page: ${serverDelayMs} ms; pages: ${PAGES}`);
console.log(`baseline (sequential fetch of the same URLs): ${fmt(baselineMs)}`);
console.log(`checkWebsite (crawl + parse + match, concurrency 4): ${fmt(checkerMs)}`);
console.log(`pages visited: ${report.pagesVisited}; items found: ${found}/${report.items.length}`);
console.log(`ratio checker/baseline: ${(checkerMs / baselineMs).toFixed(2)}`);
if (report.pagesVisited !== PAGES) process.exitCode = 1;
