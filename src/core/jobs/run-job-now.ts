import { hostname } from 'node:os';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { Scheduler, type JobEnvironment, type ResolvedJob } from './scheduler.js';
import type { JobRunRow } from './schema.js';

/** What "run now" did: ran the job (whatever its result), or found a run still going. */
export type RunJobNowResult = { outcome: 'ran'; run: JobRunRow } | { outcome: 'busy' };

/**
 * "Run now" on /admin/jobs: one run of a job outside its schedule, by the instance
 * administrator. The request is audited on the instance chain before the job starts, so even a
 * run that never finishes (the server stopped) is on record with who asked for it.
 *
 * The run goes through the scheduler's own claim (a `core_job_runs` row under the job's
 * advisory lock), so it never overlaps a scheduled run or a second click on another server:
 * while any run of the job holds its lease, this one is refused as `busy`.
 */
export async function runJobNow<M>(
  ctx: AppContext,
  input: { jobs: readonly ResolvedJob<M>[]; environment: JobEnvironment<M>; name: string },
): Promise<RunJobNowResult> {
  if (!ctx.actor.isInstanceAdmin) throw new ForbiddenError();
  const job = input.jobs.find((j) => j.definition.name === input.name);
  if (!job) throw new NotFoundError();
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, null, {
      action: 'jobs.run.request',
      entityType: 'job',
      entityId: job.definition.name,
      after: { trigger: 'manual', at: ctx.now() },
    }),
  );
  const scheduler = new Scheduler({
    db: ctx.db,
    jobs: [job],
    environment: input.environment,
    now: ctx.now,
    runner: `${hostname()}:${process.pid} (${ctx.actor.label})`,
    // Someone waits for the page: retry within seconds, as `prongsai jobs run` does.
    retryDelayMs: 2_000,
  });
  const run = await scheduler.runNow(job);
  return run ? { outcome: 'ran', run } : { outcome: 'busy' };
}
