import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from './working-time.js';

// Bangkok is UTC+7: 10:00 local = 03:00Z, 16:30 local = 09:30Z.
const at = (iso: string) => new Date(iso);
const calendar = new WorkingCalendar(['2026-12-07', '2026-12-10']);

void describe('working-day deadlines (ป.พ.พ. ม.193/3, ม.193/8)', () => {
  it('does not count the day of filing: Tuesday 10:00 + 1 working day = Wednesday 16:30', () => {
    assert.equal(
      calendar.addWorkingDays(at('2026-12-08T03:00:00Z'), 1).toISOString(),
      '2026-12-09T09:30:00.000Z',
    );
  });

  it('counts the day of filing when the act starts before the office opens', () => {
    assert.equal(
      calendar.addWorkingDays(at('2026-12-08T01:00:00Z'), 1).toISOString(),
      '2026-12-08T09:30:00.000Z',
    );
  });

  it('skips weekends and the calendar’s holidays (Fri 4 Dec + 3 = Fri 11 Dec: 7 and 10 Dec closed)', () => {
    assert.equal(
      calendar.addWorkingDays(at('2026-12-04T03:00:00Z'), 3).toISOString(),
      '2026-12-11T09:30:00.000Z',
    );
  });

  it('runs minutes and hours inside office hours only, carrying over to the next working day', () => {
    // Wednesday 16:00 + 1 hour: 30 minutes left that day, the rest on Friday (10 Dec closed) at 09:00.
    assert.equal(
      calendar.addWorkingMinutes(at('2026-12-09T09:00:00Z'), 60).toISOString(),
      '2026-12-11T02:00:00.000Z',
    );
    // Saturday night + 30 minutes: Tuesday (Monday 7 Dec closed) 09:00.
    assert.equal(
      calendar.addDuration(at('2026-12-05T14:00:00Z'), 30, 'minutes').toISOString(),
      '2026-12-08T02:00:00.000Z',
    );
  });

  it('chains steps: each step starts when the previous one is due', () => {
    const [first, second] = calendar.stepDeadlines(at('2026-12-08T03:00:00Z'), [
      { duration: 1, durationUnit: 'hours' },
      { duration: 2, durationUnit: 'days' },
    ]);
    assert.equal(first!.toISOString(), '2026-12-08T04:00:00.000Z');
    assert.equal(second!.toISOString(), '2026-12-11T09:30:00.000Z');
  });
});
