import { hostname } from 'node:os';
import { Cron } from 'croner';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobRuns, type JobRunRow } from './schema.js';
import type { JobContext, JobDefinition, JobResult, JobSettings } from './types.js';

/** Schedules are read on the Thai clock, whatever the server's own time zone. */
export const JOB_TIME_ZONE = 'Asia/Bangkok';
const DEFAULT_MAX_ATTEMPTS = 3;
/** First retry after this long, doubling each time (30 s, 60 s, 120 s…), capped at an hour. */
const DEFAULT_RETRY_DELAY_MS = 30_000;
/** How long a runner holds a slot before another scheduler may assume it died. */
const DEFAULT_LEASE_MS = 15 * 60_000;
/**
 * A slot missed while no server ran (a restart over 08:00) is run at start when it is less
 * than this old; older ones are skipped, so a server off for a week does not send a week of
 * "due tomorrow" e-mails at once.
 */
const CATCH_UP_MS = 12 * 3600_000;
/** The timer wakes at least this often, so a changed system clock is noticed. */
const MAX_SLEEP_MS = 60_000;

/** A job with its settings from config applied. */
export interface ResolvedJob<M = unknown> {
  definition: JobDefinition<M>;
  schedule: string;
  isEnabled: boolean;
  maxAttempts: number;
  cron: Cron;
}

/** A job name or schedule in config that cannot be used; start-up stops with this message. */
export class JobConfigError extends Error {
  override name = 'JobConfigError';
}

/**
 * The modules' jobs with config applied. Refuses two jobs of one name, settings for a job no
 * module declares (a typo would otherwise silently keep the default) and a bad cron expression.
 */
export function resolveJobs<M>(
  definitions: readonly JobDefinition<M>[],
  settings: Record<string, JobSettings> = {},
): ResolvedJob<M>[] {
  const names = new Set<string>();
  for (const d of definitions) {
    if (names.has(d.name)) throw new JobConfigError(`job defined twice: ${d.name}`);
    names.add(d.name);
  }
  for (const name of Object.keys(settings)) {
    if (!names.has(name)) {
      throw new JobConfigError(
        `ไม่มีงานตามกำหนดเวลาชื่อ "${name}" (jobs.${name}) / no scheduled job named "${name}"; ` +
          `known: ${[...names].join(', ')}`,
      );
    }
  }
  return definitions.map((definition) => {
    const own = settings[definition.name] ?? {};
    const schedule = own.schedule ?? definition.schedule;
    let cron: Cron;
    try {
      cron = new Cron(schedule, { timezone: JOB_TIME_ZONE, paused: true });
    } catch (error) {
      throw new JobConfigError(
        `กำหนดเวลาของงาน ${definition.name} ไม่ถูกต้อง / invalid schedule for job ` +
          `${definition.name} ("${schedule}"): ${(error as Error).message}`,
      );
    }
    return {
      definition,
      schedule,
      isEnabled: own.isEnabled ?? true,
      maxAttempts: own.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      cron,
    };
  });
}

/** The latest slot at or before `at`, or null when the schedule has none. */
export function latestSlot<M>(job: ResolvedJob<M>, at: Date): Date | null {
  return job.cron.previousRuns(1, new Date(at.getTime() + 1))[0] ?? null;
}

/** What a job's handler gets besides the per-run fields. */
export type JobEnvironment<M> = Omit<JobContext<M>, 'db' | 'now' | 'slot' | 'attempt'>;

export interface SchedulerOptions<M> {
  db: Db;
  jobs: readonly ResolvedJob<M>[];
  environment: JobEnvironment<M>;
  now?: () => Date;
  /** Base delay between attempts, doubled each retry. */
  retryDelayMs?: number;
  leaseMs?: number;
  /** host:pid by default; shown on the admin page. */
  runner?: string;
  log?: (line: string) => void;
}

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Runs the jobs of this process on their schedules. Every server (and the CLI) may run one:
 * a slot's work is done by whichever inserts its core_job_runs row first, so a slot is run
 * once for the installation, never once per process. Nothing about "who runs what" lives in
 * memory; the memory only remembers which slots this process has already looked at.
 */
export class Scheduler<M> {
  private readonly db: Db;
  private readonly now: () => Date;
  private readonly retryDelayMs: number;
  private readonly leaseMs: number;
  private readonly runner: string;
  private readonly log: (line: string) => void;
  private readonly lastSeen = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private wakeSleepers = new Set<() => void>();
  private isStopping = false;

  constructor(private readonly options: SchedulerOptions<M>) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.runner = options.runner ?? `${hostname()}:${process.pid}`;
    this.log = options.log ?? (() => undefined);
  }

  /**
   * Looks at every enabled job once: claims and runs its latest slot if this process has not
   * seen it yet, and takes over runs whose runner's lease ran out. Resolves when the runs it
   * started have finished (tests call it with a fake clock; `start()` calls it on a timer).
   */
  async tick(): Promise<void> {
    const now = this.now();
    const started: Promise<void>[] = [];
    for (const job of this.options.jobs) {
      if (!job.isEnabled || this.isStopping) continue;
      const name = job.definition.name;
      started.push(this.track(this.takeOverAbandoned(job, now)));
      const slot = latestSlot(job, now);
      if (!slot) continue;
      const seen = this.lastSeen.get(name);
      if (seen !== undefined && slot.getTime() <= seen) continue;
      this.lastSeen.set(name, slot.getTime());
      if (seen === undefined && now.getTime() - slot.getTime() > CATCH_UP_MS) continue;
      started.push(this.track(this.claimAndRun(job, slot, 'schedule')));
    }
    await Promise.all(started);
  }

  /** Ticks now and at every next slot until stop(). */
  start(): void {
    const loop = () => {
      if (this.isStopping) return;
      void this.tick()
        .catch((error: unknown) => this.log(`jobs: tick failed: ${errorText(error)}`))
        .finally(() => {
          if (this.isStopping) return;
          const now = this.now().getTime();
          const next = Math.min(
            ...this.options.jobs
              .filter((j) => j.isEnabled)
              .map((j) => j.cron.nextRun(new Date(now))?.getTime() ?? Infinity),
          );
          const wait = Math.max(10, Math.min(next - now + 5, MAX_SLEEP_MS));
          this.timer = setTimeout(loop, wait);
          this.timer.unref();
        });
    };
    loop();
  }

  /**
   * Stops scheduling, ends retry waits, and waits for running handlers. A run interrupted
   * between attempts keeps its lease and is taken over by another server after it.
   */
  async stop(): Promise<void> {
    this.isStopping = true;
    clearTimeout(this.timer);
    for (const wake of this.wakeSleepers) wake();
    await Promise.all([...this.inFlight]);
  }

  /**
   * Runs one job now, outside its schedule (`prongsai jobs run`). Null when a run of the job
   * is still going on some server (runs never overlap).
   */
  async runNow(job: ResolvedJob<M>): Promise<JobRunRow | null> {
    const slot = this.now();
    await this.track(this.claimAndRun(job, slot, 'manual'));
    const [row] = await this.db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job.definition.name), eq(jobRuns.slot, slot)));
    return row ?? null;
  }

  private track(run: Promise<void>): Promise<void> {
    const guarded = run.catch((error: unknown) =>
      this.log(`jobs: bookkeeping failed: ${errorText(error)}`),
    );
    this.inFlight.add(guarded);
    void guarded.finally(() => this.inFlight.delete(guarded));
    return guarded;
  }

  private async claimAndRun(
    job: ResolvedJob<M>,
    slot: Date,
    trigger: 'schedule' | 'manual',
  ): Promise<void> {
    const now = this.now();
    const name = job.definition.name;
    // The claim: of all the servers that reach this slot, one gets the row. Under a lock per
    // job, and only while no earlier run of the job still holds its lease: a run never
    // overlaps the next one (two reminder runs at once would both read "not sent yet").
    const claimed = await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`prongsai.job.${name}`}))`);
      const running = await tx
        .select({ slot: jobRuns.slot })
        .from(jobRuns)
        .where(
          and(eq(jobRuns.job, name), eq(jobRuns.status, 'running'), gt(jobRuns.leaseUntil, now)),
        )
        .limit(1);
      if (running.length > 0) return [];
      return tx
        .insert(jobRuns)
        .values({
          job: name,
          slot,
          trigger,
          status: 'running',
          attempts: 1,
          startedAt: now,
          leaseUntil: new Date(now.getTime() + this.leaseMs),
          runner: this.runner,
        })
        .onConflictDoNothing()
        .returning({ job: jobRuns.job });
    });
    if (claimed.length === 0) return;
    await this.execute(job, slot, 1);
  }

  /** A run still `running` past its lease: its server died. Another attempt, or failed. */
  private async takeOverAbandoned(job: ResolvedJob<M>, now: Date): Promise<void> {
    const name = job.definition.name;
    const abandoned = and(
      eq(jobRuns.job, name),
      eq(jobRuns.status, 'running'),
      lt(jobRuns.leaseUntil, now),
    );
    await this.db
      .update(jobRuns)
      .set({
        status: 'failed',
        finishedAt: now,
        error: sql`coalesce(${jobRuns.error}, 'runner stopped')`,
      })
      .where(and(abandoned, sql`${jobRuns.attempts} >= ${job.maxAttempts}`));
    const taken = await this.db
      .update(jobRuns)
      .set({
        attempts: sql`${jobRuns.attempts} + 1`,
        runner: this.runner,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
      })
      .where(abandoned)
      .returning({ slot: jobRuns.slot, attempts: jobRuns.attempts });
    for (const run of taken) {
      this.log(`jobs: ${name} ${run.slot.toISOString()} taken over (attempt ${run.attempts})`);
      await this.execute(job, run.slot, run.attempts);
    }
  }

  private async execute(job: ResolvedJob<M>, slot: Date, firstAttempt: number): Promise<void> {
    const name = job.definition.name;
    const key = and(eq(jobRuns.job, name), eq(jobRuns.slot, slot));
    for (let attempt = firstAttempt; ; attempt++) {
      if (attempt > firstAttempt) {
        await this.db
          .update(jobRuns)
          .set({ attempts: attempt, leaseUntil: new Date(this.now().getTime() + this.leaseMs) })
          .where(key);
      }
      let result: JobResult;
      try {
        result = await job.definition.handler({
          ...this.options.environment,
          db: this.db,
          now: this.now,
          slot,
          attempt,
        });
      } catch (error) {
        const message = errorText(error);
        this.log(`jobs: ${name} attempt ${attempt} of ${job.maxAttempts} failed: ${message}`);
        if (attempt >= job.maxAttempts) {
          await this.db
            .update(jobRuns)
            .set({ status: 'failed', finishedAt: this.now(), error: message })
            .where(key);
          return;
        }
        const delay = Math.min(this.retryDelayMs * 2 ** (attempt - 1), 3600_000);
        // The lease covers the wait, so no other server takes the run over meanwhile.
        await this.db
          .update(jobRuns)
          .set({
            error: message,
            leaseUntil: new Date(this.now().getTime() + delay + this.leaseMs),
          })
          .where(key);
        await this.sleep(delay);
        // Stopping: the run keeps its lease; when it runs out another server retries.
        if (this.isStopping) return;
        continue;
      }
      await this.db
        .update(jobRuns)
        .set({
          status: 'succeeded',
          finishedAt: this.now(),
          summary: result.summary,
          byAgency: result.byAgency ?? null,
        })
        .where(key);
      return;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeSleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeSleepers.add(wake);
    });
  }
}
