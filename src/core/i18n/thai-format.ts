/**
 * Thai presentation helpers: Thai digits (เลขไทย), Buddhist-era years (พ.ศ.), the government fiscal
 * year (ปีงบประมาณ) and number formats. Instants are stored in CE; everything here is presentation.
 * Built on Node's full-ICU `Intl` only: it already knows the Buddhist calendar and Thai numerals.
 */

/** Thai agencies work in Bangkok time whatever the server's TZ, so every calendar question uses it. */
export const THAI_TIME_ZONE = 'Asia/Bangkok';

/** พ.ศ. = ค.ศ. + 543. */
export const BUDDHIST_ERA_OFFSET = 543;

const THAI_DIGIT_ZERO = 0x0e50; // '๐'

/**
 * Replaces ASCII digits with Thai digits (๐–๙); every other character is kept.
 * @example toThaiDigits('99.50') // '๙๙.๕๐'
 */
export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_DIGIT_ZERO + Number(d)));
}

/**
 * Replaces Thai digits (๐–๙) with ASCII digits, e.g. before parsing a number typed by a user.
 * @example fromThaiDigits('๒๕๖๙') // '2569'
 */
export function fromThaiDigits(s: string): string {
  return s.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/** Converts a CE year to the Buddhist-era (พ.ศ.) year: 2026 → 2569. */
export function toBuddhistYear(ceYear: number): number {
  return ceYear + BUDDHIST_ERA_OFFSET;
}

/** Converts a Buddhist-era (พ.ศ.) year to CE: 2569 → 2026. */
export function toCeYear(beYear: number): number {
  return beYear - BUDDHIST_ERA_OFFSET;
}

export type ThaiDateStyle = 'long' | 'medium' | 'short';

export interface FormatThaiDateOptions {
  /** long: 24 พฤศจิกายน พ.ศ. 2569; medium: 24 พ.ย. 2569; short: 24/11/2569. */
  style?: ThaiDateStyle;
  /** Write the digits as ๐–๙ (official letters often do). Thai locale only. */
  thaiDigits?: boolean;
  /** 'en' gives the Gregorian English form (24 November 2026) for English pages and API messages. */
  locale?: 'th' | 'en';
}

const DATE_PARTS: Record<ThaiDateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
};

const dateFormatCache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormatCache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: THAI_TIME_ZONE });
    dateFormatCache.set(key, format);
  }
  return format;
}

/**
 * Formats a date as Thai official documents write it, in Bangkok time.
 * @example formatThaiDate(new Date('2026-11-24T03:00:00Z')) // '24 พฤศจิกายน พ.ศ. 2569'
 * @example formatThaiDate(d, { style: 'long', thaiDigits: true }) // '๒๔ พฤศจิกายน พ.ศ. ๒๕๖๙'
 */
export function formatThaiDate(date: Date, options: FormatThaiDateOptions = {}): string {
  const style = options.style ?? 'long';
  if (options.locale === 'en') return dateFormat('en-GB', DATE_PARTS[style]).format(date);
  const locale = options.thaiDigits ? 'th-TH-u-ca-buddhist-nu-thai' : 'th-TH-u-ca-buddhist';
  // The long form carries the era ("พ.ศ. 2569") as official documents write it.
  const parts =
    style === 'long' ? { ...DATE_PARTS.long, era: 'short' as const } : DATE_PARTS[style];
  return dateFormat(locale, parts).format(date);
}

/** Year, month (1–12) and day of an instant on the Bangkok calendar. */
function bangkokCalendarDate(date: Date): { year: number; month: number; day: number } {
  const parts = dateFormat('en-US-u-ca-gregory', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * ปีงบประมาณ: the Buddhist-era fiscal year an instant falls in, on the Bangkok calendar. The Thai
 * fiscal year runs 1 October – 30 September and is named by the year it ends in (พ.ร.บ.วิธีการงบประมาณ).
 * @example fiscalYearOf(new Date('2025-10-01T00:00:00+07:00')) // 2569
 * @example fiscalYearOf(new Date('2025-09-30T20:00:00Z')) // 2569 (already 1 Oct in Bangkok)
 */
export function fiscalYearOf(date: Date): number {
  const { year, month } = bangkokCalendarDate(date);
  return toBuddhistYear(month >= 10 ? year + 1 : year);
}

/**
 * "This fiscal year": the one notion every page, default and use case shares. The clock is the
 * caller's (`ctx.now()` in a request, so tests can fix it), read on the Bangkok calendar.
 * @example currentFiscalYear(new Date('2026-12-06T00:00:00+07:00')) // 2570
 */
export function currentFiscalYear(now: Date): number {
  return fiscalYearOf(now);
}

/**
 * The fiscal year a page opens on when the visitor did not pick one: the newest year the agency
 * has data for, else the current fiscal year. `known` (the years the product has criteria for)
 * limits both: a data year without criteria is skipped, and when the current year has none yet
 * the newest known year before it is used (the NACC publishes a year's criteria late), else the
 * earliest known one.
 * @example openingFiscalYear([2567, 2568], now) // 2568
 * @example openingFiscalYear([], new Date('2026-12-06T00:00:00+07:00')) // 2570
 */
export function openingFiscalYear(
  dataYears: readonly (number | null | undefined)[],
  now: Date,
  known?: readonly number[],
): number {
  const usable = (y: number | null | undefined): y is number =>
    typeof y === 'number' && Number.isInteger(y) && (!known || known.includes(y));
  const newest = dataYears.filter(usable).sort((a, b) => b - a)[0];
  if (newest !== undefined) return newest;
  const current = currentFiscalYear(now);
  if (!known || known.length === 0 || known.includes(current)) return current;
  const earlier = known.filter((y) => y < current).sort((a, b) => a - b);
  return earlier.at(-1) ?? Math.min(...known);
}

/**
 * Bounds for a Buddhist-era year typed by a user or read from a file. They only refuse a CE year
 * typed by mistake (2026) and nonsense; which fiscal years exist is data (framework files).
 */
export const BUDDHIST_YEAR_MIN = 2500;
export const BUDDHIST_YEAR_MAX = 2700;

/**
 * The instants a Buddhist-era fiscal year spans, in Bangkok time: `start` is 1 October 00:00 of
 * the year before, `end` is 30 September 23:59:59.999 (inclusive). Compare `start <= t && t <= end`.
 * @example fiscalYearRange(2569) // { start: 2025-09-30T17:00:00.000Z, end: 2026-09-30T16:59:59.999Z }
 */
export function fiscalYearRange(beYear: number): { start: Date; end: Date } {
  if (!Number.isInteger(beYear) || beYear < 2400) {
    throw new RangeError(
      `ปีงบประมาณต้องเป็นปี พ.ศ. (Fiscal year must be a Buddhist-era year): ${beYear}`,
    );
  }
  const ceYear = toCeYear(beYear);
  // Bangkok has kept UTC+07:00 with no DST since 1920, so the fixed offset is exact.
  const start = new Date(`${String(ceYear - 1).padStart(4, '0')}-10-01T00:00:00.000+07:00`);
  const nextStart = new Date(`${String(ceYear).padStart(4, '0')}-10-01T00:00:00.000+07:00`);
  return { start, end: new Date(nextStart.getTime() - 1) };
}

export interface FormatNumberThOptions {
  thaiDigits?: boolean;
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  /** Thousands separators (1,234); on by default as Thai documents use them. */
  useGrouping?: boolean;
}

/**
 * Formats a number the Thai way (1,234,567.5), optionally in Thai digits (๑,๒๓๔,๕๖๗.๕).
 * @example formatNumberTh(1234567.5, { thaiDigits: true }) // '๑,๒๓๔,๕๖๗.๕'
 */
export function formatNumberTh(n: number, options: FormatNumberThOptions = {}): string {
  const locale = options.thaiDigits ? 'th-TH-u-nu-thai' : 'th-TH';
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: options.minimumFractionDigits ?? 0,
    maximumFractionDigits: Math.max(
      options.maximumFractionDigits ?? 3,
      options.minimumFractionDigits ?? 0,
    ),
    useGrouping: options.useGrouping ?? true,
  }).format(n);
}

/**
 * Formats an ITA score (0–100) with exactly two decimals, as the NACC publishes them ("99.50").
 * @example formatScore(99.5) // '99.50'
 * @example formatScore(99.5, { thaiDigits: true }) // '๙๙.๕๐'
 */
export function formatScore(n: number, options: { thaiDigits?: boolean } = {}): string {
  const text = n.toFixed(2);
  return options.thaiDigits ? toThaiDigits(text) : text;
}
