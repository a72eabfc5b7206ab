import { and, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { fiscalYearRange } from '../core/i18n/thai-format.js';
import { satisfactionStats, type SatisfactionStat } from './answer-satisfaction.js';
import { listServices } from './queries.js';
import { periodStatistics } from './period-statistics.js';
import { eserviceRequests } from './schema.js';

export interface ServiceStatistic {
  serviceId: string;
  code: string;
  name: string;
  requests: number;
  completed: number;
  /** Completed no later than the due instant fixed at filing (or extended with a reason). */
  onTime: number;
  /** Mean hours from filing to completion, over completed requests; null when none. */
  averageHours: number | null;
  satisfaction: SatisfactionStat | null;
}

/**
 * ข้อมูลสถิติการให้บริการ: per service, the fiscal year's requests, completed, completed on time
 * and average time, with the satisfaction averages. Counts only: no requester is named.
 */
export async function serviceStatistics(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<ServiceStatistic[]> {
  const { start, end } = fiscalYearRange(fiscalYear);
  const [services, requests, satisfaction] = await Promise.all([
    listServices(db, agencyId),
    scoped(db, agencyId).list(
      eserviceRequests,
      and(gte(eserviceRequests.queuedAt, start), lte(eserviceRequests.queuedAt, end)),
    ),
    satisfactionStats(db, agencyId, fiscalYear),
  ]);
  return services.map((s) => {
    const mine = requests.filter((r) => r.serviceId === s.id);
    const done = mine.filter((r) => r.completedAt);
    const hours = done.map((r) => (r.completedAt!.getTime() - r.queuedAt.getTime()) / 3_600_000);
    return {
      serviceId: s.id,
      code: s.code,
      name: s.manual.name,
      requests: mine.length,
      completed: done.length,
      onTime: done.filter((r) => r.completedAt! <= r.dueAt).length,
      averageHours: hours.length
        ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10
        : null,
      satisfaction: satisfaction.find((x) => x.serviceId === s.id) ?? null,
    };
  });
}

/** The year's statistics per service and per month and quarter (the statistics pages, the report). */
export async function yearStatistics(db: DbOrTx, agencyId: string, fiscalYear: number) {
  const [rows, periods] = await Promise.all([
    serviceStatistics(db, agencyId, fiscalYear),
    periodStatistics(db, agencyId, fiscalYear),
  ]);
  return { fiscalYear, rows, periods };
}
