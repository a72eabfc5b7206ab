/**
 * The three measurements issue #16 asks of the complaint centre:
 *  1. stripping the metadata of a 5 MB phone photo: time and memory;
 *  2. a committee member's case page with the identity opened (unwrap the committee key, open
 *     the sealed identity, audit the reading) against the same page without it;
 *  3. public filings at 200 concurrent clients (the real multipart POST with its CSRF token and
 *     one photo, over HTTP on loopback) against raw INSERTs of the same rows in the same run.
 * PostgreSQL when TEST_DATABASE_URL is set (database `prongsai_bench_complaints` is re-created
 * there), else embedded PGlite.
 * Run: TEST_DATABASE_URL=postgres://…/postgres node --import tsx bench/complaints.bench.ts [N=600]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

// The bench is one client address; lift the per-address hourly limit before the module loads.
process.env.SURVEYS_RATE_PER_HOUR = '100000000';
const { openDatabase } = await import('../src/core/db/client.js');
const { migrateDatabase } = await import('../src/core/db/migrate.js');
const { buildApp } = await import('../src/app.js');
const { ConfigSchema } = await import('../src/core/config/config.js');
const { SYSTEM_ACTOR } = await import('../src/core/context.js');
const { createAgency } = await import('../src/core/agencies/create-agency.js');
const { createStaffMember } = await import('../src/core/agencies/staff-members.js');
const { FAST_HASH_COST } = await import('../src/core/auth/password.js');
const { createSession, SESSION_COOKIE } = await import('../src/core/auth/sessions.js');
const { CSRF_COOKIE } = await import('../src/core/http/middleware.js');
const { stripMetadata } = await import('../src/complaints/strip-metadata.js');
const { fileComplaint } = await import('../src/complaints/file-complaint.js');
const { addCommitteeMember } = await import('../src/complaints/committee.js');
const { startServer } = await import('../test/helpers/browser.js');
const { jpegWithMetadata } = await import('../test/helpers/complaint-files.js');

const N = Number(process.argv[2] ?? '600');
const CONCURRENCY = 200;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (xs: number[]) =>
  pct(
    [...xs].sort((a, b) => a - b),
    50,
  );

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

// 1. A 5 MB JPEG with EXIF/XMP/comment and a trailer, 20 runs after 3 warm-ups.
{
  const photo = jpegWithMetadata(5 * 1024 * 1024);
  for (let i = 0; i < 3; i++) await stripMetadata('jpg', photo);
  const times: number[] = [];
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await stripMetadata('jpg', photo);
    times.push(performance.now() - start);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  console.log(
    `strip 5 MB JPEG: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; ` +
      `RSS +${((peakRss - before.rss) / 1048576).toFixed(1)} MB over the input's ${(photo.byteLength / 1048576).toFixed(1)} MB`,
  );
}

const url = process.env.TEST_DATABASE_URL;
let databaseUrl: string | undefined;
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists prongsai_bench_complaints with (force)');
  await admin.query('create database prongsai_bench_complaints');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/prongsai_bench_complaints';
  databaseUrl = u.toString();
}
const dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-bench-'));
const database = await openDatabase(
  databaseUrl ? { databaseUrl, poolSize: 10 } : { dataDir: 'memory://' },
);
await migrateDatabase(database);
const config = { ...ConfigSchema.parse({ seedDemo: false }), dataDir };
const app = buildApp(database, config);
const systemCtx = {
  db: database.db,
  actor: SYSTEM_ACTOR,
  locale: 'th' as const,
  now: () => new Date(),
};
const agency = await createAgency(systemCtx, {
  slug: 'bench',
  nameTh: 'เทศบาลทดสอบ',
  unitsTh: ['สำนักปลัด'],
});
const ctx = { ...systemCtx, agencyId: agency.id };
console.log(`database: ${database.kind}`);

// 2a. The cryptography alone: unwrap the member's copy of the committee key, open one identity.
{
  const {
    generateCommitteeKeys,
    wrapCommitteeKey,
    unwrapCommitteeKey,
    sealIdentity,
    openIdentity,
  } = await import('../src/complaints/identity-crypto.js');
  const keys = generateCommitteeKeys();
  const memberId = randomUUID();
  const wrapped = wrapCommitteeKey(agency.id, memberId, keys.privateKey);
  const binding = { agencyId: agency.id, complaintId: randomUUID() };
  const sealed = sealIdentity(
    keys.publicKey,
    { name: 'นายทดสอบ', phone: '0812345678', email: '', address: '' },
    binding,
  );
  const runs = 2000;
  const start = performance.now();
  for (let i = 0; i < runs; i++)
    openIdentity(unwrapCommitteeKey(agency.id, memberId, wrapped), sealed, binding);
  console.log(
    `unwrap + open one identity: ${(((performance.now() - start) / runs) * 1000).toFixed(0)} µs`,
  );
}

// 2. The case page with and without the identity opened.
{
  const { user } = await createStaffMember(
    ctx,
    {
      email: 'chair@example.org',
      displayName: 'ประธาน',
      roles: ['complaint_officer'],
      password: 'bench-password-1',
    },
    FAST_HASH_COST,
  );
  await addCommitteeMember(ctx, { userId: user.id, role: 'chair' });
  const filed = await fileComplaint(
    {
      db: database.db,
      agencyId: agency.id,
      dataDir,
      now: new Date(),
      channel: 'counter',
      actor: SYSTEM_ACTOR,
    },
    {
      kind: 'corruption',
      conductType: 'bribery',
      subject: 'ทดสอบ',
      details: 'รายละเอียดของเรื่องทดสอบ',
      location: '',
      accusedText: '',
      isAnonymous: false,
      name: 'นายทดสอบ ระบบ',
      phone: '0812345678',
      email: '',
      address: '',
    },
  );
  const token = await createSession(database.db, user.id, agency.id, new Date());
  const cookie = `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${'c'.repeat(43)}`;
  const page = `/staff/complaints/${filed.id}`;
  const measure = async (send: () => Promise<Response>) => {
    for (let i = 0; i < 20; i++) await (await send()).text();
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const start = performance.now();
      const res = await send();
      await res.text();
      if (res.status !== 200) throw new Error(`case page ${res.status}`);
      times.push(performance.now() - start);
    }
    return median(times);
  };
  const plain = await measure(() =>
    Promise.resolve(app.app.request(page, { headers: { cookie } })),
  );
  const opened = await measure(() =>
    Promise.resolve(
      app.app.request(`${page}/identity`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: `_csrf=${'c'.repeat(43)}`,
      }),
    ),
  );
  console.log(
    `case page: ${plain.toFixed(2)} ms; with the identity opened and audited: ${opened.toFixed(2)} ms (+${(opened - plain).toFixed(2)} ms)`,
  );
}

// 3. Filing at 200 concurrent clients vs raw INSERTs.
{
  const server = await startServer(app);
  const photo = jpegWithMetadata(200 * 1024);
  const csrf = 'b'.repeat(43);
  const file = async () => {
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('conductType', 'infrastructure');
    form.append('subject', 'ไฟถนนดับ');
    form.append('details', 'ไฟถนนดับหลายต้นหน้าตลาด มืดมาก');
    form.append('isAnonymous', '1');
    form.append('files', new File([new Uint8Array(photo)], 'photo.jpg', { type: 'image/jpeg' }));
    const start = performance.now();
    const res = await fetch(`${server.baseUrl}/a/bench/complaints/new/grievance`, {
      method: 'POST',
      headers: { cookie: `${CSRF_COOKIE}=${csrf}` },
      body: form,
    });
    const html = await res.text();
    if (res.status !== 200 || !html.includes('data-receipt'))
      throw new Error(
        `filing ${res.status} ${/<main[\s\S]*<\/main>/.exec(html)?.[0].slice(0, 600) ?? ''}`,
      );
    return performance.now() - start;
  };
  await pool(Array.from({ length: 100 }), 50, async () => void (await file()));
  const sequential: number[] = [];
  for (let i = 0; i < 30; i++) sequential.push(await file());
  console.log(`one filing at a time: median ${median(sequential).toFixed(1)} ms`);
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  let start = performance.now();
  await pool(Array.from({ length: N }), CONCURRENCY, async () => void latencies.push(await file()));
  const filingRate = N / ((performance.now() - start) / 1000);
  const cpu = process.cpuUsage(cpuBefore);
  // Client and server share this process: the CPU of both, per filing.
  const cpuPerFiling = (cpu.user + cpu.system) / 1000 / N;
  latencies.sort((a, b) => a - b);
  await server.close();

  // The same rows as plain single-row INSERTs, 200 at a time: the database's own ceiling.
  const insert = (i: number) =>
    database.query(
      `insert into complaints (agency_id, case_number, kind, channel, conduct_type, subject, details,
         is_anonymous, receipt_hash, received_on, step_on, due_on)
       values ($1, $2, 'grievance', 'web', 'infrastructure', 'ไฟถนนดับ', 'ไฟถนนดับหลายต้นหน้าตลาด มืดมาก',
         true, $3, current_date, current_date, current_date + 1)`,
      [agency.id, 1_000_000 + i, randomUUID()],
    );
  for (let i = 0; i < 100; i++) await insert(i);
  let k = 100;
  start = performance.now();
  await pool(Array.from({ length: N }), CONCURRENCY, async () => void (await insert(k++)));
  const rawRate = N / ((performance.now() - start) / 1000);
  console.log(
    `filing, ${CONCURRENCY} clients, ${N} POSTs with a 200 KB photo: ${filingRate.toFixed(0)}/s, ` +
      `p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms; ` +
      `raw INSERT ${rawRate.toFixed(0)}/s; ratio ${(filingRate / rawRate).toFixed(2)}; ` +
      `CPU (client + server) ${cpuPerFiling.toFixed(1)} ms per filing; load average ${loadavg()[0]!.toFixed(1)}`,
  );
}

await database.close();
rmSync(dataDir, { recursive: true, force: true });
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists prongsai_bench_complaints with (force)');
  await admin.end();
}
