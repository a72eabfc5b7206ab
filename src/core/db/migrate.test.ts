import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './client.js';
import { migrateDatabase } from './migrate.js';

/** Columns, constraints, indexes, triggers and the migrations table: what a migration changes. */
async function schemaDump(database: Database): Promise<string> {
  const parts = await Promise.all([
    database.query(
      `select table_name, column_name, data_type, is_nullable, column_default
       from information_schema.columns where table_schema = 'public' order by 1, 2`,
    ),
    database.query(
      `select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def
       from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`,
    ),
    database.query(
      `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`,
    ),
    database.query(
      `select tgrelid::regclass::text as t, tgname from pg_trigger where not tgisinternal order by 1, 2`,
    ),
    database.query(`select hash, created_at::text from drizzle.__drizzle_migrations order by id`),
  ]);
  return JSON.stringify(parts, null, 1);
}

/** An empty database: in-memory PGlite, or a new PostgreSQL database when the suite runs on PG. */
async function openEmptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const name = `prongsai_m_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

describe('migrations', () => {
  let empty: Awaited<ReturnType<typeof openEmptyDatabase>>;
  before(async () => {
    empty = await openEmptyDatabase();
  });
  after(() => empty.drop());

  it('apply to an empty database, and a second run changes nothing', async () => {
    await migrateDatabase(empty.database);
    const first = await schemaDump(empty.database);
    assert.match(first, /core_audit_log/);
    const applied = await empty.database.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    assert.ok(applied[0]!.n >= 2);
    await migrateDatabase(empty.database);
    assert.equal(await schemaDump(empty.database), first);
  });
});
