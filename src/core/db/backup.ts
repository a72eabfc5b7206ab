import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Database } from './client.js';
import { isSha256, listStoredFiles, readStoredFile, storeFile } from '../files/index.js';

export const BACKUP_FORMAT = 'prongsai-backup';
export const BACKUP_VERSION = 1;
const PAGE = 5000;

interface TableInfo {
  name: string;
  primaryKey: string[];
}

/**
 * Our tables in foreign-key order (parents first), read from the catalog so that a module's
 * new table is backed up without anyone remembering to list it. UNLOGGED tables are left
 * out: they hold transient state that must not outlive the day (the surveys' abuse keys).
 */
async function listTables(database: Database): Promise<TableInfo[]> {
  const tables = await database.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relpersistence = 'p'
     order by c.relname`,
  );
  const deps = await database.query<{ child: string; parent: string }>(
    `select distinct cl.relname as child, pl.relname as parent from pg_constraint con
     join pg_class cl on cl.oid = con.conrelid join pg_class pl on pl.oid = con.confrelid
     join pg_namespace n on n.oid = cl.relnamespace
     where con.contype = 'f' and n.nspname = 'public' and cl.relname <> pl.relname`,
  );
  const keys = await database.query<{ table: string; column: string }>(
    `select cl.relname as "table", a.attname as "column" from pg_index i
     join pg_class cl on cl.oid = i.indrelid join pg_namespace n on n.oid = cl.relnamespace
     join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
     join pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
     where i.indisprimary and n.nspname = 'public' order by cl.relname, k.ord`,
  );
  const ordered: string[] = [];
  const remaining = new Set(tables.map((t) => t.name));
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) =>
      deps.every((d) => d.child !== t || !remaining.has(d.parent)),
    );
    if (ready.length === 0) throw new Error(`foreign-key cycle among ${[...remaining].join(', ')}`);
    for (const t of ready.sort()) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered.map((name) => ({
    name,
    primaryKey: keys.filter((k) => k.table === name).map((k) => k.column),
  }));
}

async function appliedMigrations(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
  );
  return row?.n ?? 0;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface BackupFilesOption {
  /**
   * The data directory whose file store (`files/ab/cd/<sha256>`: uploaded documents, evidence,
   * published reports) goes into the backup with the rows, so a restored instance serves the
   * same downloads. Without it, only the database is backed up or restored.
   */
  dataDir?: string;
}

/**
 * Writes every row of every table as gzipped JSON lines, then (with `dataDir`) every stored
 * file as `{file: sha256, data: base64}`. JSON (via row_to_json) is what both PGlite and
 * PostgreSQL read back with json_populate_recordset, so a backup taken from one restores into
 * the other.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  options: BackupFilesOption = {},
): Promise<{ tables: number; rows: number; files: number }> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(JSON.stringify(line) + '\n')) await once(gzip, 'drain');
  };
  const tables = await listTables(database);
  await write({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    migrations: await appliedMigrations(database),
    createdAt: new Date().toISOString(),
    source: database.kind,
  });
  let rows = 0;
  for (const table of tables) {
    await write({ table: table.name });
    const order = table.primaryKey.length ? table.primaryKey.map(quote).join(', ') : '1';
    for (let offset = 0; ; offset += PAGE) {
      const page = await database.query<{ r: unknown }>(
        `select row_to_json(t) as r from ${quote(table.name)} t order by ${order} limit ${PAGE} offset ${offset}`,
      );
      for (const { r } of page) {
        await write({ row: r });
        rows++;
      }
      if (page.length < PAGE) break;
    }
  }
  let files = 0;
  if (options.dataDir) {
    for (const sha256 of await listStoredFiles(options.dataDir)) {
      const bytes = await readStoredFile(options.dataDir, sha256);
      await write({ file: sha256, data: bytes.toString('base64') });
      files++;
    }
  }
  gzip.end();
  await once(out, 'finish');
  return { tables: tables.length, rows, files };
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * Loads a backup into a freshly migrated, empty database, in one transaction: either all of
 * it is restored or nothing is. Refuses a non-empty database rather than merging into it.
 * With `dataDir`, the backup's files go into that store, each checked against its SHA-256
 * (a damaged file fails the restore); files written before a failure stay, unreferenced and
 * harmless, since the store is content-addressed.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: BackupFilesOption = {},
): Promise<{ rows: number; files: number }> {
  const existing = await database.query<{ n: number }>(
    'select count(*)::int as n from core_agencies',
  );
  const users = await database.query<{ n: number }>('select count(*)::int as n from core_users');
  if ((existing[0]?.n ?? 0) > 0 || (users[0]?.n ?? 0) > 0) {
    throw new RestoreError('ฐานข้อมูลปลายทางไม่ว่าง / the target database is not empty');
  }
  const tables = new Set((await listTables(database)).map((t) => t.name));
  // Read before the transaction: PGlite has one connection, so a query outside the open
  // transaction would wait for it forever (restore into PGlite hung here).
  const applied = await appliedMigrations(database);
  let header: { format?: string; version?: number; migrations?: number } | undefined;
  let current: string | undefined;
  let batch: unknown[] = [];
  let rows = 0;
  let files = 0;
  return database.rawTransaction(async (tx) => {
    // Opened only once the transaction has begun: a small file read while `begin` was still
    // on its way finished and closed readline before the loop below started, and the loop
    // then waited forever (restore into PostgreSQL hung).
    const lines = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    const flush = async () => {
      if (!current || batch.length === 0) return;
      await tx.query(
        `insert into ${quote(current)} select * from json_populate_recordset(null::${quote(current)}, $1::json)`,
        [JSON.stringify(batch)],
      );
      rows += batch.length;
      batch = [];
    };
    for await (const line of lines) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as {
        table?: string;
        row?: unknown;
        format?: string;
        file?: unknown;
        data?: unknown;
      };
      if (!header) {
        if (record.format !== BACKUP_FORMAT)
          throw new RestoreError('ไม่ใช่ไฟล์สำรองของโปร่งใส / not a Prongsai backup');
        header = record as unknown as typeof header;
        if (header!.migrations !== undefined && header!.migrations > applied) {
          throw new RestoreError(
            `ไฟล์สำรองมาจากรุ่นที่ใหม่กว่า (${header!.migrations} > ${applied} migrations) / backup is from a newer version`,
          );
        }
        continue;
      }
      if (record.table !== undefined) {
        await flush();
        if (!tables.has(record.table)) throw new RestoreError(`unknown table ${record.table}`);
        current = record.table;
      } else if (record.row !== undefined) {
        batch.push(record.row);
        if (batch.length >= 500) await flush();
      } else if (record.file !== undefined && options.dataDir) {
        if (!isSha256(record.file) || typeof record.data !== 'string') {
          throw new RestoreError('รายการไฟล์ในไฟล์สำรองไม่ถูกต้อง / malformed file entry');
        }
        const stored = await storeFile(options.dataDir, Buffer.from(record.data, 'base64'));
        if (stored.sha256 !== record.file) {
          throw new RestoreError(
            `ไฟล์ ${record.file} ในไฟล์สำรองเสียหาย / file does not match its SHA-256`,
          );
        }
        files++;
      }
    }
    await flush();
    if (!header) throw new RestoreError('ไฟล์สำรองว่างเปล่า / empty backup file');
    return { rows, files };
  });
}
