import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { jobRuns, type JobRunRow } from './schema.js';
import type { ResolvedJob } from './scheduler.js';

/** One line of `prongsai jobs list` and of /admin/jobs. */
export interface JobStatus {
  name: string;
  summary: string;
  schedule: string;
  isEnabled: boolean;
  lastRun: JobRunRow | null;
  /** The next scheduled slot after `now`; null when disabled or the schedule has no more. */
  nextRun: Date | null;
}

/** Every job with its latest run and its next slot. */
export async function listJobStatus<M>(
  db: DbOrTx,
  jobs: readonly ResolvedJob<M>[],
  now: Date,
): Promise<JobStatus[]> {
  const latest = await db
    .selectDistinctOn([jobRuns.job])
    .from(jobRuns)
    .orderBy(jobRuns.job, desc(jobRuns.slot));
  const byJob = new Map(latest.map((r) => [r.job, r]));
  return jobs.map((job) => ({
    name: job.definition.name,
    summary: job.definition.summary,
    schedule: job.schedule,
    isEnabled: job.isEnabled,
    lastRun: byJob.get(job.definition.name) ?? null,
    nextRun: job.isEnabled ? job.cron.nextRun(now) : null,
  }));
}

/** The latest runs, newest first; of one job when `job` is given. */
export async function listJobRuns(
  db: DbOrTx,
  options: { job?: string; limit?: number } = {},
): Promise<JobRunRow[]> {
  return db
    .select()
    .from(jobRuns)
    .where(options.job ? eq(jobRuns.job, options.job) : undefined)
    .orderBy(desc(jobRuns.startedAt))
    .limit(options.limit ?? 50);
}

/**
 * The latest runs that did something for one agency (their handler reported it in
 * `byAgency`), each with only that agency's line: an agency admin never sees another
 * agency's counts.
 */
export async function listAgencyJobRuns(
  db: DbOrTx,
  agencyId: string,
  limit = 20,
): Promise<(Omit<JobRunRow, 'byAgency' | 'summary'> & { summary: string })[]> {
  const rows = await db
    .select()
    .from(jobRuns)
    .where(sql`jsonb_exists(${jobRuns.byAgency}, ${agencyId})`)
    .orderBy(desc(jobRuns.startedAt))
    .limit(limit);
  return rows.map(({ byAgency, summary: _all, ...row }) => ({
    ...row,
    summary: byAgency?.[agencyId] ?? '',
  }));
}
