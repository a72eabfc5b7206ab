import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/core/db/client.js';
import { verifyAuditChain } from '../src/core/audit/audit.js';
import { DEMO_PASSWORD } from '../src/core/agencies/seed-demo.js';

const BIN = path.resolve('bin/prongsai');
const PG_URL = process.env.TEST_DATABASE_URL;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `prongsai serve` and resolves once it prints that it is ready. */
async function startServe(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('พร้อมใช้งาน')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
  return child;
}

/** Logs in over real HTTP: CSRF cookie and field from the form, then the session cookie. */
async function logIn(baseUrl: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${baseUrl}/login`);
  const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith('prongsai_csrf='))!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const cookie = csrfCookie.split(';')[0]!;
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: csrf,
      email: 'admin@phothong.example',
      password: DEMO_PASSWORD,
    }),
  });
  assert.equal(res.status, 303, 'demo admin logs in');
  const session = res.headers.getSetCookie().find((c) => c.startsWith('prongsai_session='))!;
  return { cookie: `${cookie}; ${session.split(';')[0]}`, csrf };
}

async function crashRun(target: { env: NodeJS.ProcessEnv; open: () => Promise<Database> }) {
  const port = await freePort();
  const env = { ...target.env, PORT: String(port), PRONGSAI_SEED_DEMO: 'true' };
  const baseUrl = `http://127.0.0.1:${port}`;
  let server = await startServe(env);
  const auth = await logIn(baseUrl);
  const acknowledged: string[] = [];
  const attempts = Array.from(
    { length: 60 },
    (_, i) => `หน่วยก่อนล่ม ${i + 1} ${randomBytes(3).toString('hex')}`,
  );
  const requests = attempts.map(async (nameTh, i) => {
    await new Promise((resolve) => setTimeout(resolve, i * 15));
    try {
      const res = await fetch(`${baseUrl}/staff/agency/units`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: auth.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: auth.csrf, nameTh }),
      });
      if (res.status === 303) acknowledged.push(nameTh);
    } catch {
      // The connection died with the server: not acknowledged, may or may not be stored.
    }
  });
  // Kill once some writes were acknowledged and others are still in flight.
  while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 10));
  server.kill('SIGKILL');
  await Promise.all(requests);
  assert.ok(acknowledged.length < attempts.length, 'the kill landed mid-way');

  server = await startServe(env);
  assert.equal((await fetch(`${baseUrl}/healthz`)).status, 200);
  await logIn(baseUrl);
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));

  const database = await target.open();
  try {
    const rows = await database.query<{ name_th: string; n: number }>(
      "select name_th, count(*)::int as n from core_units where name_th like 'หน่วยก่อนล่ม%' group by 1",
    );
    const stored = new Map(rows.map((r) => [r.name_th, r.n]));
    const lost = acknowledged.filter((name) => !stored.has(name));
    assert.deepEqual(lost, [], 'every acknowledged unit survived kill -9');
    assert.deepEqual(
      rows.filter((r) => r.n > 1),
      [],
      'no unit stored twice',
    );
    const audit = await verifyAuditChain(database.db);
    assert.deepEqual(audit.problems, []);
  } finally {
    await database.close();
  }
}

describe('kill -9 while writes are under way', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const baseEnv = () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.TEST_DATABASE_URL;
    delete env.DATABASE_URL;
    return env;
  };

  it(
    'loses nothing acknowledged on PGlite, and the audit chain verifies',
    { skip: !!PG_URL },
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'prongsai-crash-'));
      dirs.push(dataDir);
      await crashRun({
        env: { ...baseEnv(), DATA_DIR: dataDir },
        open: () => openDatabase({ dataDir }),
      });
    },
  );

  it(
    'loses nothing acknowledged on PostgreSQL, and the audit chain verifies',
    { skip: !PG_URL },
    async () => {
      const name = `prongsai_k_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(PG_URL!);
      url.pathname = `/${name}`;
      try {
        await crashRun({
          env: { ...baseEnv(), DATABASE_URL: url.toString() },
          open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 }),
        });
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
