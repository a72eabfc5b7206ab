import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/core/db/client.js';
import { migrateDatabase } from '../../src/core/db/migrate.js';
import { seedDemoAgency } from '../../src/core/agencies/seed-demo.js';
import { SYSTEM_ACTOR } from '../../src/core/context.js';
import { modules } from '../../src/modules.js';

/** `prongsai serve` as a real process (or a primary and its workers), for crash and cluster tests. */

const ROOT = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The database the server process opens itself: a PGlite directory, or (TEST_DATABASE_URL)
 * a fresh PostgreSQL database served by two worker processes, as `auto` runs it on a bigger
 * machine.
 */
export interface ServerDatabase {
  env: Record<string, string>;
  open: () => Promise<Database>;
  drop: () => Promise<void>;
}

/** serverDatabase() migrated and with the demo agency (its open EIT campaign included). */
export async function demoServerDatabase(): Promise<ServerDatabase> {
  const server = await serverDatabase();
  const database = await server.open();
  try {
    await migrateDatabase(database);
    await seedDemoAgency(
      { db: database.db, actor: SYSTEM_ACTOR, locale: 'th', now: () => new Date() },
      modules,
    );
  } finally {
    await database.close();
  }
  return server;
}

export async function serverDatabase(): Promise<ServerDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'prongsai-survey-crash-'));
    return {
      env: { DATABASE_URL: '', PRONGSAI_DATABASE_URL: '', PRONGSAI_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `prongsai_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  return {
    env: { DATABASE_URL: '', PRONGSAI_DATABASE_URL: databaseUrl, PRONGSAI_WORKERS: '2' },
    open: () => openDatabase({ databaseUrl, poolSize: 2 }),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** `bin/prongsai serve` on `env`'s database; resolves once it listens. */
export async function startServe(
  env: Record<string, string>,
  port: number,
  output?: (text: string) => void,
): Promise<ChildProcess> {
  const child = spawn(path.join(ROOT, 'bin/prongsai'), ['serve', '--port', String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      PRONGSAI_SEED_DEMO: 'false',
      PRONGSAI_HOST: '127.0.0.1',
      PRONGSAI_LOG_LEVEL: 'error',
      SURVEYS_RATE_PER_HOUR: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('http://localhost')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
      output?.(d.toString());
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return child;
}

/** The process and every process it started (a clustered server's workers). */
export function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited while we looked
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** kill -9 of a whole server at once, as a power cut or the OOM killer on its cgroup. */
export async function killAll(pids: number[]): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // Not our children (workers): wait until the kernel has reaped them or they are zombies.
  for (let i = 0; i < 200; i++) {
    const alive = pids.filter((pid) => {
      const stat = `/proc/${pid}/stat`;
      return existsSync(stat) && !/\) Z /.test(readFileSync(stat, 'utf8'));
    });
    if (alive.length === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server processes survived kill -9');
}

/** Resolves when the process has exited (also if it already has). */
export function exited(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => p.once('exit', () => resolve()));
}
