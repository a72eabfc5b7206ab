import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { openDatabase, type Database } from './client.js';
import { migrateDatabase } from './migrate.js';
import { backupDatabase, restoreDatabase, RestoreError } from './backup.js';
import { PGLITE_TEMPLATE } from '../../../test/helpers/test-context.js';
import { listStoredFiles, storedFilePath, storeFile } from '../files/index.js';
import { seedDemoAgency } from '../agencies/seed-demo.js';
import { createUnit } from '../agencies/units.js';
import { createStaffMember } from '../agencies/staff-members.js';
import { FAST_HASH_COST } from '../auth/password.js';
import { SYSTEM_ACTOR, type AgencyContext } from '../context.js';

const BIN = path.resolve('bin/prongsai');
const PG_URL = process.env.TEST_DATABASE_URL;

/** A migrated, empty PGlite; from the suite's template when there is one (0.5 s instead of 3). */
async function openPglite(dataDir = 'memory://'): Promise<Database> {
  const template =
    dataDir === 'memory://' && existsSync(PGLITE_TEMPLATE)
      ? new Blob([readFileSync(PGLITE_TEMPLATE)])
      : undefined;
  const database = await openDatabase({ dataDir, loadDataDir: template });
  if (!template) await migrateDatabase(database);
  return database;
}

/** An empty, migrated target: a new PostgreSQL database when the suite has one, else PGlite. */
async function openTarget(
  migrate = true,
): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (!PG_URL) {
    const database = await openPglite();
    return { database, drop: () => database.close() };
  }
  const name = `prongsai_r_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
  if (migrate) await migrateDatabase(database);
  return {
    database,
    url: u.toString(),
    drop: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: PG_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Every row of every public table, ordered, as parsed JSON (comparable across engines). */
async function allRows(database: Database): Promise<Record<string, unknown[]>> {
  const tables = await database.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = await database.query<{ r: string }>(
      `select row_to_json(t)::text as r from "${name}" t order by row_to_json(t)::text`,
    );
    out[name] = rows
      .map((x) => JSON.parse(x.r) as unknown)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

async function seed(database: Database) {
  const systemCtx = {
    db: database.db,
    actor: { ...SYSTEM_ACTOR, label: 'backup-test' },
    locale: 'th' as const,
    now: () => new Date(),
  };
  // Core's demo rows only: src/core imports no module, even in tests.
  await seedDemoAgency(systemCtx, []);
  const [agency] = await database.query<{ id: string }>(
    "select id from core_agencies where slug = 'phothong'",
  );
  const ctx: AgencyContext = {
    ...systemCtx,
    agencyId: agency!.id,
    actor: { userId: null, label: 'backup-test', roles: ['agency_admin'], isInstanceAdmin: false },
  };
  for (const name of ['กองช่าง ๒', 'งานป้องกัน "สาธารณภัย"', "หน่วย O'Brien\nบรรทัดสอง"]) {
    await createUnit(ctx, { nameTh: name });
  }
  await createStaffMember(
    ctx,
    {
      email: 'backup@example.org',
      displayName: 'สำรอง ข้อมูล',
      roles: ['executive', 'unit_officer'],
      password: 'backup-pass-123',
    },
    FAST_HASH_COST,
  );
}

const emptyCounts = (rows: Record<string, unknown[]>) =>
  Object.entries(rows)
    .filter(([, list]) => list.length > 0)
    .map(([t]) => t);

describe(`backup and restore (PGlite → ${PG_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-backup-'));
  const file = path.join(dir, 'backup.jsonl.gz');
  let source: Database;
  let sourceRows: Record<string, unknown[]>;

  before(async () => {
    source = await openPglite();
    await seed(source);
    sourceRows = await allRows(source);
    await backupDatabase(source, file);
  });
  after(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row of every table into an empty database', async () => {
    assert.ok(sourceRows.core_units!.length >= 8 && sourceRows.core_audit_log!.length > 0);
    const target = await openTarget();
    try {
      const result = await restoreDatabase(target.database, file);
      assert.ok(result.rows > 20);
      assert.deepEqual(await allRows(target.database), sourceRows);
    } finally {
      await target.drop();
    }
  });

  it('refuses a non-empty database and changes nothing there', async () => {
    const target = await openTarget();
    try {
      await restoreDatabase(target.database, file);
      const before = await allRows(target.database);
      await assert.rejects(restoreDatabase(target.database, file), RestoreError);
      assert.deepEqual(await allRows(target.database), before);
    } finally {
      await target.drop();
    }
  });

  it('rolls back entirely on a truncated or corrupt file', async () => {
    const whole = readFileSync(file);
    const truncated = path.join(dir, 'truncated.gz');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.7)));
    const lines = gunzipSync(whole).toString('utf8').trimEnd().split('\n');
    // Valid rows for most tables, then a line that is not JSON: earlier batches were inserted.
    const corrupt = path.join(dir, 'corrupt.gz');
    writeFileSync(corrupt, gzipSync([...lines, '{"row": {broken'].join('\n')));
    const badRow = path.join(dir, 'bad-row.gz');
    writeFileSync(
      badRow,
      gzipSync([...lines, '{"table":"core_units"}', '{"row":{"id":"not-a-uuid"}}'].join('\n')),
    );
    for (const broken of [truncated, corrupt, badRow]) {
      const target = await openTarget();
      try {
        await assert.rejects(restoreDatabase(target.database, broken));
        assert.deepEqual(emptyCounts(await allRows(target.database)), [], path.basename(broken));
      } finally {
        await target.drop();
      }
    }
  });

  it('works through the CLI: prongsai backup F, then restore F into an empty database', async () => {
    const sourceDir = path.join(dir, 'source');
    const seeded = await openPglite(sourceDir);
    await seed(seeded);
    const expected = await allRows(seeded);
    await seeded.close();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: sourceDir };
    delete env.DATABASE_URL;
    delete env.TEST_DATABASE_URL;
    const cliFile = path.join(dir, 'cli.jsonl.gz');
    const backup = spawnSync(BIN, ['backup', cliFile], { env, encoding: 'utf8', timeout: 120_000 });
    assert.equal(backup.status, 0, backup.stderr);
    // The CLI migrates the target itself, as an operator's fresh database would be.
    const target = await openTarget(false);
    const targetDir = path.join(dir, 'target');
    const restoreEnv = target.url
      ? { ...env, DATABASE_URL: target.url }
      : { ...env, DATA_DIR: targetDir };
    await target.drop().catch(() => undefined);
    if (target.url) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create database ${new URL(target.url).pathname.slice(1)}`);
      await admin.end();
    }
    const restore = spawnSync(BIN, ['restore', cliFile], {
      env: restoreEnv,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(restore.status, 0, restore.stderr);
    const check = target.url
      ? await openDatabase({ databaseUrl: target.url, poolSize: 2 })
      : await openDatabase({ dataDir: targetDir });
    try {
      assert.deepEqual(await allRows(check), expected);
    } finally {
      await check.close();
      if (target.url) {
        const dropper = new pg.Client({ connectionString: PG_URL });
        await dropper.connect();
        await dropper.query(
          `drop database if exists ${new URL(target.url).pathname.slice(1)} with (force)`,
        );
        await dropper.end();
      }
    }
  });
});

describe('backup and restore of the file store', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-backup-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('carries every stored file across, each checked against its SHA-256', async () => {
    const sourceDir = path.join(dir, 'source');
    const contents = ['%PDF-1.4 คำสั่งแต่งตั้ง', '%PDF-1.4 รายงานผล'].map((s) => Buffer.from(s));
    const shas = [];
    for (const bytes of contents) shas.push((await storeFile(sourceDir, bytes)).sha256);
    const source = await openPglite();
    await seed(source);
    const file = path.join(dir, 'with-files.jsonl.gz');
    try {
      assert.equal((await backupDatabase(source, file, { dataDir: sourceDir })).files, 2);
    } finally {
      await source.close();
    }
    const target = await openTarget();
    const targetDir = path.join(dir, 'target');
    try {
      const result = await restoreDatabase(target.database, file, { dataDir: targetDir });
      assert.equal(result.files, 2);
      assert.deepEqual(await listStoredFiles(targetDir), [...shas].sort());
      for (const [i, sha] of shas.entries()) {
        assert.deepEqual(readFileSync(storedFilePath(targetDir, sha)), contents[i]);
      }
    } finally {
      await target.drop();
    }
    // A file whose bytes no longer match its name fails the restore; no rows are kept.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const tampered = lines.map((l) =>
      l.startsWith('{"file"') ? l.replace(/"data":"[^"]+"/, '"data":"AAAA"') : l,
    );
    const damaged = path.join(dir, 'damaged.jsonl.gz');
    writeFileSync(damaged, gzipSync(tampered.join('\n')));
    const again = await openTarget();
    try {
      await assert.rejects(
        restoreDatabase(again.database, damaged, { dataDir: path.join(dir, 'again') }),
        RestoreError,
      );
      assert.deepEqual(emptyCounts(await allRows(again.database)), []);
    } finally {
      await again.drop();
    }
  });
});
