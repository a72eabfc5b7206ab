import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/core/db/client.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { seedDemoAgency } from '../src/core/agencies/seed-demo.js';
import { SYSTEM_ACTOR } from '../src/core/context.js';
import { modules } from '../src/modules.js';
import {
  prepareEitSubmission,
  sendSubmission,
  type PreparedSubmission,
} from './helpers/survey-client.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** `bin/prongsai serve` on PGlite in `dataDir`; resolves once it listens. */
async function startServe(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, 'bin/prongsai'), ['serve', '--port', String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PRONGSAI_DATABASE_URL: '',
      PRONGSAI_DATA_DIR: dataDir,
      PRONGSAI_SEED_DEMO: 'false',
      PRONGSAI_HOST: '127.0.0.1',
      PRONGSAI_LOG_LEVEL: 'error',
      SURVEYS_RATE_PER_HOUR: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('http://localhost')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return child;
}

/** Resolves when the process has exited (also if it already has). */
function exited(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => p.once('exit', () => resolve()));
}

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

void describe('kill -9 during a surge of survey submissions', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'prongsai-survey-crash-'));
  let child: ChildProcess | undefined;
  after(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('keeps every thanked submission and counts none twice', async () => {
    const database = await openDatabase({ dataDir });
    await migrateDatabase(database);
    await seedDemoAgency(
      { db: database.db, actor: SYSTEM_ACTOR, locale: 'th', now: () => new Date() },
      modules,
    );
    const [campaign] = await database.query<{ id: string; n: number }>(
      `select c.id, (select count(*)::int from surveys_responses r where r.campaign_id = c.id) as n
       from surveys_campaigns c where c.tool = 'EIT'`,
    );
    await database.close();
    const seeded = campaign!.n;
    const surveyPath = `/a/phothong/surveys/${campaign!.id}`;

    const port = await freePort();
    child = await startServe(dataDir, port);
    const baseUrl = `http://127.0.0.1:${port}`;

    // Walk 60 respondents up to their final POST, then fire the final POSTs as a surge.
    const prepared: PreparedSubmission[] = [];
    for (let i = 0; i < 60; i++)
      prepared.push(await prepareEitSubmission(baseUrl, surveyPath, 2566, random));
    const thanked = new Set<string>();
    // Kill as soon as a few thank-you pages are out, so the kill lands mid-surge however fast
    // or loaded the machine is.
    const server = child;
    const surge = prepared.map(async (s) => {
      const outcome = await sendSubmission(s).catch(() => null);
      if (outcome === 'recorded') thanked.add(s.submissionKey);
      if (thanked.size >= 5 && server.exitCode === null) server.kill('SIGKILL');
    });
    await Promise.allSettled(surge);
    const killedMidSurge = thanked.size >= 5;
    if (!killedMidSurge) server.kill('SIGKILL');
    await exited(child!);
    assert.ok(
      killedMidSurge && thanked.size < prepared.length,
      `thanked ${thanked.size} of 60: kill landed mid-surge`,
    );

    // Restart; every client retries its final POST (a browser's "resend"): none may count twice.
    child = await startServe(dataDir, port);
    const retried = await Promise.all(prepared.map((s) => sendSubmission(s)));
    for (const [i, s] of prepared.entries()) {
      if (thanked.has(s.submissionKey)) assert.equal(retried[i], 'already-recorded');
      else assert.ok(retried[i] === 'recorded' || retried[i] === 'already-recorded');
    }
    child.kill('SIGTERM');
    await exited(child!);

    const after = await openDatabase({ dataDir });
    const rows = await after.query<{ submission_key: string }>(
      'select submission_key from surveys_responses where campaign_id = $1',
      [campaign!.id],
    );
    await after.close();
    const keys = rows.map((r) => r.submission_key);
    for (const key of thanked) assert.ok(keys.includes(key), `thanked ${key} is stored`);
    assert.equal(new Set(keys).size, keys.length, 'no submission stored twice');
    assert.equal(keys.length, seeded + prepared.length, 'each respondent counted exactly once');
  });
});
