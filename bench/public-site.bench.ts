/**
 * Benchmark of the public disclosure site (issue 4):
 *  1. weight of an OIT item page over the wire with its CSS, against the 60 KB budget;
 *  2. throughput and p99 latency of that page at 100 concurrent connections on loopback
 *     (wrk), against nginx serving the same rendered HTML as a static file in the same run.
 * Demo agency on in-memory PGlite (the default single-node setup).
 * Run: node --import tsx bench/public-site.bench.ts [seconds=10] [connections=100]
 * Needs wrk and nginx on PATH (apt-get install wrk nginx).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { Hono } from 'hono';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../src/core/db/client.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { createApp } from '../src/core/http/create-app.js';
import { agenciesModule } from '../src/core/agencies/module.js';
import { seedDemoAgency } from '../src/core/agencies/seed-demo.js';
import { SYSTEM_ACTOR } from '../src/core/context.js';
import { ConfigSchema } from '../src/core/config/config.js';
import { defineModule } from '../src/core/module.js';
import { disclosurePublicRoutes } from '../src/disclosure/routes.public.js';
import { seedDisclosure } from '../src/disclosure/seed.js';
import { startServer } from '../test/helpers/browser.js';

const seconds = Number(process.argv[2] ?? '10');
const connections = Number(process.argv[3] ?? '100');
const ITEM_PATH = '/a/phothong/oit/2566/o21';
const BUDGET_BYTES = 60 * 1024;

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
}

function toMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

// Asynchronous on purpose: the app under test runs in this process, so a blocking
// spawnSync would stall its event loop and measure nothing.
async function runWrk(url: string, duration = seconds): Promise<WrkResult> {
  const child = spawn('wrk', ['-t2', `-c${connections}`, `-d${duration}s`, '--latency', url]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (status !== 0) throw new Error(`wrk failed: ${stderr}`);
  const out = { stdout };
  const text = out.stdout;
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1]),
    p50Ms: toMs(/^\s+50%\s+(\S+)/m.exec(text)?.[1] ?? ''),
    p99Ms: toMs(/^\s+99%\s+(\S+)/m.exec(text)?.[1] ?? ''),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0),
  };
}

// The app, with the demo agency and its published 2566 disclosure.
const database = await openDatabase({ dataDir: 'memory://' });
await migrateDatabase(database);
const disclosure = defineModule({
  name: 'disclosure',
  publicMount: '',
  routes: { public: disclosurePublicRoutes },
  seed: seedDisclosure,
});
const modules = [agenciesModule, disclosure];
await seedDemoAgency(
  { db: database.db, actor: SYSTEM_ACTOR, locale: 'th', now: () => new Date() },
  modules,
);
const app = createApp({ database, config: ConfigSchema.parse({ seedDemo: false }), modules });
const server = await startServer(app);

// 1. Page weight: the HTML and every stylesheet it links (fonts are optional, system fallback).
const page = await fetch(`${server.baseUrl}${ITEM_PATH}`);
const html = await page.text();
const cssPaths = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
let cssBytes = 0;
let cssGzip = 0;
for (const css of cssPaths) {
  const body = Buffer.from(await (await fetch(`${server.baseUrl}${css}`)).arrayBuffer());
  cssBytes += body.byteLength;
  cssGzip += gzipSync(body).byteLength;
}
const htmlBytes = Buffer.byteLength(html);
const htmlGzip = gzipSync(html).byteLength;
const total = htmlBytes + cssBytes;
console.log(`Item page ${ITEM_PATH}`);
console.log(`  HTML ${htmlBytes} B + CSS ${cssBytes} B = ${total} B (uncompressed, as sent today)`);
console.log(`  gzip would be ${htmlGzip + cssGzip} B`);
console.log(`  ratio to the 60 KB budget: ${(total / BUDGET_BYTES).toFixed(3)} (≤ 1 passes)`);

// 2. nginx serving the same bytes as a static file, in the same run on the same machine.
const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-bench-'));
writeFileSync(path.join(dir, 'item.html'), html);
const nginxPort = await freePort();
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
  server {
    listen 127.0.0.1:${nginxPort};
    location / { root ${dir}; default_type text/html; }
  }
}
`,
);
const nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  let isUp = false;
  for (let i = 0; i < 50 && !isUp; i++) {
    await new Promise((r) => setTimeout(r, 100));
    isUp = await fetch(`http://127.0.0.1:${nginxPort}/item.html`).then(
      (r) => r.ok,
      () => false,
    );
  }
  if (!isUp) throw new Error('nginx did not start');

  // A bare Hono app on the same Node server sending the same bytes: the ceiling of Node
  // itself here, so the report separates the runtime's cost from the app's.
  const bare = await startServer(new Hono().get('/', (c) => c.html(html)));
  // And node:http writing a prepared Buffer: what the app's cache fast path can approach.
  const htmlBytesBuffer = Buffer.from(html);
  const rawNode = createHttpServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=UTF-8',
      'content-length': String(htmlBytesBuffer.byteLength),
    });
    res.end(htmlBytesBuffer);
  });
  await new Promise<void>((resolve) => rawNode.listen(0, '127.0.0.1', resolve));
  const rawNodeUrl = `http://127.0.0.1:${(rawNode.address() as { port: number }).port}/`;
  // Warm-up: JIT and the page cache, so the measured runs see the steady state.
  await runWrk(`${server.baseUrl}${ITEM_PATH}`, 2);
  await runWrk(`${bare.baseUrl}/`, 2);
  await runWrk(rawNodeUrl, 2);
  const wrkApp = await runWrk(`${server.baseUrl}${ITEM_PATH}`);
  const wrkBare = await runWrk(`${bare.baseUrl}/`);
  const wrkRawNode = await runWrk(rawNodeUrl);
  const wrkNginx = await runWrk(`http://127.0.0.1:${nginxPort}/item.html`);
  await bare.close();
  await new Promise((resolve) => rawNode.close(resolve));
  const row = (name: string, r: WrkResult) =>
    `  ${name.padEnd(22)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  non-2xx ${r.non2xx}`;
  console.log(`\nThroughput, ${connections} connections, ${seconds} s, wrk -t2, loopback`);
  console.log(row('prongsai (node, 1 proc)', wrkApp));
  console.log(row('bare hono, same bytes', wrkBare));
  console.log(row('node:http, same bytes', wrkRawNode));
  console.log(row('nginx static (1 worker)', wrkNginx));
  console.log(
    `  ratio prongsai / nginx: ${(wrkApp.requestsPerSecond / wrkNginx.requestsPerSecond).toFixed(3)} (aim ≥ 0.5)`,
  );
  console.log(
    `  ratio node:http / nginx: ${(wrkRawNode.requestsPerSecond / wrkNginx.requestsPerSecond).toFixed(3)}; prongsai / node:http: ${(wrkApp.requestsPerSecond / wrkRawNode.requestsPerSecond).toFixed(3)}`,
  );
  console.log(
    `  ratio bare hono / nginx: ${(wrkBare.requestsPerSecond / wrkNginx.requestsPerSecond).toFixed(3)}; prongsai / bare hono: ${(wrkApp.requestsPerSecond / wrkBare.requestsPerSecond).toFixed(3)}`,
  );
  console.log(`  (${availableParallelism()} CPUs shared by wrk, node and nginx)`);
} finally {
  nginx.kill('SIGTERM');
  await new Promise((r) => nginx.once('exit', r));
  await server.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
