import { and, count, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../core/db/client.js';
import {
  BUDDHIST_YEAR_MAX,
  BUDDHIST_YEAR_MIN,
  currentFiscalYear,
  toCeYear,
} from '../core/i18n/thai-format.js';
import { typedInteger } from '../core/validation/typed-number.js';
import { addDays } from './dates.js';
import {
  CLOSED_STATUSES,
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  CONDUCT_TYPES,
  complaints,
  type ComplaintKind,
} from './schema.js';

/**
 * Reporting periods of a fiscal year: its quarters, halves (the 6- and 12-month rounds LAOs
 * publish, thai-rules §2) and the whole year. Q1 is October–December.
 */
export const PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/**
 * A breakdown cell below this is shown as "fewer than" instead of its number: in a small
 * municipality one corruption complaint of one type in a quarter can point at one person.
 * Totals per kind stay exact (the OIT asks for received, finished and in progress).
 */
export const SMALL_CELL = 3;

export const StatisticsQuery = z.object({
  year: typedInteger({ min: BUDDHIST_YEAR_MIN, max: BUDDHIST_YEAR_MAX })
    .optional()
    .catch(undefined),
  period: z.enum(PERIODS).optional().catch(undefined),
});

/** First and last day (YYYY-MM-DD) of a period of a Buddhist-era fiscal year. */
export function periodDays(fiscalYear: number, period: Period): { from: string; to: string } {
  const start = `${toCeYear(fiscalYear) - 1}-10-01`;
  const months = {
    q1: [0, 3],
    q2: [3, 6],
    q3: [6, 9],
    q4: [9, 12],
    h1: [0, 6],
    h2: [6, 12],
    year: [0, 12],
  }[period];
  const monthStart = (m: number) => {
    const d = new Date(`${start}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + m);
    return d.toISOString().slice(0, 10);
  };
  return { from: monthStart(months[0]!), to: addDays(monthStart(months[1]!), -1) };
}

/** A count as published: exact, or suppressed as "fewer than SMALL_CELL" (never 0 hidden). */
export type Cell = { value: number } | { fewerThan: number };
const cell = (n: number): Cell =>
  n > 0 && n < SMALL_CELL ? { fewerThan: SMALL_CELL } : { value: n };

export interface KindStatistics {
  kind: ComplaintKind;
  received: number;
  finished: number;
  inProgress: number;
  byChannel: { channel: string; count: Cell }[];
  byConduct: { conductType: string; count: Cell }[];
}

export interface ComplaintStatistics {
  fiscalYear: number;
  period: Period;
  from: string;
  to: string;
  kinds: KindStatistics[];
}

/**
 * The figures of a period: cases received in it, of which finished (replied, forwarded or
 * closed out of scope) and still in progress today; by kind, channel and type of conduct.
 * Counts only: nothing about a case leaves this function.
 */
export async function complaintStatistics(
  db: DbOrTx,
  agencyId: string,
  query: z.infer<typeof StatisticsQuery>,
  now: Date,
): Promise<ComplaintStatistics> {
  const fiscalYear = query.year ?? currentFiscalYear(now);
  const period = query.period ?? 'year';
  const { from, to } = periodDays(fiscalYear, period);
  const closed = sql`${complaints.status} in (${sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  const rows = await db
    .select({
      kind: complaints.kind,
      channel: complaints.channel,
      conductType: complaints.conductType,
      finished: sql<number>`count(*) filter (where ${closed})::int`,
      received: count(),
    })
    .from(complaints)
    .where(
      and(
        eq(complaints.agencyId, agencyId),
        gte(complaints.receivedOn, from),
        lte(complaints.receivedOn, to),
      ),
    )
    .groupBy(complaints.kind, complaints.channel, complaints.conductType);
  const kinds = COMPLAINT_KINDS.map((kind) => {
    const mine = rows.filter((r) => r.kind === kind);
    const sum = (f: (r: (typeof mine)[number]) => boolean) =>
      mine.filter(f).reduce((n, r) => n + Number(r.received), 0);
    const received = sum(() => true);
    const finished = mine.reduce((n, r) => n + Number(r.finished), 0);
    return {
      kind,
      received,
      finished,
      inProgress: received - finished,
      byChannel: COMPLAINT_CHANNELS.map((channel) => ({
        channel,
        count: cell(sum((r) => r.channel === channel)),
      })).filter((c) => !('value' in c.count) || c.count.value > 0),
      byConduct: CONDUCT_TYPES.map((conductType) => ({
        conductType,
        count: cell(sum((r) => r.conductType === conductType)),
      })).filter((c) => !('value' in c.count) || c.count.value > 0),
    };
  });
  return { fiscalYear, period, from, to, kinds };
}
