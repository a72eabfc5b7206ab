/**
 * Deadline computation for 100,000 open requests over a 5-year holiday calendar (issue #15:
 * aim < 1 s). Each request has three steps (hours, working days, working days) and a start
 * spread over the five years; every step's due instant is computed with the agency's working
 * calendar (weekends + ~20 closed days a year). Baseline in the same run: the same additions
 * as plain calendar-blind arithmetic (durations added in milliseconds), i.e. the floor.
 *
 * Run: node --import tsx bench/eservice-deadlines.bench.ts [--requests 100000]
 */
import { parseArgs } from 'node:util';
import { WorkingCalendar, isoDateOf, bangkokDayOf } from '../src/eservice/working-time.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '100000' } } });
const N = Number(values.requests);
const YEARS = 5;
const first = bangkokDayOf(new Date());
// ~20 closed weekdays a year, spread as the real list is (clusters in April, scattered elsewhere).
const closed: string[] = [];
for (let day = first; day < first + YEARS * 365; day += 18) closed.push(isoDateOf(day));
const steps = [
  { duration: 2, durationUnit: 'hours' as const },
  { duration: 5, durationUnit: 'days' as const },
  { duration: 10, durationUnit: 'days' as const },
];
const starts = Array.from(
  { length: N },
  (_, i) =>
    new Date(
      (first + ((i * 7919) % (YEARS * 365 - 60))) * 86_400_000 + ((i * 37) % 24) * 3_600_000,
    ),
);

function run(label: string, fn: () => number) {
  const times: number[] = [];
  let check = 0;
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    check = fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: median ${times[2]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)}) check ${check}`,
  );
  return times[2]!;
}

const calendarMs = run(
  `working calendar, ${N} requests × 3 steps, ${closed.length} closed days`,
  () => {
    const calendar = new WorkingCalendar(closed);
    let sum = 0;
    for (const s of starts) sum += calendar.stepDeadlines(s, steps)[2]!.getTime() % 997;
    return sum;
  },
);
const naiveMs = run('calendar-blind arithmetic (baseline)', () => {
  let sum = 0;
  for (const s of starts) {
    let at = s.getTime();
    const out: Date[] = [];
    for (const step of steps) {
      at += step.duration * (step.durationUnit === 'hours' ? 3_600_000 : 86_400_000);
      out.push(new Date(at));
    }
    sum += out[2]!.getTime() % 997;
  }
  return sum;
});
console.log(
  `ratio ${(calendarMs / naiveMs).toFixed(1)}× the calendar-blind floor; target < 1000 ms`,
);
