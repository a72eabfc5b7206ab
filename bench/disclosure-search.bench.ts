/**
 * Benchmark of the public site search (issue 4): an agency with 5,000 published news pages
 * plus the seeded OIT items. Median of 50 queries through the stored word index
 * (searchPublicSite, with the route's freshness check) against the previous approach in the
 * same run: build the in-memory index from the same rows, then search it.
 * Run: node --import tsx bench/disclosure-search.bench.ts [pages=5000]
 * BENCH_DATABASE_URL=postgres://… runs on PostgreSQL (a scratch database is created and dropped).
 */
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/core/db/client.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { agenciesModule } from '../src/core/agencies/module.js';
import { agencies } from '../src/core/agencies/schema.js';
import { seedDemoAgency } from '../src/core/agencies/seed-demo.js';
import { SYSTEM_ACTOR } from '../src/core/context.js';
import { disclosureModule } from '../src/disclosure/module.js';
import { disclosureNews } from '../src/disclosure/schema.js';
import { disclosurePublicContent, toNewsItem } from '../src/disclosure/read-public-content.js';
import { listNews } from '../src/disclosure/queries.js';
import {
  collectSitePages,
  newsSearchPage,
  toSearchDocument,
  type SiteSource,
} from '../src/disclosure/collect-search-documents.js';
import { indexPosts } from '../src/disclosure/write-search-index.js';
import { refreshSiteSearch } from '../src/disclosure/refresh-site-search.js';
import { searchPublicSite } from '../src/disclosure/search-public-site.js';
import { buildSearchIndex, searchSite } from '../src/disclosure/search-site.js';

const pageCount = Number(process.argv[2] ?? '5000');
const QUERY_RUNS = 50;
const SCRATCH_DB = 'prongsai_bench_search';

const TITLES = [
  'ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง',
  'ประกาศรับสมัครพนักงานจ้างตามภารกิจ',
  'ประชุมประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น',
  'ประกาศผู้ชนะการเสนอราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก',
  'กิจกรรมรณรงค์ป้องกันโรคไข้เลือดออก',
  'โครงการฝึกอบรมส่งเสริมคุณธรรมและจริยธรรมของพนักงาน',
  'ประกาศเผยแพร่แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ',
  'การรับลงทะเบียนเบี้ยยังชีพผู้สูงอายุ',
];
const SENTENCES = [
  'เทศบาลขอเชิญชวนประชาชนเข้าร่วมกิจกรรมโดยพร้อมเพรียงกัน',
  'ผู้สนใจสามารถสอบถามรายละเอียดเพิ่มเติมได้ที่สำนักปลัดในวันและเวลาราชการ',
  'การดำเนินงานเป็นไปตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น',
  'กองคลังจะรับชำระภาษีตั้งแต่เดือนเมษายนถึงเดือนมิถุนายน',
  'ขอความร่วมมือทำลายแหล่งเพาะพันธุ์ยุงลายในบ้านเรือนของท่าน',
  'ผลการพิจารณาเป็นไปตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ',
  'นายกเทศมนตรีเป็นประธานในพิธีเปิดโครงการ',
  'กองช่างได้ตรวจสอบพื้นที่และประมาณราคาค่าก่อสร้างแล้ว',
  'ผู้มีสิทธิต้องมีอายุหกสิบปีบริบูรณ์และมีภูมิลำเนาในเขตเทศบาล',
  'เรื่องร้องเรียนการทุจริตสามารถแจ้งได้ทางช่องทางออนไลน์ของหน่วยงาน',
];
const QUERIES = [
  'ภาษีที่ดิน',
  'ร้องเรียน',
  'ไข้เลือดออก',
  'ถนนคอนกรีต',
  'เบี้ยยังชีพ',
  'จัดซื้อจัดจ้าง 2566',
  'ประชาคม แผนพัฒนา',
  'คุณธรรม',
  'งบประมาณ',
  'ไม่มีคำนี้',
];

let seed = 42;
function random(n: number): number {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${SCRATCH_DB}`);
  await admin.query(`create database ${SCRATCH_DB}`);
  const scratch = new URL(url);
  scratch.pathname = `/${SCRATCH_DB}`;
  const database = await openDatabase({ databaseUrl: scratch.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${SCRATCH_DB}`);
      await admin.end();
    },
  };
}

const { database, drop } = await openBenchDatabase();
try {
  await migrateDatabase(database);
  const modules = [agenciesModule, disclosureModule];
  await seedDemoAgency(
    { db: database.db, actor: SYSTEM_ACTOR, locale: 'th', now: () => new Date() },
    modules,
  );
  const [agency] = await database.db.select().from(agencies).where(eq(agencies.slug, 'phothong'));
  if (!agency) throw new Error('no demo agency');
  const rows = Array.from({ length: pageCount }, (_, i) => ({
    agencyId: agency.id,
    kind: 'news' as const,
    titleTh: `${TITLES[random(TITLES.length)]} ครั้งที่ ${i + 1}`,
    bodyHtml: Array.from(
      { length: 3 + random(4) },
      () => `<p>${SENTENCES[random(SENTENCES.length)]}</p>`,
    ).join(''),
    publishedOn: `25${String(60 + random(7)).padStart(2, '0')}-01-01`.replace(
      /^25(\d\d)/,
      (_m, y: string) => String(2017 + Number(y) - 60),
    ),
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await database.db.insert(disclosureNews).values(rows.slice(i, i + 1000));
  }
  let started = performance.now();
  await database.db.transaction((tx) => indexPosts(tx, agency.id));
  const indexMs = performance.now() - started;
  const source: SiteSource = {
    q: { db: database.db, agencyId: agency.id, agencySlug: agency.slug },
    agency,
    content: disclosurePublicContent,
    modules,
    now: new Date(),
  };
  started = performance.now();
  await refreshSiteSearch(source, { includePosts: false, force: true });
  const sitePagesMs = performance.now() - started;
  // As autovacuum would after a bulk load: the planner needs the new tables' statistics.
  await database.query('analyze');
  const [terms] = await database.query<{ n: number }>(
    'select count(*)::int as n from disclosure_search_terms',
  );

  const base = `/a/${agency.slug}`;
  const stored: number[] = [];
  const inMemory: number[] = [];
  let mismatches = 0;
  for (let run = 0; run < QUERY_RUNS; run++) {
    const query = QUERIES[run % QUERIES.length]!;
    source.now = new Date();
    started = performance.now();
    await refreshSiteSearch(source, { includePosts: false });
    const fromIndex = await searchPublicSite(database.db, agency.id, base, query, 'th');
    stored.push(performance.now() - started);
    if (run < QUERIES.length)
      console.log(`${query}: ${stored.at(-1)!.toFixed(1)} ms, ${fromIndex.length} hits`);

    started = performance.now();
    const news = await listNews(database.db, agency.id);
    const pages = [
      ...(await collectSitePages(source, { includePosts: false })),
      ...news.map((n) => newsSearchPage(toNewsItem(n))),
    ].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    const fromMemory = searchSite(
      buildSearchIndex(pages.map((p) => toSearchDocument(p, base, 'th'))),
      query,
    );
    inMemory.push(performance.now() - started);
    if (
      JSON.stringify(fromIndex.map((r) => r.href)) !== JSON.stringify(fromMemory.map((r) => r.href))
    ) {
      mismatches++;
      if (run < QUERIES.length)
        console.log(`differs: ${query}: ${fromIndex.length} vs ${fromMemory.length} hits`);
    }
  }
  const db = database.kind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL';
  const storedMedian = median(stored);
  const memoryMedian = median(inMemory);
  console.log(`database: ${db}; ${pageCount} news pages + seeded OIT items; ${terms?.n} term rows`);
  console.log(
    `index ${pageCount} news pages: ${indexMs.toFixed(0)} ms; site pages: ${sitePagesMs.toFixed(0)} ms`,
  );
  console.log(
    `stored index: median ${storedMedian.toFixed(1)} ms (min ${Math.min(...stored).toFixed(1)}, max ${Math.max(...stored).toFixed(1)}) over ${QUERY_RUNS} queries`,
  );
  console.log(
    `in-memory index built per query: median ${memoryMedian.toFixed(1)} ms (min ${Math.min(...inMemory).toFixed(1)}, max ${Math.max(...inMemory).toFixed(1)})`,
  );
  console.log(`ratio stored / in-memory: ${(storedMedian / memoryMedian).toFixed(3)}`);
  console.log(`queries whose hits differ (order of hrefs): ${mismatches} of ${QUERY_RUNS}`);
} finally {
  await drop();
}
