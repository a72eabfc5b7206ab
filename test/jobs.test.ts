import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from './helpers/test-context.js';
import { startFakeSmtp } from './helpers/fake-smtp.js';
import { modules } from '../src/modules.js';
import { Scheduler } from '../src/core/jobs/scheduler.js';
import { jobEnvironment, moduleJobs } from '../src/core/jobs/module-jobs.js';
import { jobRuns } from '../src/core/jobs/schema.js';
import { createUser } from '../src/core/agencies/staff-members.js';
import { createSession, SESSION_COOKIE } from '../src/core/auth/sessions.js';
import { FAST_HASH_COST } from '../src/core/auth/password.js';
import { createPlanFromAnalysis } from '../src/measures/create-plan-from-analysis.js';
import { actions } from '../src/measures/schema.js';
import { CSRF_COOKIE } from '../src/core/http/middleware.js';
import { auditLog } from '../src/core/audit/schema.js';
import { INSTANCE_AUDIT_AGENCY } from '../src/core/audit/audit.js';

/**
 * The modules' real jobs on the scheduler `serve` runs, with a fake clock: reminder e-mails
 * arrive at 08:00 with no cron and no command, once, and the runs show on the admin pages.
 */
void describe('scheduled module jobs', () => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let phothong: Awaited<ReturnType<TestContext['makeAgency']>>;
  before(async () => {
    smtp = await startFakeSmtp();
    t = await createTestContext({ smtpUrl: smtp.url });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  void it('sends the measures reminders at their slot, once, and records the runs', async () => {
    phothong = await t.makeAgency('phothong'); // the agency the sample analysis is for
    // The plan is made from the agency's analysis in the database: the demo seed writes it.
    await modules.find((m) => m.name === 'assessment')!.seed!(phothong.ctx);
    await createPlanFromAnalysis(phothong.ctx, 2567); // from its analysis of 2566
    const officer = await t.loginAs('unit_officer', phothong.agency);
    const all = await t.database.db
      .select()
      .from(actions)
      .where(eq(actions.agencyId, phothong.agency.id));
    const overdue = all.find((a) => a.dueDate < '2024-09-28')!;
    const dueSoon = all.find((a) => a.dueDate === '2024-09-30')!;
    for (const a of [overdue, dueSoon]) {
      await t.database.db
        .update(actions)
        .set({ officerUserId: officer.userId })
        .where(eq(actions.id, a.id));
    }
    let now = new Date('2024-09-28T00:59:00Z'); // 07:59 in Bangkok
    const scheduler = new Scheduler({
      db: t.database.db,
      jobs: moduleJobs(modules, t.config),
      environment: jobEnvironment(t.config, modules),
      now: () => now,
    });
    await scheduler.tick();
    assert.equal(
      smtp.received.length,
      0,
      'before 08:00 nothing (yesterday 08:00 is too old to catch up)',
    );
    now = new Date('2024-09-28T01:00:05Z'); // 08:00:05
    await scheduler.tick();
    await scheduler.tick();
    assert.equal(smtp.received.length, 2, 'one overdue and one due-soon e-mail, once');
    assert.ok(smtp.received.every((m) => /^staff-.*@example\.org$/.test(m.to)));
    assert.equal(new Set(smtp.received.map((m) => m.to)).size, 1, 'to the named officer');
    now = new Date('2024-09-29T01:00:05Z'); // the next day: already sent, nothing new
    await scheduler.tick();
    assert.equal(smtp.received.length, 2);

    const runs = await t.database.db
      .select()
      .from(jobRuns)
      .where(eq(jobRuns.job, 'measures-reminders'))
      .orderBy(jobRuns.slot);
    assert.deepEqual(
      runs.map((r) => [r.slot.toISOString(), r.status, r.summary?.split(' / ')[1]]),
      [
        ['2024-09-28T01:00:00.000Z', 'succeeded', 'sent 2, skipped 0'],
        ['2024-09-29T01:00:00.000Z', 'succeeded', 'sent 0, skipped 2'],
      ],
    );
    assert.ok(runs.every((r) => r.byAgency?.[phothong.agency.id]));
  });

  void it('shows the runs to the instance admin, and to an agency admin only their own', async () => {
    const root = await createUser(
      t.systemCtx,
      {
        email: 'root@example.org',
        displayName: 'ผู้ดูแลระบบกลาง',
        password: 'root-password-1',
        isInstanceAdmin: true,
      },
      FAST_HASH_COST,
    );
    const token = await createSession(t.database.db, root.id, null, new Date());
    const admin = await t.get('/admin/jobs', {
      cookie: `${SESSION_COOKIE}=${token}`,
      csrfToken: '',
      userId: root.id,
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    assert.equal(admin.status, 200);
    const page = await admin.text();
    for (const name of ['measures-reminders', 'disclosure-reminders', 'surveys-abuse-cleanup']) {
      assert.ok(page.includes(name), name);
    }
    assert.match(page, /sent 2, skipped 0/);
    assert.match(page, /0 8 \* \* \*/);

    const agencyAdmin = await t.loginAs('agency_admin', phothong.agency);
    assert.equal((await t.get('/admin/jobs', agencyAdmin)).status, 403);
    const own = await t.get('/staff/agency/jobs', agencyAdmin);
    assert.equal(own.status, 200);
    assert.match(await own.text(), /sent 2, skipped 0/);

    const otherAdmin = await t.loginAs('agency_admin', t.agency);
    const theirs = await (await t.get(`/staff/agency/jobs`, otherAdmin)).text();
    assert.doesNotMatch(theirs, /sent 2/);
    assert.doesNotMatch(theirs, /measures-reminders/);
  });

  void it('runs a job now from /admin/jobs once, audited, and never beside a running one', async () => {
    const root = await createUser(
      t.systemCtx,
      {
        email: 'root-run@example.org',
        displayName: 'ผู้ดูแลระบบกลาง',
        password: 'root-password-1',
        isInstanceAdmin: true,
      },
      FAST_HASH_COST,
    );
    const token = await createSession(t.database.db, root.id, null, new Date());
    const csrfToken = randomBytes(32).toString('base64url');
    const cookie = `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfToken}`;
    const session = { cookie, csrfToken, userId: root.id, headers: { cookie } };
    const JOB = 'surveys-abuse-cleanup';
    const manualRuns = () =>
      t.database.db
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.job, JOB), eq(jobRuns.trigger, 'manual')));
    const requests = () =>
      t.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.agencyId, INSTANCE_AUDIT_AGENCY),
            eq(auditLog.action, 'jobs.run.request'),
          ),
        );

    const page = await (await t.get('/admin/jobs', session)).text();
    assert.match(page, new RegExp(`name="job" value="${JOB}"`), 'a run-now form per job');
    assert.match(page, /name="_csrf"/);

    const ran = await t.post('/admin/jobs/run', { job: JOB }, session);
    assert.equal(ran.status, 303);
    assert.match(ran.headers.get('location') ?? '', /notice=jobs\.runNow\.succeeded/);
    const runs = await manualRuns();
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.status, 'succeeded');
    assert.match(runs[0]!.runner, /root-run@example\.org/);
    const audited = await requests();
    assert.equal(audited.length, 1);
    assert.equal(audited[0]!.entityId, JOB);
    assert.equal(audited[0]!.actorUserId, root.id);

    // A run holding its lease (a scheduled run on another server): no second one starts.
    const now = new Date();
    await t.database.db.insert(jobRuns).values({
      job: JOB,
      slot: new Date(now.getTime() - 1000),
      trigger: 'schedule',
      status: 'running',
      attempts: 1,
      startedAt: now,
      leaseUntil: new Date(now.getTime() + 60_000),
      runner: 'other-server:1',
    });
    const busy = await t.post('/admin/jobs/run', { job: JOB }, session);
    assert.match(busy.headers.get('location') ?? '', /notice=jobs\.runNow\.busy/);
    assert.equal((await manualRuns()).length, 1, 'no manual run beside the running one');
    await t.database.db
      .update(jobRuns)
      .set({ status: 'succeeded', finishedAt: now })
      .where(and(eq(jobRuns.job, JOB), eq(jobRuns.runner, 'other-server:1')));

    assert.equal((await t.post('/admin/jobs/run', { job: 'no-such-job' }, session)).status, 404);
    const forged = { ...session, csrfToken: randomBytes(32).toString('base64url') };
    assert.equal((await t.post('/admin/jobs/run', { job: JOB }, forged)).status, 403);
    const agencyAdmin = await t.loginAs('agency_admin');
    assert.equal((await t.post('/admin/jobs/run', { job: JOB }, agencyAdmin)).status, 403);
    assert.equal((await manualRuns()).length, 1, 'refused requests ran nothing');
    assert.equal(
      (await requests()).length,
      2,
      'the busy request is on record, the refused are not',
    );
  });
});
