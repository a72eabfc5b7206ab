import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AbuseControl, deleteExpiredAbuseState } from './abuse-control.js';
import type { Database } from '../core/db/client.js';
import { openTestDatabase, testDatabaseKind } from '../../test/helpers/test-context.js';
import { bangkokDate } from './campaigns.js';

const at = (iso: string) => new Date(iso).getTime();

void describe(`AbuseControl (${testDatabaseKind()})`, () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());
  // Another server on the same database: its own memory, the same tables.
  const otherServer = () => ({ query: database.query });

  void it('limits attempts per address per hour across servers, with a key that is not the address', async () => {
    const one = new AbuseControl(database, { perHour: 3, duplicateWindowMs: 600_000 });
    const two = new AbuseControl(otherServer(), { perHour: 3, duplicateWindowMs: 600_000 });
    const t = at('2026-09-30T03:00:00Z');
    const key = await one.hit('203.0.113.9', t);
    assert.ok(key && !key.includes('203'));
    assert.equal(await two.hit('203.0.113.9', t + 1), key, 'the same key on the other server');
    assert.equal(await one.hit('203.0.113.9', t + 2), key);
    assert.equal(await two.hit('203.0.113.9', t + 3), null, 'the fourth, on either server');
    assert.ok(await one.hit('198.51.100.1', t + 3), 'another address has its own count');
    assert.equal(await two.hit('203.0.113.9', t + 3600_000), key, 'a new hour, a new count');
    const stored = JSON.stringify([
      await database.query('select * from surveys_abuse_hits'),
      await database.query('select * from surveys_abuse_secrets'),
    ]);
    assert.doesNotMatch(stored, /203\.0\.113|198\.51/, 'no address is stored');
  });

  void it('acknowledges the same answers from the same key once per window on any server', async () => {
    const one = new AbuseControl(database, { perHour: 100, duplicateWindowMs: 600_000 });
    const two = new AbuseControl(otherServer(), { perHour: 100, duplicateWindowMs: 600_000 });
    const t = at('2026-09-30T05:00:00Z');
    const key = (await one.hit('203.0.113.10', t))!;
    // The digest of the merged answers comes from the EIT batch statement (answersDigestSql).
    const digest = 'a'.repeat(64);
    assert.equal(await one.isDuplicate(key, digest, t), false);
    assert.equal(await two.isDuplicate(key, digest, t + 1000), true);
    assert.equal(await one.isDuplicate(key, 'b'.repeat(64), t + 2000), false, 'other answers');
    assert.equal(await two.isDuplicate(key, digest, t + 1000 + 600_000), false, 'window over');
    // Both servers at once with the same new answers: exactly one counts them.
    const fresh = 'c'.repeat(64);
    const results = await Promise.all([
      one.isDuplicate(key, fresh, t + 5000),
      two.isDuplicate(key, fresh, t + 5000),
    ]);
    assert.deepEqual(results.sort(), [false, true]);
  });

  void it('gives attempts and answers arriving together one statement, counted as one by one', async () => {
    const one = new AbuseControl(database, { perHour: 3, duplicateWindowMs: 600_000 });
    const t = at('2026-09-30T07:00:00Z');
    const keys = await Promise.all([
      one.hit('203.0.113.20', t),
      one.hit('203.0.113.21', t),
      one.hit('203.0.113.20', t),
      one.hit('203.0.113.20', t),
      one.hit('203.0.113.20', t),
      one.hit('203.0.113.20', t),
    ]);
    assert.deepEqual(
      keys.map((k) => k !== null),
      [true, true, true, true, false, false],
      'the fourth and fifth of one address are over the limit, the other address is not',
    );
    const key = keys[0]!;
    const same = await Promise.all([
      one.isDuplicate(key, 'd1', t),
      one.isDuplicate(key, 'd1', t),
      one.isDuplicate(key, 'd2', t),
    ]);
    assert.deepEqual(same, [false, true, false]);
  });

  void it('rotates its secret on the Thai day and deletes the old one, with what has expired', async () => {
    const one = new AbuseControl(database, { perHour: 1, duplicateWindowMs: 600_000 });
    // 16:59:59Z is 23:59:59 in Bangkok; a second later it is the next Thai day.
    const before = await one.hit('203.0.113.11', at('2026-10-01T16:59:59Z'));
    const afterMidnight = await one.hit('203.0.113.11', at('2026-10-01T17:00:00Z'));
    assert.ok(before && afterMidnight, 'the count starts again with the day');
    assert.notEqual(before, afterMidnight);
    const days = await database.query<{ day: string }>('select day from surveys_abuse_secrets');
    assert.deepEqual(
      days.map((d) => d.day),
      ['2026-10-02'],
      "yesterday's secret is gone",
    );

    await one.isDuplicate(afterMidnight, 'digest', at('2026-10-01T17:00:00Z'));
    const deleted = await deleteExpiredAbuseState(database.db, new Date('2026-10-01T18:00:01Z'));
    assert.ok(deleted >= 2, `deleted ${deleted}`);
    const left = await database.query<{ n: number }>(
      `select (select count(*) from surveys_abuse_hits)::int + (select count(*) from surveys_abuse_fingerprints)::int as n`,
    );
    assert.equal(left[0]!.n, 0);
  });
});

void describe('bangkokDate', () => {
  void it('is the calendar date in Thailand (UTC+7, no daylight saving)', () => {
    assert.equal(bangkokDate(new Date('2026-09-30T16:59:59.999Z')), '2026-09-30');
    assert.equal(bangkokDate(new Date('2026-09-30T17:00:00Z')), '2026-10-01');
    assert.equal(bangkokDate(new Date('2024-02-28T17:00:00Z')), '2024-02-29');
    for (const iso of ['2026-03-29T01:30:00Z', '2026-10-25T23:59:00Z', '2027-01-01T00:00:00Z']) {
      const date = new Date(iso);
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(date);
      assert.equal(bangkokDate(date), intl, iso);
    }
  });
});
