import { defineCommand, type CliCommand } from '../cli/command.js';
import type { Database } from '../db/client.js';
import { loadConfig } from '../config/config.js';
import { formatThaiDate } from '../i18n/thai-format.js';
import { JobConfigError, Scheduler } from './scheduler.js';
import { jobEnvironment, moduleJobs } from './module-jobs.js';
import { listJobStatus } from './list-jobs.js';
import type { JobRunRow } from './schema.js';

const when = (date: Date | null | undefined) =>
  date
    ? `${formatThaiDate(date)} ${date.toLocaleTimeString('th-TH', { timeZone: 'Asia/Bangkok', hour12: false })}`
    : '-';

function describeRun(run: JobRunRow | null): string {
  if (!run) return 'ยังไม่เคยทำงาน / never run';
  const result = run.status === 'failed' ? `ERROR ${run.error ?? ''}` : (run.summary ?? run.status);
  return `${run.status} (${run.attempts}×, ${when(run.startedAt)}) ${result}`;
}

/** `prongsai jobs list`: every scheduled job with its schedule, last run and next run. */
const listCommand = defineCommand({
  name: 'jobs list',
  summary: 'แสดงงานตามกำหนดเวลา ผลครั้งล่าสุด และครั้งถัดไป / scheduled jobs, last and next run',
  usage: 'prongsai jobs list',
  help: 'กำหนดเวลา (cron, เวลาไทย) ตั้งใน prongsai.toml: [jobs.<ชื่อ>] schedule = "0 8 * * *"',
  run: async (_args, io, deps) => {
    let jobs;
    try {
      jobs = moduleJobs(deps.modules ?? [], loadConfig());
    } catch (error) {
      if (!(error instanceof JobConfigError)) throw error;
      io.err(`${error.message}\n`);
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    for (const job of await listJobStatus(database.db, jobs, new Date())) {
      io.out(
        `${job.name}  [${job.schedule}]${job.isEnabled ? '' : ' ปิดอยู่ / disabled'}\n` +
          `  ${job.summary}\n` +
          `  ครั้งล่าสุด / last: ${describeRun(job.lastRun)}\n` +
          `  ครั้งถัดไป / next: ${when(job.nextRun)}\n`,
      );
    }
    return 0;
  },
});

/** `prongsai jobs run <name>`: one job now, recorded like a scheduled run. */
const runCommand = defineCommand({
  name: 'jobs run',
  summary: 'สั่งงานตามกำหนดเวลาหนึ่งงานให้ทำทันที / run one scheduled job now',
  usage: 'prongsai jobs run <name>',
  allowPositionals: true,
  run: async ({ positionals }, io, deps) => {
    const config = loadConfig();
    const modules = deps.modules ?? [];
    let jobs;
    try {
      jobs = moduleJobs(modules, config);
    } catch (error) {
      if (!(error instanceof JobConfigError)) throw error;
      io.err(`${error.message}\n`);
      return 2;
    }
    const job = jobs.find((j) => j.definition.name === positionals[0]);
    if (positionals.length !== 1 || !job) {
      io.err(
        `ไม่พบงานชื่อ "${positionals[0] ?? ''}" / no job named "${positionals[0] ?? ''}"; ` +
          `มี / known: ${jobs.map((j) => j.definition.name).join(', ')}\n`,
      );
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const scheduler = new Scheduler({
      db: database.db,
      jobs,
      environment: jobEnvironment(config, modules),
      runner: 'cli',
      // Someone is waiting at the terminal: retry soon rather than in minutes.
      retryDelayMs: 2_000,
      log: (line) => io.err(`${line}\n`),
    });
    const run = await scheduler.runNow(job);
    if (!run) {
      io.err(
        `${job.definition.name}: กำลังทำงานอยู่ที่เครื่องอื่น ลองใหม่ภายหลัง / ` +
          'a run is still in progress on a server, try again later\n',
      );
      return 1;
    }
    io.out(`${job.definition.name}: ${describeRun(run)}\n`);
    return run.status === 'succeeded' ? 0 : 1;
  },
});

export const jobCommands: CliCommand[] = [listCommand, runCommand];
