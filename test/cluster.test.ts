import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import {
  freePort,
  killAll,
  processTree,
  demoServerDatabase,
  type ServerDatabase,
  startServe,
} from './helpers/serve-process.js';
import { testDatabaseKind } from './helpers/test-context.js';

/** One request on a connection of its own, so that the cluster hands it to the next worker. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<{ status: number; setCookie: string[]; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const waitFor = async (what: string, check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

void describe(`prongsai serve with worker processes (${testDatabaseKind()})`, () => {
  let child: ChildProcess | undefined;
  let server: ServerDatabase | undefined;
  after(async () => {
    if (child) await killAll(processTree(child.pid!));
    await server?.drop();
  });

  void it('shares one survey rate limit among workers, restarts a crashed worker, and dies with its primary', async () => {
    server = await demoServerDatabase();
    const database = await server.open();
    const [campaign] = await database.query<{ id: string }>(
      `select id from surveys_campaigns where tool = 'EIT'`,
    );
    await database.close();
    const port = await freePort();
    let stderr = '';
    child = await startServe(
      { ...server.env, PRONGSAI_WORKERS: '2', SURVEYS_RATE_PER_HOUR: '4' },
      port,
      (text) => (stderr += text),
    );

    if (testDatabaseKind() === 'pglite') {
      // PGlite is one process's database: asking for two workers runs one, and says so.
      assert.equal(processTree(child.pid!).length, 1);
      assert.match(stderr, /PRONGSAI_WORKERS=2 needs PostgreSQL/);
      return;
    }
    const [primary, ...workers] = processTree(child.pid!);
    assert.equal(workers.length, 2, 'two workers');

    // Six respondents from one address, each on a new connection (round-robin over the two
    // workers): the limit of 4 per hour holds for the server, not 4 per worker.
    const surveyPath = `/a/phothong/surveys/${campaign!.id}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await send(port, 'GET', surveyPath);
      const csrf = /prongsai_csrf=([^;]+)/.exec(page.setCookie.join('\n'))![1]!;
      const start = await send(
        port,
        'POST',
        `${surveyPath}/start`,
        {
          cookie: `prongsai_csrf=${csrf}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        `_csrf=${csrf}&ch=counter`,
      );
      statuses.push(start.status);
    }
    assert.deepEqual(statuses, [303, 303, 303, 303, 429, 429]);

    // A worker killed with -9 is replaced; the server keeps answering meanwhile.
    await killAll([workers[0]!]);
    await waitFor('a replacement worker', () => {
      const now = processTree(primary!).slice(1);
      return now.length === 2 && !now.includes(workers[0]!);
    });
    assert.equal((await send(port, 'GET', '/a/phothong')).status, 200);
    assert.match(stderr, /worker \d+ exited \(SIGKILL\), restarting/);

    // The primary killed with -9: its workers notice and exit instead of holding the port.
    const survivors = processTree(primary!).slice(1);
    await killAll([primary!]);
    await waitFor('workers to exit', () => survivors.every((pid) => !existsSync(`/proc/${pid}`)));
    await assert.rejects(send(port, 'GET', '/a/phothong'), /ECONNREFUSED/);
    child = undefined;
  });
});
