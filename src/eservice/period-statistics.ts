import { and, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { fiscalYearRange, toCeYear } from '../core/i18n/thai-format.js';
import { SATISFACTION_ASPECTS } from './answer-satisfaction.js';
import { eserviceRequests, eserviceSatisfaction } from './schema.js';

export interface PeriodStatistic {
  /** 'YYYY-MM' (Christian year, Bangkok month) for a month; 1–4 for a fiscal quarter. */
  period: string | number;
  requests: number;
  completed: number;
  /** Completed no later than their due instant. */
  onTime: number;
  /** Mean hours from filing to completion; null when nothing was completed. */
  averageHours: number | null;
  /** Mean of the four 1–5 aspects over the period's answers; null when none. */
  satisfaction: number | null;
  answers: number;
}

/** "ต.ค. 2569" for '2026-10': the month in Buddhist-era years, in the page's language. */
export function monthLabel(month: string, locale: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(`${locale === 'en' ? 'en-GB' : 'th-TH'}-u-ca-buddhist`, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year!, m! - 1, 15)));
}

/** The Bangkok calendar month of an instant, 'YYYY-MM' (the satisfaction rows' `month`). */
const bangkokMonth = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);

/**
 * The twelve months of a fiscal year in order, October of the year before to September
 * (พ.ร.บ.วิธีการงบประมาณ พ.ศ. 2561 ม.4: ปีงบประมาณ 1 ต.ค.–30 ก.ย.).
 */
export function fiscalMonths(fiscalYear: number): string[] {
  const ce = toCeYear(fiscalYear);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((9 + i) % 12) + 1;
    const year = month >= 10 ? ce - 1 : ce;
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}

/**
 * Statistics per month and per fiscal quarter (ไตรมาส 1 = ต.ค.–ธ.ค. … ไตรมาส 4 = ก.ค.–ก.ย.), over
 * every service: a request counts in the month it was filed, an answer in the month it was
 * given (answers keep only their month, never their request).
 */
export async function periodStatistics(db: DbOrTx, agencyId: string, fiscalYear: number) {
  const { start, end } = fiscalYearRange(fiscalYear);
  const months = fiscalMonths(fiscalYear);
  const q = scoped(db, agencyId);
  const [requests, answers] = await Promise.all([
    q.list(
      eserviceRequests,
      and(gte(eserviceRequests.queuedAt, start), lte(eserviceRequests.queuedAt, end)),
    ),
    q.list(eserviceSatisfaction, inArray(eserviceSatisfaction.month, months)),
  ]);
  const summarise = (period: string | number, ofMonths: string[]): PeriodStatistic => {
    const wanted = new Set(ofMonths);
    const mine = requests.filter((r) => wanted.has(bangkokMonth(r.queuedAt)));
    const done = mine.filter((r) => r.completedAt);
    const hours = done.map((r) => (r.completedAt!.getTime() - r.queuedAt.getTime()) / 3_600_000);
    const scored = answers.filter((a) => wanted.has(a.month));
    const scores = scored.flatMap((a) => SATISFACTION_ASPECTS.map((aspect) => a[aspect]));
    const mean = (xs: number[], places: number) =>
      xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * places) / places : null;
    return {
      period,
      requests: mine.length,
      completed: done.length,
      onTime: done.filter((r) => r.completedAt! <= r.dueAt).length,
      averageHours: mean(hours, 10),
      satisfaction: mean(scores, 100),
      answers: scored.length,
    };
  };
  return {
    months: months.map((m) => summarise(m, [m])),
    quarters: [1, 2, 3, 4].map((n) => summarise(n, months.slice((n - 1) * 3, n * 3))),
  };
}
export type PeriodStatistics = Awaited<ReturnType<typeof periodStatistics>>;
