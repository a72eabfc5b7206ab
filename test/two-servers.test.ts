import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  demoServerDatabase,
  exited,
  freePort,
  killAll,
  processTree,
  startServe,
} from './helpers/serve-process.js';
import { startFakeSmtp } from './helpers/fake-smtp.js';
import { findNginx, startNginx } from './helpers/nginx.js';
import {
  prepareEitSubmission,
  seededRandom,
  sendSubmission,
  SurveyClient,
} from './helpers/survey-client.js';
import { testDatabaseKind } from './helpers/test-context.js';
import { DEMO_PASSWORD } from '../src/core/agencies/seed-demo.js';
import { verifyAuditChain } from '../src/core/audit/audit.js';
import type { Database } from '../src/core/db/client.js';

/**
 * Decision 0006 and docs/deployment.md: app servers on one PostgreSQL behind a load balancer
 * behave as one server. Two `prongsai serve` processes (separate ports, as on two machines,
 * sharing only the database and the file store's folder) behind a real nginx.
 * On PGlite (one process's database) the same file shows a single server sending the
 * reminders by itself.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor<T>(what: string, check: () => Promise<T | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Shared set-up: the demo database with actions due, a mail catcher and a jobs schedule. */
async function prepare() {
  const server = await demoServerDatabase();
  const database = await server.open();
  // Three open actions of the demo plan fall due in three days, the others in two months:
  // each of the three is e-mailed about once.
  await database.exec(
    `update measures_actions set start_date = least(start_date, current_date),
       due_date = current_date + 60 where status not in ('done', 'cancelled');
     update measures_actions set due_date = current_date + 3 where id in (
       select id from measures_actions where status not in ('done', 'cancelled')
       order by id limit 3)`,
  );
  await database.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'prongsai-two-servers-'));
  const configFile = path.join(dir, 'prongsai.toml');
  // Every two seconds instead of 08:00, so that the servers meet at many slots.
  writeFileSync(configFile, '[jobs.measures-reminders]\nschedule = "*/2 * * * * *"\n');
  const smtp = await startFakeSmtp();
  const env = {
    ...server.env,
    PRONGSAI_WORKERS: '1',
    // PGlite keeps its database in the data folder; with PostgreSQL it holds only the
    // file store, which every server must share (an NFS mount in production).
    PRONGSAI_DATA_DIR: server.env.PRONGSAI_DATA_DIR ?? path.join(dir, 'files'),
    PRONGSAI_TRUST_PROXY: '1',
    PRONGSAI_SMTP_URL: smtp.url,
    PRONGSAI_CONFIG: configFile,
    SURVEYS_RATE_PER_HOUR: '8',
  };
  return { server, dir, smtp, env };
}

async function remindersState(database: Database) {
  const [row] = await database.query<{ logged: number; runs: number; failed: number }>(
    `select (select count(*) from measures_reminders_sent)::int as logged,
       (select count(*) from core_job_runs where job = 'measures-reminders')::int as runs,
       (select count(*) from core_job_runs where status = 'failed')::int as failed`,
  );
  return row!;
}

function jobsList(env: Record<string, string>): string {
  const result = spawnSync(path.join(ROOT, 'bin/prongsai'), ['jobs', 'list'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

const nginx = findNginx();
const isPostgres = testDatabaseKind() === 'postgres';

void describe('one server on PGlite runs its jobs by itself', { skip: isPostgres }, () => {
  let shared: Awaited<ReturnType<typeof prepare>>;
  let child: ChildProcess | undefined;
  before(async () => {
    shared = await prepare();
  });
  after(async () => {
    if (child) await killAll(processTree(child.pid!));
    await shared.smtp.close();
    await shared.server.drop();
    rmSync(shared.dir, { recursive: true, force: true });
  });

  void it('e-mails the due reminders with no cron, once each, and lists the runs', async () => {
    child = await startServe(shared.env, await freePort());
    await waitFor('the first reminders', async () => shared.smtp.received.length > 0);
    await sleep(5000); // two or three more slots come: nothing is sent again
    child.kill('SIGTERM');
    await exited(child);
    child = undefined;
    const database = await shared.server.open();
    const state = await remindersState(database);
    await database.close();
    assert.ok(state.logged > 0);
    // measures_reminders_sent has one row per action, kind, due date and recipient, written after
    // the send: a reminder sent twice would be one e-mail more than rows.
    assert.equal(shared.smtp.received.length, state.logged, 'one e-mail per logged reminder');
    assert.ok(state.runs >= 2, `runs: ${state.runs}`);
    assert.equal(state.failed, 0);
    const list = jobsList(shared.env);
    assert.match(list, /measures-reminders {2}\[\*\/2 \* \* \* \* \*\]/);
    assert.match(list, /succeeded/);
  });
});

void describe('two servers on one PostgreSQL behind nginx', { skip: !isPostgres }, () => {
  let shared: Awaited<ReturnType<typeof prepare>>;
  let servers: ChildProcess[] = [];
  let ports: number[] = [];
  let balancer: Awaited<ReturnType<typeof startNginx>> | undefined;
  let database: Database;
  let surveyPath = '';
  let fiscalYear = 0;

  before(async () => {
    if (!nginx) {
      // CI installs nginx (scripts/test.sh); there a missing nginx is a failure, not a skip.
      if (process.env.CI === 'true')
        throw new Error('nginx is not installed: apt-get install nginx-light');
      return;
    }
    shared = await prepare();
    ports = [await freePort(), await freePort()];
    servers = await Promise.all(ports.map((port) => startServe(shared.env, port)));
    balancer = await startNginx({ binary: nginx, port: await freePort(), upstreams: ports });
    database = await shared.server.open();
    const [campaign] = await database.query<{ id: string; fiscal_year: number }>(
      `select id, fiscal_year from surveys_campaigns where tool = 'EIT'`,
    );
    surveyPath = `/a/phothong/surveys/${campaign!.id}`;
    fiscalYear = campaign!.fiscal_year;
  });
  after(async () => {
    await balancer?.stop();
    for (const child of servers) await killAll(processTree(child.pid!));
    await database?.close();
    if (shared) {
      await shared.smtp.close();
      await shared.server.drop();
      rmSync(shared.dir, { recursive: true, force: true });
    }
  });
  const needsNginx = (t: { skip: (m: string) => void }) => {
    if (!nginx) t.skip('nginx is not installed (scripts/test.sh installs nginx-light)');
    return !nginx;
  };

  /** An admin logged in through the balancer. */
  async function logIn(email = 'admin@phothong.example', password = DEMO_PASSWORD) {
    const client = new SurveyClient(balancer!.url);
    await client.get('/login');
    const res = await client.post('/login', { email, password });
    return { client, res };
  }

  void it('keeps a session and the log-in limit whichever server answers', async (t) => {
    if (needsNginx(t)) return;
    const { client, res } = await logIn();
    assert.equal(res.status, 303);
    const upstreams = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const page = await client.get('/staff');
      assert.equal(page.status, 200, 'logged in on both servers');
      upstreams.add(page.headers.get('x-upstream')!);
    }
    assert.equal(upstreams.size, 2, `answered by ${[...upstreams].join(', ')}`);

    // Wrong passwords for one account from an unknown device, alternating servers. The first
    // three are checked; then the account's slowdown (core/auth/log-in.ts) answers 429. Each
    // server sees only half the attempts, so a count kept per server would never reach it.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await logIn('mayor@phothong.example', 'wrong-password-1')).res.status);
    }
    assert.deepEqual(statuses.slice(0, 3), [422, 422, 422]);
    assert.ok(statuses.includes(429), `the limit holds across servers: ${statuses.join(', ')}`);
  });

  void it('counts the same EIT answers once and one survey rate limit for both servers', async (t) => {
    if (needsNginx(t)) return;
    const count = async () =>
      (await database.query<{ n: number }>('select count(*)::int as n from surveys_responses'))[0]!
        .n;
    const before = await count();
    // Two respondents from one address with identical answers (same seed): one counts.
    const first = await prepareEitSubmission(
      balancer!.url,
      surveyPath,
      fiscalYear,
      seededRandom(7),
    );
    const second = await prepareEitSubmission(
      balancer!.url,
      surveyPath,
      fiscalYear,
      seededRandom(7),
    );
    assert.ok(await sendSubmission(first));
    assert.ok(await sendSubmission(second), 'the duplicate is thanked too');
    await waitFor('the duplicate to be removed', async () => (await count()) === before + 1);
    // That was four of the eight attempts an hour; six more starts, spread over both servers.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new SurveyClient(balancer!.url);
      await client.get(surveyPath);
      statuses.push((await client.post(`${surveyPath}/start`, { ch: 'counter' })).status);
    }
    assert.deepEqual(statuses, [303, 303, 303, 303, 429, 429]);
  });

  void it('stores an upload on one server and serves it from the other', async (t) => {
    if (needsNginx(t)) return;
    const { client } = await logIn();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const form = new FormData();
    form.set('_csrf', client.csrf);
    form.set('contentHtml', '<p>ข้อมูลพื้นฐานทดสอบสองเครื่อง</p>');
    form.set('file', new Blob([pdf], { type: 'application/pdf' }), 'two-servers.pdf');
    const res = await fetch(`http://127.0.0.1:${ports[0]}/staff/disclosure/items/2566/o1`, {
      method: 'POST',
      body: form,
      headers: { cookie: client.cookieHeader() },
      redirect: 'manual',
    });
    assert.equal(res.status, 303, await res.text());
    const [doc] = await database.query<{ id: string }>(
      `select id from disclosure_documents where file_name = 'two-servers.pdf'`,
    );
    const download = await fetch(
      `http://127.0.0.1:${ports[1]}/staff/disclosure/documents/${doc!.id}`,
      {
        headers: { cookie: client.cookieHeader() },
      },
    );
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), pdf);
  });

  void it('shows a change on both servers at once, not after the page cache time, and keeps one audit chain', async (t) => {
    if (needsNginx(t)) return;
    const home = (port: number) =>
      fetch(`http://127.0.0.1:${port}/a/phothong`).then((r) => r.text());
    for (const port of ports) assert.match(await home(port), /เทศบาลตำบลโพธิ์ทอง/); // now cached
    const { client } = await logIn();
    const renamed = 'เทศบาลตำบลโพธิ์ทองสองเครื่อง';
    const fields = ['nameEn', 'kindTh', 'subdistrictTh', 'districtTh', 'provinceTh', 'address'];
    const edit = await client.post('/staff/agency', {
      ...Object.fromEntries(
        [...fields, 'phone', 'email', 'website', 'mapUrl', 'facebook'].map((f) => [f, '']),
      ),
      nameTh: renamed,
    });
    assert.equal(edit.status, 303, /class="error[^"]*"[^>]*>([^<]*)/.exec(await edit.text())?.[1]);
    // The edit's audit entry NOTIFYs both servers on commit and each drops its cached copies
    // of the agency's pages: the new name shows at once on both (before: 10 s page cache +
    // 5 s agency row), allowing only the notification's trip through PostgreSQL.
    const changedAt = Date.now();
    for (const port of ports) {
      for (;;) {
        if ((await home(port)).includes(renamed)) break;
        assert.ok(Date.now() - changedAt < 1_000, `:${port} still shows the old name`);
        await sleep(20);
      }
    }
    console.log(`the new name showed on both servers ${Date.now() - changedAt} ms after the edit`);

    // Staff writes landing on both servers at once append to one unbroken chain.
    const writes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.post('/staff/agency/units', { nameTh: `หน่วยทดสอบสองเครื่อง ${i}` }),
      ),
    );
    assert.deepEqual(
      writes.map((w) => w.status),
      Array(8).fill(303),
    );
    const chain = await verifyAuditChain(database.db);
    assert.deepEqual(chain.problems, []);
    assert.ok(chain.ok);
  });

  void it('runs each scheduled slot once: every reminder e-mailed once, none twice', async (t) => {
    if (needsNginx(t)) return;
    const state = await waitFor('three runs of the reminders', async () => {
      const s = await remindersState(database);
      return s.runs >= 3 && s.logged > 0 && s;
    });
    await sleep(1000); // the last slot's e-mails reach the catcher
    const settled = await remindersState(database);
    assert.ok(settled.runs >= state.runs);
    assert.equal(settled.failed, 0);
    // One row per action, kind, due date and recipient: an e-mail sent twice is one more than rows.
    assert.equal(shared.smtp.received.length, settled.logged, 'one e-mail per logged reminder');
    const runners = await database.query<{ runner: string; slots: number }>(
      `select runner, count(*)::int as slots from core_job_runs
        where job = 'measures-reminders' group by runner`,
    );
    // Each slot has one row, by its primary key: both servers tried every one.
    assert.ok(runners.length >= 1);
    const list = jobsList(shared.env);
    assert.match(list, /measures-reminders/);
    assert.match(list, /succeeded/);
    assert.equal(balancer!.log().includes('[error]'), false, balancer!.log());
  });
});
