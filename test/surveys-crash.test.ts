import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  prepareEitSubmission,
  seededRandom,
  sendSubmission,
  type PreparedSubmission,
} from './helpers/survey-client.js';
import { testDatabaseKind } from './helpers/test-context.js';
import {
  exited,
  freePort,
  killAll,
  processTree,
  demoServerDatabase,
  type ServerDatabase,
  startServe,
} from './helpers/serve-process.js';

const random = seededRandom(42);

void describe(`kill -9 during a surge of survey submissions (${testDatabaseKind()})`, () => {
  let child: ChildProcess | undefined;
  let server: ServerDatabase | undefined;
  after(async () => {
    if (child && child.exitCode === null) await killAll(processTree(child.pid!));
    await server?.drop();
  });

  void it('keeps every thanked submission and counts none twice', async () => {
    server = await demoServerDatabase();
    const database = await server.open();
    const [campaign] = await database.query<{ id: string; n: number }>(
      `select c.id, (select count(*)::int from surveys_responses r where r.campaign_id = c.id) as n
       from surveys_campaigns c where c.tool = 'EIT'`,
    );
    await database.close();
    const seeded = campaign!.n;
    const surveyPath = `/a/phothong/surveys/${campaign!.id}`;

    const port = await freePort();
    child = await startServe(server.env, port);
    // Clustered, these are the primary and its workers: all die at once below.
    const pids = processTree(child.pid!);
    if (testDatabaseKind() === 'postgres') assert.equal(pids.length, 3, 'a primary and 2 workers');
    const baseUrl = `http://127.0.0.1:${port}`;

    // Walk 60 respondents up to their final POST, then fire the final POSTs as a surge.
    const prepared: PreparedSubmission[] = [];
    for (let i = 0; i < 60; i++)
      prepared.push(await prepareEitSubmission(baseUrl, surveyPath, 2566, random));
    const thanked = new Set<string>();
    // Kill as soon as a few thank-you pages are out. The final POSTs go out 8 at a time, as a
    // stream of respondents: fired all at once, group commit may write every one of them in
    // a single batch and thank all 60 before the kill, however soon it is sent.
    let killing: Promise<void> | undefined;
    let next = 0;
    const surge = Array.from({ length: 8 }, async () => {
      while (next < prepared.length && !killing) {
        const s = prepared[next++]!;
        const outcome = await sendSubmission(s).catch(() => null);
        if (outcome === 'recorded') thanked.add(s.submissionKey);
        if (thanked.size >= 5) killing ??= killAll(pids);
      }
    });
    await Promise.allSettled(surge);
    const killedMidSurge = killing !== undefined;
    await (killing ?? killAll(pids));
    await exited(child!);
    assert.ok(
      killedMidSurge && thanked.size < prepared.length,
      `thanked ${thanked.size} of 60: kill landed mid-surge`,
    );

    // Restart; every client retries its final POST (a browser's "resend"): none may count twice.
    child = await startServe(server.env, port);
    const retried = await Promise.all(prepared.map((s) => sendSubmission(s)));
    for (const [i, s] of prepared.entries()) {
      if (thanked.has(s.submissionKey)) assert.equal(retried[i], 'already-recorded');
      else assert.ok(retried[i] === 'recorded' || retried[i] === 'already-recorded');
    }
    const survivors = processTree(child.pid!);
    child.kill('SIGTERM');
    await exited(child!);
    // SIGTERM to the primary stops its workers too, and it waits for them.
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(
      survivors.filter((pid) => existsSync(`/proc/${pid}`)),
      [],
      'no worker outlives its primary',
    );

    const after = await server.open();
    const rows = await after.query<{ submission_key: string }>(
      'select submission_key from surveys_responses where campaign_id = $1',
      [campaign!.id],
    );
    await after.close();
    const keys = rows.map((r) => r.submission_key);
    for (const key of thanked) assert.ok(keys.includes(key), `thanked ${key} is stored`);
    assert.equal(new Set(keys).size, keys.length, 'no submission stored twice');
    assert.equal(keys.length, seeded + prepared.length, 'each respondent counted exactly once');
  });
});
