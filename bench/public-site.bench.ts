/**
 * Benchmark of the public site as shipped (issue 14 §2): `prongsai serve` started the way
 * `npm start` starts it (all modules, PGlite in a fresh data directory, the demo agency seeded
 * on first start), against nginx with as many workers (PGlite runs one process, so one) serving
 * the same bytes from files, uncompressed and gzip (nginx `gzip_static`), measured with wrk.
 *
 *  - pages: the OIT index and one OIT item page of the demo agency;
 *  - runs are interleaved (app, nginx, app, nginx…) and the order alternates, so a neighbour's
 *    CPU burst hits both sides; the report gives each run's ratio and the median over runs;
 *  - also the weight of each page over the wire with its CSS, identity / gzip / br.
 *
 * Run: node --import tsx bench/public-site.bench.ts [seconds=5] [connections=50] [runs=5]
 * BENCH_CPU_PROF=dir adds a CPU profile of the server during one run of each page
 * (bench/profile-on-signal.ts). Needs wrk and nginx on PATH (apt-get install wrk nginx-light).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const seconds = Number(process.argv[2] ?? '5');
const connections = Number(process.argv[3] ?? '50');
const runs = Number(process.argv[4] ?? '5');
const ROOT = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

function toMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

async function runWrk(
  url: string,
  encoding: string | null,
  duration = seconds,
): Promise<WrkResult> {
  const args = ['-t2', `-c${connections}`, `-d${duration}s`, '--latency'];
  if (encoding) args.push('-H', `Accept-Encoding: ${encoding}`);
  const child = spawn('wrk', [...args, url]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (status !== 0) throw new Error(`wrk failed: ${stderr}`);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    stdout,
  );
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p50Ms: toMs(/^\s+50%\s+(\S+)/m.exec(stdout)?.[1] ?? ''),
    p99Ms: toMs(/^\s+99%\s+(\S+)/m.exec(stdout)?.[1] ?? ''),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0),
    errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

/** One raw GET: node:http neither adds Accept-Encoding nor decodes, so the bytes are the wire's. */
function rawGet(
  url: string,
  encoding: string | null,
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { headers: encoding ? { 'accept-encoding': encoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () =>
          resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }),
        );
      },
    );
    req.once('error', reject);
    req.end();
  });
}

async function waitFor(url: string, what: string, child?: ChildProcess): Promise<void> {
  // Up to 3 minutes: a first start migrates and seeds PGlite, slow on a busy machine.
  for (let i = 0; i < 1800; i++) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode})`);
    const ok = await rawGet(url, null).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-bench-'));
// BENCH_PORT picks two fixed ports (port, port + 1) where a shared machine asks for them.
const basePort = Number(process.env.BENCH_PORT ?? 0);
const appPort = basePort || (await freePort());
const nginxPort = basePort ? basePort + 1 : await freePort();
const profileDir = process.env.BENCH_CPU_PROF;

// 1. The server as `npm start` runs it, on a fresh PGlite directory: it seeds the demo agency.
const app = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    ...(profileDir ? ['--import', './bench/profile-on-signal.ts'] : []),
    'src/main.ts',
    'serve',
  ],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(appPort),
      PRONGSAI_HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: '',
      PRONGSAI_DATABASE_URL: '',
      PRONGSAI_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
let nginx: ChildProcess | undefined;
// Interrupted: stop the server and nginx too, then leave.
const interrupted = () => {
  app.kill('SIGTERM');
  nginx?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  process.exit(130);
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);
try {
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitFor(`${appUrl}/healthz`, 'prongsai serve', app);
  const index = await rawGet(`${appUrl}/a/phothong/oit`, null);
  const itemPath = /href="(\/a\/phothong\/oit\/\d{4}\/o\d+)"/.exec(index.body.toString())?.[1];
  if (index.status !== 200 || !itemPath) throw new Error('the demo OIT index has no item link');
  const pages = [
    { name: 'OIT index', path: '/a/phothong/oit', file: 'index.html' },
    { name: 'OIT item', path: itemPath, file: 'item.html' },
  ];

  // 2. Page weight with CSS, and the exact bytes nginx will serve (identity and gzip).
  console.log(
    `prongsai serve (npm start: all modules, PGlite, demo agency) vs nginx, ${new Date().toISOString()}`,
  );
  for (const page of pages) {
    const weights: string[] = [];
    for (const encoding of [null, 'gzip', 'br']) {
      const html = await rawGet(`${appUrl}${page.path}`, encoding);
      const identity = encoding ? (await rawGet(`${appUrl}${page.path}`, null)).body : html.body;
      let total = html.body.byteLength;
      for (const m of identity.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
        total += (await rawGet(`${appUrl}${m[1]}`, encoding)).body.byteLength;
      }
      weights.push(`${encoding ?? 'identity'} ${total} B`);
      if (encoding === null) writeFileSync(path.join(dir, page.file), html.body);
      if (encoding === 'gzip') {
        if (html.headers['content-encoding'] !== 'gzip') throw new Error('no gzip from the app');
        writeFileSync(path.join(dir, `${page.file}.gz`), html.body);
      }
    }
    console.log(`  ${page.name} ${page.path} with its CSS: ${weights.join(', ')}`);
  }

  // 3. nginx, same number of workers, the same bytes from files (gzip_static for gzip).
  const isRoot = process.getuid?.() === 0;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${isRoot ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  gzip_static on; gzip_vary on;
  server {
    listen 127.0.0.1:${nginxPort};
    location / { root ${dir}; default_type text/html; }
  }
}
`,
  );
  nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const nginxUrl = `http://127.0.0.1:${nginxPort}`;
  await waitFor(`${nginxUrl}/index.html`, 'nginx', nginx);

  // 4. The ceiling of Node itself: node:http in this process writing the same prepared bytes
  // with the same headers, so the report separates the runtime's cost from the app's.
  const prepared = new Map<string, { headers: Record<string, unknown>; body: Buffer }>();
  for (const page of pages) {
    for (const encoding of [null, 'gzip']) {
      const got = await rawGet(`${appUrl}${page.path}`, encoding);
      const headers = { ...got.headers };
      delete headers.date;
      delete headers.connection;
      delete headers['keep-alive'];
      prepared.set(`${page.file}|${encoding ?? ''}`, { headers, body: got.body });
    }
  }
  const ceiling = createHttpServer((req, res) => {
    const gzip = /gzip/.test(req.headers['accept-encoding'] ?? '');
    const file = req.url === '/item.html' ? 'item.html' : 'index.html';
    const answer = prepared.get(`${file}|${gzip ? 'gzip' : ''}`)!;
    res.writeHead(200, answer.headers as never);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => ceiling.listen(0, '127.0.0.1', resolve));
  const ceilingUrl = `http://127.0.0.1:${(ceiling.address() as { port: number }).port}`;

  // 5. Interleaved runs.
  const cases = pages.flatMap((page) => [null, 'gzip'].map((encoding) => ({ page, encoding })));
  for (const c of cases) {
    await runWrk(`${appUrl}${c.page.path}`, c.encoding, 2); // warm-up: JIT and the page cache
    await runWrk(`${nginxUrl}/${c.page.file}`, c.encoding, 1);
  }
  const results = cases.map(() => ({
    app: [] as WrkResult[],
    nginx: [] as WrkResult[],
    node: [] as WrkResult[],
  }));
  for (let run = 0; run < runs; run++) {
    for (const [i, c] of cases.entries()) {
      const profiling = profileDir !== undefined && run === 0 && c.encoding === null;
      const measureApp = async () => {
        if (profiling) app.kill('SIGUSR2');
        results[i]!.app.push(await runWrk(`${appUrl}${c.page.path}`, c.encoding));
        if (profiling) app.kill('SIGUSR2');
      };
      const measureNginx = async () =>
        results[i]!.nginx.push(await runWrk(`${nginxUrl}/${c.page.file}`, c.encoding));
      if (run % 2 === 0) {
        await measureApp();
        await measureNginx();
      } else {
        await measureNginx();
        await measureApp();
      }
      results[i]!.node.push(await runWrk(`${ceilingUrl}/${c.page.file}`, c.encoding));
    }
  }

  console.log(
    `\nwrk -t2 -c${connections} -d${seconds}s, loopback, ${runs} interleaved runs; ` +
      `${availableParallelism()} CPUs shared by wrk, node, nginx and other work ` +
      `(load average at the end ${loadavg()[0]!.toFixed(2)})`,
  );
  console.log(
    '  page        encoding  prongsai req/s  nginx req/s  ratio (median of runs)  per-run ratios            prongsai p50/p99 ms  nginx p99 ms  node:http req/s  prongsai/node:http',
  );
  for (const [i, c] of cases.entries()) {
    const r = results[i]!;
    const ratios = r.app.map((a, k) => a.requestsPerSecond / r.nginx[k]!.requestsPerSecond);
    const bad = [...r.app, ...r.nginx].reduce((s, x) => s + x.non2xx + x.errors, 0);
    console.log(
      `  ${c.page.name.padEnd(10)}  ${(c.encoding ?? 'identity').padEnd(8)}  ` +
        `${median(r.app.map((x) => x.requestsPerSecond))
          .toFixed(0)
          .padStart(14)}  ` +
        `${median(r.nginx.map((x) => x.requestsPerSecond))
          .toFixed(0)
          .padStart(11)}  ` +
        `${median(ratios).toFixed(2).padStart(22)}  ${ratios
          .map((x) => x.toFixed(2))
          .join(' ')
          .padEnd(24)}  ` +
        `${median(r.app.map((x) => x.p50Ms)).toFixed(2)} / ${median(r.app.map((x) => x.p99Ms)).toFixed(2)}`.padStart(
          19,
        ) +
        `  ${median(r.nginx.map((x) => x.p99Ms))
          .toFixed(2)
          .padStart(12)}` +
        `  ${median(r.node.map((x) => x.requestsPerSecond))
          .toFixed(0)
          .padStart(15)}` +
        `  ${median(r.app.map((a, k) => a.requestsPerSecond / r.node[k]!.requestsPerSecond))
          .toFixed(2)
          .padStart(18)}` +
        (bad ? `  (${bad} non-2xx or socket errors)` : ''),
    );
  }
  await new Promise((resolve) => ceiling.close(resolve));
} finally {
  process.off('SIGINT', interrupted);
  process.off('SIGTERM', interrupted);
  if (nginx && nginx.exitCode === null) {
    nginx.kill('SIGTERM');
    await new Promise((r) => nginx!.once('exit', r));
  }
  if (app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
}
