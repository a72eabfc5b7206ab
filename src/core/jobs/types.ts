import type { Db } from '../db/client.js';
import type { MailConfig } from '../mail/index.js';

/**
 * The contract between a module and the scheduler (core/jobs). A module lists its jobs in its
 * manifest (`jobs: [...]`); `prongsai serve` runs each on its schedule, once per slot for the
 * whole installation, and `prongsai jobs run <name>` runs one now. This file imports nothing
 * from core/http: a job is not a request.
 */
export interface JobDefinition<M = unknown> {
  /** Kebab-case and unique in the instance, e.g. `measures-reminders`; the key in config. */
  name: string;
  /** One line, Thai then English, shown by `prongsai jobs list` and on /admin/jobs. */
  summary: string;
  /**
   * The default schedule: a cron expression read in Asia/Bangkok time, five fields, or six
   * with seconds first (croner). Overridable per job in prongsai.toml
   * (`[jobs.<name>] schedule = "…"`).
   */
  schedule: string;
  /**
   * Does the work of one slot. Must be idempotent: a slot whose server died mid-run is run
   * again by another server, and a failed attempt is retried. Returns a short summary kept
   * in the run's record (counts, not personal data).
   */
  handler: (ctx: JobContext<M>) => Promise<JobResult>;
  /** Attempts per slot before the run is recorded as failed (default 3). */
  maxAttempts?: number;
}

/** What a handler reports: a line for people and, optionally, counts per agency id. */
export interface JobResult {
  summary: string;
  /** Per agency (id → short text), so an agency's admins see what a run did for them. */
  byAgency?: Record<string, string>;
}

/** What a handler receives. `now` is the clock (fakeable); `slot` the scheduled instant. */
export interface JobContext<M = unknown> {
  db: Db;
  now: () => Date;
  slot: Date;
  /** 1 for the first attempt of a slot. */
  attempt: number;
  mail: MailConfig;
  baseUrl?: string | undefined;
  /** Every module of the app, for jobs that read what other modules publish. */
  modules: readonly M[];
}

/** A job's settings in config, each optional (the job's defaults apply). */
export interface JobSettings {
  schedule?: string | undefined;
  /** false: serve never runs it on schedule (`prongsai jobs run` still can). */
  isEnabled?: boolean | undefined;
  maxAttempts?: number | undefined;
}

export type JobRunStatus = 'running' | 'succeeded' | 'failed';
