import { and, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { fiscalYearRange } from '../core/i18n/thai-format.js';
import { eserviceDiscretionEvents, type DiscretionKind } from './schema.js';

/** Records a departure from the queue or the clock; call inside the use case's transaction. */
export async function recordDiscretion(
  tx: DbOrTx,
  agencyId: string,
  event: {
    kind: DiscretionKind;
    requestId: string;
    serviceId: string;
    officerId: string | null;
    unitId: string | null;
    reason: string;
    at: Date;
  },
): Promise<void> {
  await scoped(tx, agencyId).insert(eserviceDiscretionEvents, event);
}

export interface DiscretionRow {
  /** 'YYYY-MM' in Bangkok time. */
  month: string;
  kind: DiscretionKind;
  serviceId: string;
  unitId: string | null;
  officerId: string | null;
  count: number;
}

/**
 * มาตรการตรวจสอบการใช้ดุลพินิจ: the year's out-of-order takes, extensions and overdue steps,
 * counted per month, kind, service, unit and officer (the executive's report).
 */
export async function discretionReport(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<DiscretionRow[]> {
  const { start, end } = fiscalYearRange(fiscalYear);
  const events = await scoped(db, agencyId).list(
    eserviceDiscretionEvents,
    and(gte(eserviceDiscretionEvents.at, start), lte(eserviceDiscretionEvents.at, end)),
  );
  const rows = new Map<string, DiscretionRow>();
  for (const e of events) {
    const month = new Date(e.at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
    const key = [month, e.kind, e.serviceId, e.unitId, e.officerId].join('|');
    const row = rows.get(key);
    if (row) row.count += 1;
    else
      rows.set(key, {
        month,
        kind: e.kind,
        serviceId: e.serviceId,
        unitId: e.unitId,
        officerId: e.officerId,
        count: 1,
      });
  }
  return [...rows.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind) || b.count - a.count,
  );
}
