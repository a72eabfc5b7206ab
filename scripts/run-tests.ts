/**
 * Runs the whole suite with Node's test runner: every test file on PGlite, then every file
 * that opens a database again on PostgreSQL (TEST_DATABASE_URL). Templates are prepared once
 * per run so each test file starts from a migrated database in well under a second.
 *
 * Usage: node --import tsx scripts/run-tests.ts [--pglite-only] [files…]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { openDatabase, pgliteOf } from '../src/core/db/client.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, TEMPLATE_DIR } from '../test/helpers/test-context.js';

function findTests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(full).isDirectory()) findTests(full, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

async function preparePgliteTemplate() {
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  const dump = await pgliteOf(database)!.dumpDataDir('gzip');
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

async function preparePgTemplate(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin
    .query(`update pg_database set datistemplate = false where datname = '${PG_TEMPLATE_DB}'`)
    .catch(() => undefined);
  await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${PG_TEMPLATE_DB}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${PG_TEMPLATE_DB}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
}

function run(files: string[], env: NodeJS.ProcessEnv, label: string): number {
  if (files.length === 0) return 0;
  console.log(`\n=== ${label}: ${files.length} test files ===`);
  const concurrency = Math.max(2, Math.min(4, availableParallelism()));
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      // A file whose tests are done exits even if something (the shared Chromium a PDF route
      // launched, a pool) still holds the event loop; a test stuck for 3 minutes fails.
      '--test-force-exit',
      '--test-timeout=180000',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      ...files,
    ],
    { stdio: 'inherit', env },
  );
  return result.status ?? 1;
}

const args = process.argv.slice(2);
const pgliteOnly = args.includes('--pglite-only');
const chosen = args.filter((a) => !a.startsWith('--'));
const files = (chosen.length ? chosen : [...findTests('src'), ...findTests('test')]).sort();
// A file that asks which database it runs on, or opens one, runs on both.
const usesDatabase = (file: string) =>
  /createTestContext|openTestDatabase|testDatabaseKind|serverDatabase|TEST_DATABASE_URL/.test(
    readFileSync(file, 'utf8'),
  );

const started = Date.now();
await preparePgliteTemplate();
const baseEnv = { ...process.env };
const pgUrl = baseEnv.TEST_DATABASE_URL;
delete baseEnv.TEST_DATABASE_URL;
let failed = run(files, baseEnv, 'PGlite');
if (!pgliteOnly) {
  if (pgUrl) {
    await preparePgTemplate(pgUrl);
    // Browser tests run on PGlite only, unless the file asks for both (`// runs on both databases`).
    const dbFiles = files
      .filter(usesDatabase)
      .filter(
        (f) =>
          !f.includes('/browser/') || readFileSync(f, 'utf8').includes('// runs on both databases'),
      );
    // Run PostgreSQL even after a PGlite failure, so one run shows both engines' results.
    failed = run(dbFiles, { ...baseEnv, TEST_DATABASE_URL: pgUrl }, 'PostgreSQL') || failed;
  } else if (process.env.CI === 'true') {
    console.error(
      'TEST_DATABASE_URL is not set: PostgreSQL tests cannot run, and CI requires them.',
    );
    failed = 1;
  } else {
    console.warn('TEST_DATABASE_URL is not set: PostgreSQL pass skipped (CI would fail here).');
  }
}
console.log(`\nwhole suite: ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed);
