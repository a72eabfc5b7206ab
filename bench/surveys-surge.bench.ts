/**
 * Closing-day surge of EIT submissions: the real HTTP route (CSRF, draft cookie, one
 * transaction that deletes the draft and stores the answer) at 50 and 200 concurrent clients
 * on loopback, against the raw insert rate of the same rows straight into the database,
 * measured in the same run. PostgreSQL when TEST_DATABASE_URL is set (a database
 * `prongsai_bench_surveys` is re-created there), and always embedded PGlite.
 * Run: TEST_DATABASE_URL=postgres://…/postgres node --import tsx bench/surveys-surge.bench.ts [N=1000]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

// The bench is one client address; lift the per-address hourly limit before the module loads.
process.env.SURVEYS_RATE_PER_HOUR = '100000000';
const { openDatabase } = await import('../src/core/db/client.js');
const { migrateDatabase } = await import('../src/core/db/migrate.js');
const { seedDemoAgency } = await import('../src/core/agencies/seed-demo.js');
const { SYSTEM_ACTOR } = await import('../src/core/context.js');
const { modules } = await import('../src/modules.js');
const { spawn } = await import('node:child_process');
const { prepareEitSubmission, seededRandom } = await import('../test/helpers/survey-client.js');
type Database = Awaited<ReturnType<typeof openDatabase>>;
type Prepared = Awaited<ReturnType<typeof prepareEitSubmission>>;

const N = Number(process.argv[2] ?? '1000');
const random = seededRandom(7);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

interface Figure {
  perSecond: number;
  p50: number;
  p99: number;
  cores?: { server: number; database: number; client: number };
}

/**
 * Replays the prepared final POSTs, each once, over `concurrency` keep-alive sockets: request
 * bytes built in advance, responses parsed just enough (status, Content-Length, outcome). A
 * lean client leaves the two cores to the server and the database, as the raw-insert
 * baseline's in-process pg client does; fetch() cost more CPU than the server's own work.
 *
 * The first `warmUp` requests go first over the same sockets and are checked but not
 * measured: a fresh server compiles the submit path on its first few hundred POSTs, and the
 * figure is the sustained rate. The clients do not start the measured part in lockstep, as a
 * surge measured from its first request would (every client's first request at once: a wave
 * of `concurrency` requests queued behind new connections), which is not what a closing day
 * looks like after its first second. The window runs from the first measured request sent
 * to the last one answered, and counts every response answered in it; the server's CPU is
 * read at both ends.
 */
async function surge(
  prepared: Prepared[],
  concurrency: number,
  baseUrl: string,
  warmUp: number,
): Promise<Required<Figure>> {
  const { hostname, port } = new URL(baseUrl);
  const requests = prepared.map((s) => {
    const body = new URLSearchParams({ _csrf: s.client.csrf, ...s.form }).toString();
    return Buffer.from(
      `POST ${s.path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${s.client.cookieHeader()}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  let next = 0;
  let window:
    { t0: number; cpu0: { server: number; database: number }; own0: NodeJS.CpuUsage } | undefined;
  let answeredInWindow = 0;
  const startWindow = () => {
    profileSignal();
    window = { cpu0: cpuSeconds(serverPids()), own0: process.cpuUsage(), t0: performance.now() };
  };
  if (warmUp === 0) startWindow();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, requests.length) }, async () => {
      const socket = netConnect(Number(port), hostname);
      socket.setNoDelay(true);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve).once('error', reject);
      });
      try {
        while (next < requests.length) {
          const index = next++;
          if (index === warmUp && warmUp > 0) startWindow();
          const start = performance.now();
          const response = await readResponse(socket, requests[index]!);
          if (index >= warmUp) latencies.push(performance.now() - start);
          // Warm-up requests still in flight when the window opens are answered inside it.
          if (window) answeredInWindow += 1;
          const outcome =
            response.status === 200
              ? (/data-outcome="([^"]+)"/.exec(response.body)?.[1] ?? 'none')
              : String(response.status);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
      } finally {
        socket.destroy();
      }
    }),
  );
  const seconds = (performance.now() - window!.t0) / 1000;
  const cpu1 = cpuSeconds(serverPids());
  const own = process.cpuUsage(window!.own0);
  profileSignal();
  cpuShare = {
    server: (cpu1.server - window!.cpu0.server) / seconds,
    database: (cpu1.database - window!.cpu0.database) / seconds,
    client: (own.user + own.system) / 1e6 / seconds,
  };
  const recorded = outcomes.get('recorded') ?? 0;
  if (recorded !== prepared.length) {
    throw new Error(`${prepared.length - recorded} not recorded: ${JSON.stringify([...outcomes])}`);
  }
  latencies.sort((a, b) => a - b);
  return {
    perSecond: answeredInWindow / seconds,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    cores: cpuShare,
  };
}

/** Cores busy during the last surge: the app server's processes, PostgreSQL's, this load generator. */
let cpuShare = { server: 0, database: 0, client: 0 };
let serverPidList: number[] = [];
const serverPids = () => serverPidList;

/** Every process on the machine with its parent and the CPU ticks it has used. */
function processTable() {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [
          {
            pid: Number(d),
            name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
            ppid: Number(fields[1]),
            used: Number(fields[11]) + Number(fields[12]),
          },
        ];
      } catch {
        return []; // gone
      }
    });
}

/** The server's processes: the ones the bench started and their workers (a clustered server). */
function serverProcesses(table: ReturnType<typeof processTable>, pids: number[]): Set<number> {
  const server = new Set(pids);
  for (const p of table) if (server.has(p.ppid)) server.add(p.pid);
  return server;
}

/** CPU seconds used so far by the given processes (with their children) and by all postgres processes. */
function cpuSeconds(pids: number[]): { server: number; database: number } {
  const table = processTable();
  const server = serverProcesses(table, pids);
  let serverTicks = 0;
  let databaseTicks = 0;
  for (const p of table) {
    if (server.has(p.pid)) serverTicks += p.used;
    else if (p.name === 'postgres') databaseTicks += p.used;
  }
  return { server: serverTicks / 100, database: databaseTicks / 100 };
}

/** Sends one request and reads one HTTP/1.1 response with a Content-Length (what the app sends). */
function readResponse(socket: Socket, request: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let buffered: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = buffered.byteLength === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const headerEnd = buffered.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const head = buffered.subarray(0, headerEnd).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1]);
      if (!Number.isFinite(length)) return fail(new Error(`no Content-Length: ${head}`));
      if (buffered.byteLength < headerEnd + 4 + length) return;
      socket.off('data', onData).off('error', fail).off('close', fail);
      resolve({
        status: Number(head.slice(9, 12)),
        body: buffered.subarray(headerEnd + 4, headerEnd + 4 + length).toString(),
      });
    };
    const fail = (error?: unknown) => {
      socket.off('data', onData).off('error', fail).off('close', fail);
      reject(error instanceof Error ? error : new Error('connection closed'));
    };
    socket.on('data', onData).once('error', fail).once('close', fail);
    socket.write(request);
  });
}

/** The same rows, one autocommit INSERT each, `concurrency` at a time. */
async function rawInserts(database: Database, rows: unknown[][], concurrency: number) {
  const latencies: number[] = [];
  const t0 = performance.now();
  await pool(rows, concurrency, async (row) => {
    const start = performance.now();
    await database.query(
      `insert into surveys_responses (agency_id, campaign_id, answered_on, channel, answers, extra_answers, submission_key)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      row,
    );
    latencies.push(performance.now() - start);
  });
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: rows.length / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

/** Starts, then stops, the CPU profile of every server process (BENCH_CPU_PROF only). */
function profileSignal() {
  if (!process.env.BENCH_CPU_PROF) return;
  for (const pid of serverProcesses(processTable(), serverPidList)) process.kill(pid, 'SIGUSR2');
}

/** The server in its own process (as in production), so the load generator does not share its event loop. */
async function serve(env: Record<string, string>, port: number) {
  // BENCH_CPU_PROF=<dir> profiles the server's processes during the measured surge only
  // (bench/profile-on-signal.ts; one <pid>.cpuprofile per process).
  const profile = process.env.BENCH_CPU_PROF;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...(profile ? ['--import', path.resolve(import.meta.dirname, 'profile-on-signal.ts')] : []),
      path.resolve(import.meta.dirname, '../src/main.ts'),
      'serve',
      '--port',
      String(port),
    ],
    {
      env: {
        ...process.env,
        PRONGSAI_SEED_DEMO: 'false',
        PRONGSAI_HOST: '127.0.0.1',
        PRONGSAI_LOG_LEVEL: 'error',
        // BENCH_WORKERS=n: server processes (default: the app's own default, one per core on PostgreSQL).
        ...(process.env.BENCH_WORKERS ? { PRONGSAI_WORKERS: process.env.BENCH_WORKERS } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  serverPidList = [child.pid!];
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('http://localhost') && resolve());
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function runOn(
  label: string,
  open: () => Promise<Database>,
  serverEnv: Record<string, string>,
  port: number,
) {
  let database = await open();
  await migrateDatabase(database);
  await seedDemoAgency(
    { db: database.db, actor: SYSTEM_ACTOR, locale: 'th', now: () => new Date() },
    modules,
  );
  const [campaign] = await database.query<{ id: string; agency_id: string }>(
    `select id, agency_id from surveys_campaigns where tool = 'EIT'`,
  );
  // PGlite allows one process: hand the directory to the server while it runs.
  const exclusive = label === 'PGlite';
  if (exclusive) await database.close();
  const surveyPath = `/a/phothong/surveys/${campaign!.id}`;
  const results: string[] = [];
  // BENCH_CONCURRENCY=50 runs one level only (quicker comparisons).
  const levels = process.env.BENCH_CONCURRENCY
    ? [Number(process.env.BENCH_CONCURRENCY)]
    : [50, 200];
  for (const concurrency of levels) {
    const server = await serve(serverEnv, port);
    const prepared: Prepared[] = [];
    let http: Required<Figure>;
    try {
      const warmUp = Math.min(500, Math.floor(N / 5));
      await pool(Array.from({ length: N + warmUp }), 50, async () => {
        prepared.push(await prepareEitSubmission(server.baseUrl, surveyPath, 2566, random));
      });
      // A fresh server compiles the submit path on its first few hundred POSTs; the figure is
      // the sustained rate after that (the warm-up submissions are sent, and checked, first).
      http = await surge(prepared, concurrency, server.baseUrl, warmUp);
      prepared.splice(0, warmUp);
    } finally {
      await server.close();
    }
    if (exclusive) database = await open();
    const sample = await database.query<{ answers: unknown; extra_answers: unknown }>(
      'select answers, extra_answers from surveys_responses where campaign_id = $1 limit 1',
      [campaign!.id],
    );
    const rowsFor = (n: number) =>
      Array.from({ length: n }, () => [
        campaign!.agency_id,
        campaign!.id,
        '2026-09-30',
        'counter',
        JSON.stringify(sample[0]!.answers),
        JSON.stringify(sample[0]!.extra_answers),
        randomUUID(),
      ]);
    // The baseline is warmed up too (pool connections opened, statement plans cached), so
    // both sides are compared at their sustained rate.
    await rawInserts(database, rowsFor(Math.min(500, Math.floor(N / 5))), concurrency);
    const raw = await rawInserts(database, rowsFor(prepared.length), concurrency);
    const line =
      `${label} c=${concurrency} N=${N}: HTTP ${http.perSecond.toFixed(0)}/s p50 ${http.p50.toFixed(1)} ms p99 ${http.p99.toFixed(1)} ms | ` +
      `raw INSERT ${raw.perSecond.toFixed(0)}/s p50 ${raw.p50.toFixed(1)} ms p99 ${raw.p99.toFixed(1)} ms | ratio ${(http.perSecond / raw.perSecond).toFixed(2)}` +
      ` | server CPU ${((http.cores.server / http.perSecond) * 1e6).toFixed(0)} µs/submission` +
      ` | cores busy during the HTTP surge: server ${http.cores.server.toFixed(2)}, database ${http.cores.database.toFixed(2)}, load generator ${http.cores.client.toFixed(2)}`;
    console.log(line);
    results.push(line);
    if (exclusive) await database.close();
  }
  if (!exclusive) await database.close();
  return results;
}

const url = process.env.TEST_DATABASE_URL;
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists prongsai_bench_surveys with (force)');
  await admin.query('create database prongsai_bench_surveys');
  const u = new URL(url);
  u.pathname = '/prongsai_bench_surveys';
  await runOn(
    'PostgreSQL',
    () => openDatabase({ databaseUrl: u.toString() }),
    { PRONGSAI_DATABASE_URL: u.toString() },
    39611,
  );
  // Left in place for inspection; the next run drops it first.
  await admin.end();
} else {
  console.log(
    'TEST_DATABASE_URL is not set: PostgreSQL figures skipped. Run with\n' +
      '  TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres node --import tsx bench/surveys-surge.bench.ts',
  );
}
// BENCH_PGLITE=0 skips the embedded run (several minutes on a busy machine).
if (process.env.BENCH_PGLITE !== '0') {
  const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-bench-surveys-'));
  await runOn(
    'PGlite',
    () => openDatabase({ dataDir: dir }),
    { PRONGSAI_DATA_DIR: dir, DATABASE_URL: '', PRONGSAI_DATABASE_URL: '' },
    39612,
  );
  rmSync(dir, { recursive: true, force: true });
}
