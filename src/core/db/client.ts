import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';

/** The drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A transaction handle; use cases accept `Db | Tx` and work the same in both. */
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL (several statements allowed); used by migrations, backup and tests. */
  exec: (sql: string) => Promise<void>;
  /**
   * Parameterised raw query returning plain rows. `options.name` makes it a named prepared
   * statement on PostgreSQL (parsed and planned once per connection, for a hot statement
   * whose planning costs more than running it); the SQL of a name must never change.
   */
  query: <T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: { name?: string },
  ) => Promise<T[]>;
  close: () => Promise<void>;
  /** Raw SQL in one transaction on one connection (restore); rolls back if `fn` throws. */
  rawTransaction: <T>(fn: (q: RawQuery) => Promise<T>) => Promise<T>;
  /** Runs `fn` while holding an instance-wide lock (PostgreSQL advisory lock; PGlite has one connection). */
  withLock: <T>(fn: () => Promise<T>) => Promise<T>;
  /**
   * LISTEN on a channel: `onMessage` gets each NOTIFY payload once its transaction commits, from
   * any server on the database. `onGap` is called when notifications may have been missed (the
   * listening connection was lost and is being re-opened), so the caller can forget everything.
   * Returns the unlisten function; `close()` unlistens too. Absent on a stand-in (a test's
   * fake database): callers then rely on their caches' lifetimes.
   */
  listen?: (
    channel: string,
    onMessage: (payload: string) => void,
    onGap?: () => void,
  ) => Promise<() => Promise<void>>;
}

export interface RawQuery {
  exec: (sql: string) => Promise<void>;
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** PGlite only: start from a dumped data directory (fast test templates). */
  loadDataDir?: Blob;
  poolSize?: number;
}

/**
 * Opens PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir`.
 * Both are wrapped in the same drizzle API with snake_case column names, so no code
 * above this file knows which one it talks to.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      // At least 2: migrations hold an advisory lock on one connection while migrating on another.
      max: Math.max(2, options.poolSize ?? 10),
    });
    // An idle connection dropped by the server (restart, admin termination) must not crash the
    // process through an unhandled 'error' event; the pool replaces it on the next query.
    pool.on('error', (error) => {
      console.error(
        JSON.stringify({
          level: 'warn',
          msg: 'idle PostgreSQL connection lost',
          error: error.message,
        }),
      );
    });
    // Fail fast with the server's own message rather than on the first request.
    const client = await pool.connect();
    client.release();
    const db = drizzlePg(pool, { casing: 'snake_case' }) as unknown as Db;
    const listeners = new Set<() => Promise<void>>();
    return {
      db,
      kind: 'postgres',
      exec: async (sql) => {
        await pool.query(sql);
      },
      query: async <T>(sql: string, params?: unknown[], options?: { name?: string }) =>
        (options?.name
          ? await pool.query({ name: options.name, text: sql, values: params as unknown[] })
          : await pool.query(sql, params as unknown[])
        ).rows as T[],
      close: async () => {
        await Promise.all([...listeners].map((stop) => stop()));
        await pool.end();
      },
      listen: async (channel, onMessage, onGap) => {
        const stop = await listenPg(options.databaseUrl!, channel, onMessage, onGap);
        const unlisten = async () => {
          listeners.delete(unlisten);
          await stop();
        };
        listeners.add(unlisten);
        return unlisten;
      },
      rawTransaction: async (fn) => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await fn({
            exec: async (sql) => {
              await client.query(sql);
            },
            query: async <T>(sql: string, params?: unknown[]) =>
              (await client.query(sql, params as unknown[])).rows as T[],
          });
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      withLock: async (fn) => {
        // Advisory locks belong to a session, so lock and unlock on one dedicated connection.
        const lockClient = await pool.connect();
        try {
          await lockClient.query('select pg_advisory_lock(727274)');
          return await fn();
        } finally {
          await lockClient.query('select pg_advisory_unlock(727274)').catch(() => undefined);
          lockClient.release();
        }
      },
    };
  }
  const dataDir = options.dataDir ?? './data';
  let client: PGlite;
  if (dataDir.startsWith('memory://')) {
    client = await PGlite.create({ loadDataDir: options.loadDataDir });
  } else {
    const dir = path.resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create({ dataDir: dir, loadDataDir: options.loadDataDir });
  }
  const db = drizzlePglite(client, { casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
    close: () => client.close(),
    // One process, one database: a NOTIFY comes back to this same connection on commit.
    listen: (channel, onMessage) => client.listen(channel, onMessage),
    withLock: (fn) => fn(),
    rawTransaction: (fn) =>
      client.transaction((tx) =>
        fn({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <T>(sql: string, params?: unknown[]) =>
            (await tx.query<T>(sql, params)).rows,
        }),
      ),
    // Kept for test templates.
    ...({ pglite: client } as object),
  };
}

/** The PGlite instance behind a Database, if any (tests dump it as a template). */
export function pgliteOf(database: Database): PGlite | undefined {
  return (database as unknown as { pglite?: PGlite }).pglite;
}

const RELISTEN_DELAY_MS = 1_000;

/**
 * LISTEN on its own connection (a pooled one would be handed to queries and lose it; a
 * transaction-mode pgbouncer cannot carry LISTEN, see docs/deployment). A lost connection is
 * re-opened after a second, and `onGap` tells the caller it may have missed notifications.
 */
async function listenPg(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
  onGap: (() => void) | undefined,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  let isStopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const scheduleRetry = () => {
    if (isStopped) return;
    retry = setTimeout(() => {
      // Changes made while no connection listened were not heard: forget once more.
      open().then(() => onGap?.(), scheduleRetry);
    }, RELISTEN_DELAY_MS);
    retry.unref();
  };
  const open = async (): Promise<void> => {
    const client = new pg.Client({ connectionString });
    client.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    const lost = () => {
      if (current !== client || isStopped) return;
      current = null;
      void client.end().catch(() => undefined);
      onGap?.();
      scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', lost);
    current = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      if (current === client) current = null;
      await client.end().catch(() => undefined);
      throw error;
    }
  };
  await open();
  return async () => {
    isStopped = true;
    clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}
