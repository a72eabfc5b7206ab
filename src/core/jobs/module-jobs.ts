import type { Config } from '../config/config.js';
import type { Db } from '../db/client.js';
import type { ModuleManifest } from '../module.js';
import { Scheduler, resolveJobs, type JobEnvironment, type ResolvedJob } from './scheduler.js';

/** Every module's jobs with prongsai.toml's `[jobs.<name>]` settings applied (JobConfigError if wrong). */
export function moduleJobs(
  modules: readonly ModuleManifest[],
  config: Pick<Config, 'jobs'>,
): ResolvedJob<ModuleManifest>[] {
  return resolveJobs(
    modules.flatMap((m) => m.jobs ?? []),
    config.jobs,
  );
}

/** What every job handler gets from the instance's settings. */
export function jobEnvironment(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'baseUrl'>,
  modules: readonly ModuleManifest[],
): JobEnvironment<ModuleManifest> {
  return {
    mail: { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom },
    baseUrl: config.baseUrl,
    modules,
  };
}

/** The scheduler `serve` runs (one per server; the database makes each slot run once). */
export function createModuleScheduler(options: {
  db: Db;
  modules: readonly ModuleManifest[];
  config: Config;
  log: (line: string) => void;
}): Scheduler<ModuleManifest> {
  return new Scheduler({
    db: options.db,
    jobs: moduleJobs(options.modules, options.config),
    environment: jobEnvironment(options.config, options.modules),
    log: options.log,
  });
}
