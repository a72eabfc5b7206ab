/**
 * Calendar dates (YYYY-MM-DD, CE) of a Buddhist-era fiscal year: 1 October of the year before
 * to 30 September. Month index 0 is October.
 */
export function fiscalMonthStart(fiscalYear: number, monthIndex: number): string {
  const ce = fiscalYear - 543;
  const month0 = (9 + monthIndex) % 12; // 0-based calendar month
  const year = monthIndex < 3 ? ce - 1 : ce;
  return `${year}-${String(month0 + 1).padStart(2, '0')}-01`;
}

/** The last day of fiscal month `monthIndex` (0 = October). */
export function fiscalMonthEnd(fiscalYear: number, monthIndex: number): string {
  const start = new Date(`${fiscalMonthStart(fiscalYear, monthIndex)}T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return end.toISOString().slice(0, 10);
}

/** Today's date in Bangkok as YYYY-MM-DD: due dates are Bangkok calendar days. */
export function bangkokToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
