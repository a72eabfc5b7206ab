import type { Config } from './core/config/config.js';
import { openDatabase, type Database } from './core/db/client.js';
import { migrateDatabase } from './core/db/migrate.js';
import { moveLegacyBlobs, removeStaleTempFiles } from './core/files/index.js';
import { createApp, type WebApp } from './core/http/create-app.js';
import { seedDemoAgency } from './core/agencies/seed-demo.js';
import { SYSTEM_ACTOR } from './core/context.js';
import { modules } from './modules.js';

/**
 * Opens the configured database (PGlite in dataDir unless DATABASE_URL) and migrates it, then
 * removes temporary files a crash left in the file store and moves files still in the old
 * measures layout into it (all idempotent; this runs at every start and in `prongsai migrate`).
 */
export async function openAppDatabase(
  config: Config,
  options: { poolSize?: number; migrate?: boolean } = {},
): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: options.poolSize ?? config.databasePoolSize,
  });
  // A web worker opens a database its primary has already migrated.
  if (options.migrate === false) return database;
  await migrateDatabase(database);
  // A write cut short by a crash left its temporary file behind; nothing else removes it.
  await removeStaleTempFiles(config.dataDir);
  const moved = await moveLegacyBlobs(config.dataDir);
  if (moved.damaged.length > 0) {
    console.error(
      `ไฟล์เดิม ${moved.damaged.length} ไฟล์เสียหาย ไม่ได้ย้าย / ${moved.damaged.length} damaged old files left in place:\n${moved.damaged.join('\n')}`,
    );
  }
  return database;
}

/** Loads the demo agency when configured and the instance has no agency yet. */
export async function seedIfEmpty(database: Database, config: Config): Promise<boolean> {
  if (!config.seedDemo) return false;
  const rows = await database.query<{ n: number }>('select count(*)::int as n from core_agencies');
  if ((rows[0]?.n ?? 0) > 0) {
    // Modules added since the first start still get their demo data for the demo agency.
    const demo = await database.query<{ n: number }>(
      "select count(*)::int as n from core_agencies where slug = 'phothong'",
    );
    if ((demo[0]?.n ?? 0) === 0) return false;
  }
  const result = await seedDemoAgency(
    {
      db: database.db,
      actor: { ...SYSTEM_ACTOR, label: 'seed' },
      locale: 'th',
      now: () => new Date(),
    },
    modules,
    { dataDir: config.dataDir },
  );
  return result.created;
}

/** The web application with every module (its page cache and Node lanes beside it). */
export function buildApp(database: Database, config: Config): WebApp {
  return createApp({ database, config, modules });
}
