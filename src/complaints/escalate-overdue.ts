import { and, isNotNull, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import type { JobDefinition } from '../core/jobs/types.js';
import { CLOSED_STATUSES, complaints } from './schema.js';
import { bangkokDay } from './dates.js';

/**
 * Marks open cases whose clock ran out before today as escalated (once per step: the next
 * step clears the mark). Escalated cases head the queue and the staff home of the agency's
 * admins and executives. Returns how many were marked, per agency.
 */
export async function escalateOverdue(db: DbOrTx, now: Date): Promise<Record<string, number>> {
  const today = bangkokDay(now);
  const rows = await db
    .update(complaints)
    .set({ escalatedOn: today })
    .where(
      and(
        isNotNull(complaints.dueOn),
        lt(complaints.dueOn, today),
        isNull(complaints.escalatedOn),
        notInArray(complaints.status, [...CLOSED_STATUSES]),
      ),
    )
    .returning({ agencyId: complaints.agencyId, n: sql<number>`1` });
  const byAgency: Record<string, number> = {};
  for (const r of rows) byAgency[r.agencyId] = (byAgency[r.agencyId] ?? 0) + 1;
  return byAgency;
}

/** Daily at 07:30 Bangkok time, before the office opens: the day's overdue cases. */
export const complaintsEscalationJob: JobDefinition = {
  name: 'complaints-escalation',
  summary: 'ยกระดับเรื่องร้องเรียนที่เลยกำหนดเวลา / escalate overdue complaints',
  schedule: '30 7 * * *',
  handler: async (ctx) => {
    const byAgency = await escalateOverdue(ctx.db, ctx.now());
    const total = Object.values(byAgency).reduce((a, b) => a + b, 0);
    return {
      summary: `ยกระดับ ${total} เรื่อง / escalated ${total}`,
      byAgency: Object.fromEntries(
        Object.entries(byAgency).map(([id, n]) => [id, `ยกระดับ ${n} เรื่อง / escalated ${n}`]),
      ),
    };
  },
};
