import cluster from 'node:cluster';
import { loadConfig, ConfigError, type Config } from './core/config/config.js';
import { useInstanceSecrets } from './core/config/instance-secret.js';
import { runCli } from './core/cli/run-cli.js';
import { defineCommand, type CliCommand } from './core/cli/command.js';
import { coreCommands } from './core/cli/core-commands.js';
import type { Database } from './core/db/client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './core/agencies/seed-demo.js';
import { buildApp, openAppDatabase, seedIfEmpty } from './app.js';
import { modules } from './modules.js';
import { createNodeServer, listen } from './core/http/serve-app.js';
import {
  poolShare,
  startCluster,
  workerCount,
  exitWithPrimary,
} from './core/cluster/run-cluster.js';
import { jobCommands } from './core/jobs/commands.js';
import { createModuleScheduler, moduleJobs } from './core/jobs/module-jobs.js';
import { JobConfigError } from './core/jobs/scheduler.js';

const serveCommand = defineCommand({
  name: 'serve',
  summary: 'เปิดเว็บแอปพลิเคชัน / start the web application',
  usage: 'prongsai serve [--port N]',
  options: { port: { type: 'string' } },
  help:
    'PORT, DATA_DIR and DATABASE_URL (or prongsai.toml) configure it. With PostgreSQL it runs ' +
    'one process per core (PRONGSAI_WORKERS).',
  run: async ({ values }, io, deps) => {
    const config = currentConfig!;
    const port = values.port ? Number(values.port) : config.port;
    if (cluster.isWorker) return serveWorker(config, port);
    try {
      moduleJobs(modules, config);
    } catch (error) {
      if (!(error instanceof JobConfigError)) throw error;
      io.err(`${error.message}\n`);
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const workers = workerCount(config.workers, database.kind);
    if (config.workers !== 'auto' && config.workers > 1 && workers === 1) {
      io.err(
        `PRONGSAI_WORKERS=${config.workers} ใช้ได้กับ PostgreSQL เท่านั้น (PGlite เปิดได้โปรเซสเดียว) จึงใช้ 1 / ` +
          `PRONGSAI_WORKERS=${config.workers} needs PostgreSQL (PGlite is one process's database): running 1\n`,
      );
    }
    const seeded = await seedIfEmpty(database, config);
    let stopServing: () => Promise<void>;
    let failed = new Promise<number>(() => undefined);
    if (workers === 1) {
      const server = createNodeServer(buildApp(database, config), { hostname: config.host });
      await listen(server, port, config.host);
      stopServing = async () => {
        server.close();
        await database.close();
      };
    } else {
      // The primary only migrated and seeded; the workers hold the connections from here on.
      await database.close();
      const handle = await startCluster({ workers, log: (line) => io.err(`${line}\n`) });
      stopServing = handle.stop;
      failed = handle.failed;
    }
    // Scheduled jobs run in this process (the primary when clustered, so not once per worker);
    // other servers on the same PostgreSQL run theirs too, and each slot runs once (core/jobs).
    if (config.runJobs) {
      const jobsDatabase =
        workers === 1 ? database : await openAppDatabase(config, { migrate: false, poolSize: 2 });
      const scheduler = createModuleScheduler({
        db: jobsDatabase.db,
        modules,
        config,
        log: (line) => io.err(`${line}\n`),
      });
      scheduler.start();
      const stopHttp = stopServing;
      stopServing = async () => {
        await scheduler.stop();
        await stopHttp();
        if (jobsDatabase !== database) await jobsDatabase.close();
      };
    }
    io.out(`โปร่งใส (Prongsai) พร้อมใช้งานที่ http://localhost:${port}\n`);
    io.out(
      `ฐานข้อมูล: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}` +
        (workers > 1 ? `, ${workers} โปรเซส / processes` : '') +
        '\n',
    );
    if (seeded) {
      io.out(`โหลดหน่วยงานตัวอย่างแล้ว: http://localhost:${port}/a/phothong\n`);
      io.out(
        `บัญชีตัวอย่าง (รหัสผ่าน ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}\n`,
      );
    }
    const stopped = new Promise<number>((resolve) => {
      const stop = () => void stopServing().finally(() => resolve(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    const code = await Promise.race([stopped, failed]);
    if (code !== 0) await stopServing();
    return code;
  },
});

/**
 * One worker of a clustered server: the primary has migrated and seeded, so this opens its
 * share of the connection pool, serves, and stops on SIGTERM or when the primary is gone.
 */
async function serveWorker(config: Config, port: number): Promise<number> {
  const workers = workerCount(config.workers, 'postgres');
  const database = await openAppDatabase(config, {
    migrate: false,
    poolSize: poolShare(config.databasePoolSize, workers),
  });
  const server = createNodeServer(buildApp(database, config), { hostname: config.host });
  await listen(server, port, config.host);
  return new Promise((resolve) => {
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await new Promise<void>((done) => server.close(() => done()));
      await database.close();
      resolve(0);
    };
    process.once('SIGTERM', () => void stop());
    // Ctrl-C reaches the whole process group; the primary decides when workers stop.
    process.on('SIGINT', () => undefined);
    exitWithPrimary(stop);
  });
}

let currentConfig: Config | undefined;

/** Every command: core's, then each module's. */
export function allCommands(): CliCommand[] {
  return [
    serveCommand,
    ...coreCommands,
    ...jobCommands,
    ...modules.flatMap((m) => m.commands ?? []),
  ];
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let database: Database | undefined;
  const io = {
    out: (text: string) => void process.stdout.write(text),
    err: (text: string) => void process.stderr.write(text),
  };
  const deps = {
    modules,
    openDb: async () => {
      if (!currentConfig) currentConfig = loadConfig();
      database ??= await openAppDatabase(currentConfig);
      return database;
    },
  };
  try {
    currentConfig = loadConfig();
    useInstanceSecrets(currentConfig.dataDir);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    return await runCli(argv.length ? argv : ['serve'], allCommands(), io, deps);
  } finally {
    if (database && argv[0] !== 'serve' && argv.length) await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
