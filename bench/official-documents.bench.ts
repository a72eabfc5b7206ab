/**
 * Issue #17's two measures of the official-document register:
 * 1. 1,000 orders issued by 50 concurrent clients (draft + sign in one transaction each) on
 *    PostgreSQL: no gap, no duplicate number, latency p50/p99.
 * 2. One announcement (emblem, 3 clauses, signature) to PDF, browser warm: aim < 1 s.
 * Run: BENCH_DATABASE_URL=postgres://…/postgres node --import tsx bench/official-documents.bench.ts
 *      [--orders 1000] [--clients 50] [--runs 10]   (without the URL: PGlite, one connection)
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/core/db/client.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { SYSTEM_ACTOR, type AgencyContext } from '../src/core/context.js';
import { createAgency } from '../src/core/agencies/create-agency.js';
import { closeBrowser } from '../src/core/documents/chromium.js';
import { renderDocumentToPdf } from '../src/core/documents/pdf.js';
import { renderSvgsToPng } from '../src/core/documents/render-svg-to-png.js';
import { issueOrder } from '../src/core/official/index.js';
import { officialNoticeModel } from '../src/core/official/notice-model.js';
import { currentFiscalYear } from '../src/core/i18n/thai-format.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '50' },
    runs: { type: 'string', default: '10' },
  },
});
const orders = Number(values.orders);
const clients = Number(values.clients);
const runs = Number(values.runs);

const url = process.env.BENCH_DATABASE_URL;
let dbName: string | null = null;
let connection: string | undefined;
if (url) {
  dbName = `prongsai_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  connection = u.toString();
}
const database = await openDatabase(
  connection ? { databaseUrl: connection, poolSize: clients } : { dataDir: 'memory://' },
);
await migrateDatabase(database);
const system = {
  db: database.db,
  actor: { ...SYSTEM_ACTOR, label: 'bench' },
  locale: 'th' as const,
  now: () => new Date(),
};
const agency = await createAgency(system, {
  slug: 'bench',
  nameTh: 'เทศบาลตำบลทดสอบ',
  provinceTh: 'ร้อยเอ็ด',
  unitsTh: ['สำนักปลัด'],
});
const ctx: AgencyContext = {
  ...system,
  agencyId: agency.id,
  actor: { userId: null, label: 'นายก', roles: ['executive'], isInstanceAdmin: false },
};
const fiscalYear = currentFiscalYear(new Date());

// 1. Concurrent issuing.
const latencies: number[] = [];
const numbers: number[] = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (next < orders) {
      const i = next++;
      const t0 = performance.now();
      const order = await issueOrder(ctx, {
        fiscalYear,
        subject: `แต่งตั้งคณะกรรมการ ${i}`,
        clauses: ['ให้คณะกรรมการปฏิบัติหน้าที่'],
        signerName: 'นายสมชาย ใจดี',
        signerPosition: 'นายกเทศมนตรี',
      });
      latencies.push(performance.now() - t0);
      numbers.push(order.number!);
    }
  }),
);
const elapsed = performance.now() - started;
const sorted = [...numbers].sort((a, b) => a - b);
const gaps = sorted.filter((n, i) => n !== i + 1).length;
const duplicates = sorted.length - new Set(sorted).size;
const ms = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]!;
console.log(
  `${url ? 'PostgreSQL' : 'PGlite'}: ${orders} orders from ${clients} clients in ${(elapsed / 1000).toFixed(2)} s ` +
    `(${((orders * 1000) / elapsed).toFixed(0)}/s); numbers 1..${sorted.at(-1)}, gaps ${gaps}, duplicates ${duplicates}; ` +
    `latency p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms`,
);

// 2. One announcement to PDF, warm.
const [emblem] = await renderSvgsToPng(
  [
    '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="100"><circle cx="45" cy="50" r="40" fill="#b8860b"/></svg>',
  ],
  { scale: 3 },
);
const model = officialNoticeModel(
  {
    kind: 'announcement',
    subject: 'เจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)',
    preamble: 'เพื่อให้การปฏิบัติหน้าที่เป็นไปด้วยความซื่อสัตย์สุจริต จึงประกาศเจตนารมณ์ ดังนี้',
    clauses: [
      'ผู้บริหารและบุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่',
      'จะไม่ให้ของขวัญหรือของกำนัลแก่ผู้บังคับบัญชาหรือบุคคลอื่นใด',
      'หากมีผู้มอบของขวัญให้ปฏิเสธ หรือรายงานผู้บังคับบัญชา',
    ],
    closing: 'จึงประกาศให้ทราบโดยทั่วกัน',
    digits: 'thai',
    signerName: 'นายสมชาย ใจดี',
    signerPosition: 'นายกเทศมนตรีตำบลทดสอบ',
    number: null,
    numberYear: null,
    issuedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date()),
  },
  { agencyName: agency.nameTh, emblemPng: new Uint8Array(emblem!) },
);
const cold0 = performance.now();
await renderDocumentToPdf(model);
const cold = performance.now() - cold0;
const times: number[] = [];
let size = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  size = (await renderDocumentToPdf(model)).length;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(
  `announcement → PDF: median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, ` +
    `max ${times.at(-1)!.toFixed(0)}, ${runs} warm runs; cold ${cold.toFixed(0)} ms), ${(size / 1024).toFixed(0)} KB`,
);

await closeBrowser();
await database.close();
if (url && dbName) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
