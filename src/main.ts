import { loadConfig, ConfigError, type Config } from './core/config/config.js';
import { runCli } from './core/cli/run-cli.js';
import { defineCommand, type CliCommand } from './core/cli/command.js';
import { coreCommands } from './core/cli/core-commands.js';
import type { Database } from './core/db/client.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './core/agencies/seed-demo.js';
import { buildApp, openAppDatabase, seedIfEmpty } from './app.js';
import { modules } from './modules.js';
import { createNodeServer, listen } from './core/http/serve-app.js';

const serveCommand = defineCommand({
  name: 'serve',
  summary: 'เปิดเว็บแอปพลิเคชัน / start the web application',
  usage: 'prongsai serve [--port N]',
  options: { port: { type: 'string' } },
  help: 'PORT, DATA_DIR and DATABASE_URL (or prongsai.toml) configure it.',
  run: async ({ values }, io, deps) => {
    const database = (await deps.openDb()) as Database;
    const config = currentConfig!;
    const port = values.port ? Number(values.port) : config.port;
    const seeded = await seedIfEmpty(database, config);
    const app = buildApp(database, config);
    const server = createNodeServer(app, { hostname: config.host });
    await listen(server, port, config.host);
    io.out(`โปร่งใส (Prongsai) พร้อมใช้งานที่ http://localhost:${port}\n`);
    io.out(
      `ฐานข้อมูล: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}\n`,
    );
    if (seeded) {
      io.out(`โหลดหน่วยงานตัวอย่างแล้ว: http://localhost:${port}/a/phothong\n`);
      io.out(
        `บัญชีตัวอย่าง (รหัสผ่าน ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}\n`,
      );
    }
    const stop = () => {
      server.close();
      void database.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => undefined);
    return 0;
  },
});

let currentConfig: Config | undefined;

/** Every command: core's, then each module's. */
export function allCommands(): CliCommand[] {
  return [serveCommand, ...coreCommands, ...modules.flatMap((m) => m.commands ?? [])];
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
