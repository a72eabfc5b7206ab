/** Scheduled jobs: the contract modules use (types.ts) and what serve, the CLI and admin use. */
export type { JobContext, JobDefinition, JobResult, JobRunStatus, JobSettings } from './types.js';
export { JobConfigError, Scheduler, latestSlot, resolveJobs, JOB_TIME_ZONE } from './scheduler.js';
export type { JobEnvironment, ResolvedJob, SchedulerOptions } from './scheduler.js';
export { listAgencyJobRuns, listJobRuns, listJobStatus, type JobStatus } from './list-jobs.js';
export { jobRuns, type JobRunRow } from './schema.js';
