import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AbuseControl, digestAnswers } from './abuse-control.js';
import { bangkokDate } from './campaigns.js';

const at = (iso: string) => new Date(iso).getTime();

void describe('AbuseControl', () => {
  void it('limits attempts per address per hour and returns a key that is not the address', () => {
    const control = new AbuseControl({ perHour: 2, duplicateWindowMs: 600_000 });
    const t = at('2026-09-30T03:00:00Z');
    const key = control.hit('203.0.113.9', t);
    assert.ok(key && !key.includes('203'));
    assert.equal(control.hit('203.0.113.9', t + 1), key);
    assert.equal(control.hit('203.0.113.9', t + 2), null);
    assert.ok(control.hit('198.51.100.1', t + 3), 'another address has its own count');
    assert.equal(control.hit('203.0.113.9', t + 3600_000), key, 'a new hour, a new count');
  });

  void it('acknowledges the same answers from the same key once per window, and forgets on rollback', () => {
    const control = new AbuseControl({ perHour: 100, duplicateWindowMs: 600_000 });
    const t = at('2026-09-30T03:00:00Z');
    const key = control.hit('203.0.113.9', t)!;
    const digest = digestAnswers('campaign', { q1: '5', q2: ['1', '0'] });
    assert.equal(digest, digestAnswers('campaign', { q2: ['1', '0'], q1: '5' }), 'key order');
    assert.notEqual(digest, digestAnswers('other', { q1: '5', q2: ['1', '0'] }));
    assert.equal(control.isDuplicate(key, digest, t), false);
    assert.equal(control.isDuplicate(key, digest, t + 1000), true);
    control.forget(key, digest);
    assert.equal(control.isDuplicate(key, digest, t + 2000), false);
    assert.equal(control.isDuplicate(key, digest, t + 2000 + 600_000), false, 'window over');
  });

  void it('rotates its secret on the Thai day, so yesterday’s keys cannot be recomputed', () => {
    const control = new AbuseControl({ perHour: 1, duplicateWindowMs: 600_000 });
    // 16:59:59Z is 23:59:59 in Bangkok; a second later it is the next Thai day.
    const before = control.hit('203.0.113.9', at('2026-09-30T16:59:59Z'));
    const afterMidnight = control.hit('203.0.113.9', at('2026-09-30T17:00:00Z'));
    assert.ok(before && afterMidnight, 'the count starts again with the day');
    assert.notEqual(before, afterMidnight);
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
