import type { DurationUnit } from './manual.js';

// Deadlines of a request's steps, counted the way Thai law counts periods:
// - ป.พ.พ. ม.193/3: for a period in days the first day is not counted, unless the act starts
//   that day at the start of business hours; so a request filed on Monday at 10:00 with
//   "1 วันทำการ" is due at the close of Tuesday, one filed at 08:00 is due at Monday's close.
// - ป.พ.พ. ม.193/8: a period whose last day is a holiday ends on the next working day. Counting
//   only working days (วันทำการ, as the manuals state times) gives that for free.
// - Office hours จันทร์–ศุกร์ 08.30–16.30 except official holidays (thai-rules.md §1.4); times in
//   minutes or hours run only inside them.
// Bangkok has had no daylight saving since 1920, so local time is UTC+7 throughout.

const BANGKOK_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
export const OFFICE_OPENS_MINUTE = 8 * 60 + 30;
export const OFFICE_CLOSES_MINUTE = 16 * 60 + 30;
const OFFICE_MINUTES = OFFICE_CLOSES_MINUTE - OFFICE_OPENS_MINUTE;

/** Days since 1970-01-01 in Bangkok of a 'YYYY-MM-DD' date. */
export function dayNumberOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The Bangkok calendar day (as a day number) of an instant. */
export function bangkokDayOf(instant: Date): number {
  return Math.floor((instant.getTime() + BANGKOK_OFFSET_MS) / DAY_MS);
}

/** The instant of a Bangkok day at a minute of that day. */
function instantAt(day: number, minute: number): Date {
  return new Date(day * DAY_MS + minute * 60_000 - BANGKOK_OFFSET_MS);
}

/**
 * The agency's working calendar: weekends and the closed holidays of its calendar are not
 * working days. Built once per computation from the holiday rows (a Set of day numbers), so
 * a deadline costs a few lookups, never a query.
 */
export class WorkingCalendar {
  private readonly closed: Set<number>;
  constructor(closedDays: Iterable<string>) {
    this.closed = new Set([...closedDays].map(dayNumberOf));
  }

  isWorkingDay(day: number): boolean {
    // 1970-01-01 was a Thursday: day 0 → weekday 4 (Sunday = 0).
    const weekday = (day + 4) % 7;
    return weekday !== 0 && weekday !== 6 && !this.closed.has(day);
  }

  /** The first working day at or after `day`. */
  private nextWorkingDay(day: number): number {
    let d = day;
    // A calendar with years of closed days in a row is a data error; stop rather than spin.
    for (let i = 0; i < 3660 && !this.isWorkingDay(d); i += 1) d += 1;
    return d;
  }

  /**
   * When a period of `duration` `unit` that starts at `start` ends.
   * @example calendar.addDuration(new Date('2026-12-07T03:00:00Z'), 1, 'days') // Tue 8 Dec 16:30 +07
   */
  addDuration(start: Date, duration: number, unit: DurationUnit): Date {
    if (unit === 'days') return this.addWorkingDays(start, duration);
    return this.addWorkingMinutes(start, unit === 'hours' ? duration * 60 : duration);
  }

  /** ม.193/3: the day of `start` counts only if the act starts before the office opens. */
  addWorkingDays(start: Date, days: number): Date {
    const startDay = bangkokDayOf(start);
    const minute = Math.floor((start.getTime() + BANGKOK_OFFSET_MS - startDay * DAY_MS) / 60_000);
    let counted = 0;
    let day = startDay;
    if (minute <= OFFICE_OPENS_MINUTE && this.isWorkingDay(day)) counted = 1;
    while (counted < days) {
      day += 1;
      if (this.isWorkingDay(day)) counted += 1;
    }
    return instantAt(day, OFFICE_CLOSES_MINUTE);
  }

  /** Minutes of office time after `start` (a start outside office hours waits for the next opening). */
  addWorkingMinutes(start: Date, minutes: number): Date {
    let day = bangkokDayOf(start);
    let minute = Math.ceil((start.getTime() + BANGKOK_OFFSET_MS - day * DAY_MS) / 60_000);
    if (!this.isWorkingDay(day) || minute >= OFFICE_CLOSES_MINUTE) {
      day = this.nextWorkingDay(day + 1);
      minute = OFFICE_OPENS_MINUTE;
    }
    minute = Math.max(minute, OFFICE_OPENS_MINUTE);
    let left = minutes;
    while (left > OFFICE_CLOSES_MINUTE - minute) {
      left -= OFFICE_CLOSES_MINUTE - minute;
      day = this.nextWorkingDay(day + 1);
      minute = OFFICE_OPENS_MINUTE;
    }
    return instantAt(day, minute + left);
  }

  /** Due instants of consecutive steps: each starts when the previous one is due. */
  stepDeadlines(start: Date, steps: { duration: number; durationUnit: DurationUnit }[]): Date[] {
    const out: Date[] = [];
    let at = start;
    for (const step of steps) {
      at = this.addDuration(at, step.duration, step.durationUnit);
      out.push(at);
    }
    return out;
  }
}

/** Office minutes in one working day (for reports that convert days and minutes). */
export const WORKING_DAY_MINUTES = OFFICE_MINUTES;
