import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/client.js';
import { openTestDatabase, testDatabaseKind } from '../../../test/helpers/test-context.js';
import { JobConfigError, Scheduler, resolveJobs, type ResolvedJob } from './scheduler.js';
import { jobRuns } from './schema.js';
import { listAgencyJobRuns, listJobStatus } from './list-jobs.js';
import type { JobDefinition } from './types.js';

const environment = { mail: { mailFrom: 'x@localhost' }, modules: [] };
const clock = (iso: string) => {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), set: (next: string) => (t = new Date(next).getTime()) };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

void describe(`Scheduler (${testDatabaseKind()})`, () => {
  let database: Database;
  /** A second connection pool to the same database, as another server would hold. */
  let second: Database;
  before(async () => {
    database = await openTestDatabase();
    const url = process.env.TEST_DATABASE_URL;
    if (url) {
      const [{ name }] = (await database.query<{ name: string }>(
        'select current_database() as name',
      )) as [{ name: string }];
      const u = new URL(url);
      u.pathname = `/${name}`;
      second = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
    } else {
      second = database; // PGlite: one process's database, the scheduler's claim is the same row
    }
  });
  after(async () => {
    if (second !== database) await second.close();
    await database.close();
  });

  void it('runs a slot once with two schedulers on one database, and each new slot once more', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'count',
      summary: 'count',
      schedule: '*/5 * * * *',
      handler: async () => {
        runs++;
        await sleep(50); // both schedulers are inside their tick at once
        return { summary: `run ${runs}` };
      },
    };
    const [resolved] = resolveJobs([job]);
    const time = clock('2026-12-06T01:02:00Z');
    const make = (db: Database, runner: string) =>
      new Scheduler({ db: db.db, jobs: [resolved!], environment, now: time.now, runner });
    const a = make(database, 'server-a');
    const b = make(second, 'server-b');
    await Promise.all([a.tick(), b.tick()]);
    assert.equal(runs, 1, 'the 01:00 slot (caught up at start) ran once');
    await Promise.all([a.tick(), b.tick()]);
    assert.equal(runs, 1, 'ticking again in the same slot runs nothing');
    time.set('2026-12-06T01:05:00.500Z');
    await Promise.all([b.tick(), a.tick()]);
    assert.equal(runs, 2, 'the 01:05 slot ran once');
    const rows = await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'count'));
    assert.deepEqual(rows.map((r) => [r.slot.toISOString(), r.status, r.attempts]).sort(), [
      ['2026-12-06T01:00:00.000Z', 'succeeded', 1],
      ['2026-12-06T01:05:00.000Z', 'succeeded', 1],
    ]);
    assert.ok(rows.every((r) => r.finishedAt && r.summary?.startsWith('run ')));
  });

  void it('never overlaps a run: a slot that comes while the last run still works is skipped', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const slow: JobDefinition = {
      name: 'slow',
      summary: 'slow',
      schedule: '* * * * * *',
      handler: async () => {
        runs++;
        most = Math.max(most, ++running);
        await sleep(300);
        running--;
        return { summary: 'done' };
      },
    };
    const [resolved] = resolveJobs([slow]);
    const time = clock('2026-12-06T01:00:00.100Z');
    const a = new Scheduler({ db: database.db, jobs: [resolved!], environment, now: time.now });
    const b = new Scheduler({ db: second.db, jobs: [resolved!], environment, now: time.now });
    const first = a.tick();
    await sleep(100);
    time.set('2026-12-06T01:00:01.100Z'); // the next slot, on the other server, mid-run
    await b.tick();
    await first;
    assert.equal(most, 1);
    assert.equal(runs, 1);
    time.set('2026-12-06T01:00:02.100Z');
    await b.tick();
    assert.equal(runs, 2, 'the slot after the run ended runs');
  });

  void it('retries a failing job with a growing delay and records each outcome', async () => {
    let calls = 0;
    const flaky: JobDefinition = {
      name: 'flaky',
      summary: 'fails twice',
      schedule: '0 8 * * *',
      handler: async () => {
        calls++;
        if (calls < 3) throw new Error(`SMTP refused (${calls})`);
        return { summary: 'sent 2', byAgency: { 'agency-1': 'sent 2' } };
      },
    };
    const broken: JobDefinition = {
      name: 'broken',
      summary: 'always fails',
      schedule: '0 8 * * *',
      maxAttempts: 2,
      handler: () => Promise.reject(new Error('database of the checker is gone')),
    };
    const jobs = resolveJobs([flaky, broken]);
    const time = clock('2026-12-06T01:00:30Z'); // 08:00:30 in Bangkok
    const started = Date.now();
    await new Scheduler({
      db: database.db,
      jobs,
      environment,
      now: time.now,
      retryDelayMs: 40,
    }).tick();
    assert.ok(Date.now() - started >= 40 + 80, 'waited 40 ms, then 80 ms');
    const [ok] = await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'flaky'));
    assert.equal(ok!.status, 'succeeded');
    assert.equal(ok!.attempts, 3);
    assert.equal(ok!.error, 'SMTP refused (2)', 'the last failure is kept beside the success');
    assert.equal(ok!.slot.toISOString(), '2026-12-06T01:00:00.000Z');
    const [bad] = await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'broken'));
    assert.equal(bad!.status, 'failed');
    assert.equal(bad!.attempts, 2);
    assert.equal(bad!.error, 'database of the checker is gone');
    assert.ok(bad!.finishedAt);

    const status = await listJobStatus(database.db, jobs, time.now());
    assert.deepEqual(
      status.map((s) => [s.name, s.lastRun?.status, s.nextRun?.toISOString()]),
      [
        ['flaky', 'succeeded', '2026-12-07T01:00:00.000Z'],
        ['broken', 'failed', '2026-12-07T01:00:00.000Z'],
      ],
    );
    const mine = await listAgencyJobRuns(database.db, 'agency-1');
    assert.deepEqual(
      mine.map((r) => [r.job, r.summary]),
      [['flaky', 'sent 2']],
    );
    assert.deepEqual(await listAgencyJobRuns(database.db, 'agency-2'), []);
  });

  void it('takes over a run whose server died, and skips a slot missed long ago', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'orphan',
      summary: 'orphan',
      schedule: '0 8 * * *',
      handler: async () => ({ summary: `run ${++runs}` }),
    };
    const [resolved] = resolveJobs([job]);
    // A server claimed 08:00 and died: its lease ran out at 08:10.
    await database.db.insert(jobRuns).values({
      job: 'orphan',
      slot: new Date('2026-12-06T01:00:00Z'),
      trigger: 'schedule',
      status: 'running',
      attempts: 1,
      startedAt: new Date('2026-12-06T01:00:00Z'),
      leaseUntil: new Date('2026-12-06T01:10:00Z'),
      runner: 'dead:1',
    });
    const time = clock('2026-12-06T01:09:00Z');
    const scheduler = new Scheduler({
      db: database.db,
      jobs: [resolved!],
      environment,
      now: time.now,
    });
    await scheduler.tick();
    assert.equal(runs, 0, 'within the lease nobody takes over');
    time.set('2026-12-06T01:11:00Z');
    await scheduler.tick();
    assert.equal(runs, 1);
    const [row] = await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'orphan'));
    assert.deepEqual(
      [row!.status, row!.attempts, row!.runner === 'dead:1'],
      ['succeeded', 2, false],
    );

    // Started 13 hours after yesterday's 08:00 with no run of it: not caught up.
    let late = 0;
    const [daily] = resolveJobs([
      { ...job, name: 'late', handler: async () => ({ summary: `${++late}` }) },
    ]);
    const evening = clock('2026-12-06T14:00:00Z'); // 21:00 Bangkok
    await new Scheduler({ db: database.db, jobs: [daily!], environment, now: evening.now }).tick();
    assert.equal(late, 0);
  });

  void it('refuses settings for an unknown job and a bad schedule, and applies an override', () => {
    const job: JobDefinition = {
      name: 'known',
      summary: 'k',
      schedule: '0 8 * * *',
      handler: async () => ({ summary: '' }),
    };
    assert.throws(() => resolveJobs([job], { knwon: { schedule: '* * * * *' } }), JobConfigError);
    assert.throws(
      () => resolveJobs([job], { known: { schedule: '61 * * * *' } }),
      /invalid schedule/,
    );
    assert.throws(() => resolveJobs([job, job]), /defined twice/);
    const [resolved] = resolveJobs([job], {
      known: { schedule: '*/2 * * * * *', isEnabled: false, maxAttempts: 5 },
    }) as [ResolvedJob<unknown>];
    assert.deepEqual(
      [resolved.schedule, resolved.isEnabled, resolved.maxAttempts],
      ['*/2 * * * * *', false, 5],
    );
  });
});
