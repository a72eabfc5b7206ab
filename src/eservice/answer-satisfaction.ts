import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { ConflictError } from '../core/errors.js';
import { fiscalYearRange } from '../core/i18n/thai-format.js';
import { cleanText } from '../core/validation/text.js';
import { eserviceRequests, eserviceSatisfaction } from './schema.js';

const Score = z.preprocess(
  (v) => (typeof v === 'string' ? Number(v) : v),
  z
    .number('eservice.errors.scoreRequired')
    .int()
    .min(1, 'eservice.errors.scoreRequired')
    .max(5, 'eservice.errors.scoreRequired'),
);

export const SatisfactionInput = z.object({
  process: Score,
  time: Score,
  staff: Score,
  outcome: Score,
  comment: cleanText({ max: 1000 }).default(''),
});
export type SatisfactionInput = z.input<typeof SatisfactionInput>;

/** The satisfaction questions, in the order the form asks them. */
export const SATISFACTION_ASPECTS = ['process', 'time', 'staff', 'outcome'] as const;

/**
 * Records a completed request's satisfaction answer, once. The answer row carries the service
 * and the month only, never the request: published figures cannot be traced back to a person.
 * Not audited (the audit would link it back); the request keeps only when it was answered.
 */
export async function answerSatisfaction(
  ctx: AgencyContext,
  requestId: string,
  raw: SatisfactionInput,
) {
  const input = SatisfactionInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const now = ctx.now();
    const [request] = await q.update(
      eserviceRequests,
      { satisfactionAnsweredAt: now },
      and(
        eq(eserviceRequests.id, requestId),
        eq(eserviceRequests.status, 'completed'),
        isNull(eserviceRequests.satisfactionAnsweredAt),
      )!,
    );
    if (!request) throw new ConflictError('eservice.errors.surveyClosed');
    const month = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
    await q.insert(eserviceSatisfaction, { serviceId: request.serviceId, month, ...input });
  });
}

export interface SatisfactionStat {
  serviceId: string;
  answers: number;
  process: number;
  time: number;
  staff: number;
  outcome: number;
}

/** Average scores per service over a fiscal year (Bangkok months 10/YYYY-1 … 09/YYYY). */
export async function satisfactionStats(db: DbOrTx, agencyId: string, fiscalYear: number) {
  const { start, end } = fiscalYearRange(fiscalYear);
  const rows = await scoped(db, agencyId).list(
    eserviceSatisfaction,
    and(gte(eserviceSatisfaction.createdAt, start), lte(eserviceSatisfaction.createdAt, end)),
  );
  const byService = new Map<string, SatisfactionStat>();
  for (const r of rows) {
    const s = byService.get(r.serviceId) ?? {
      serviceId: r.serviceId,
      answers: 0,
      process: 0,
      time: 0,
      staff: 0,
      outcome: 0,
    };
    s.answers += 1;
    for (const aspect of SATISFACTION_ASPECTS) s[aspect] += r[aspect];
    byService.set(r.serviceId, s);
  }
  return [...byService.values()].map((s) => ({
    ...s,
    ...Object.fromEntries(
      SATISFACTION_ASPECTS.map((a) => [a, Math.round((s[a] / s.answers) * 100) / 100]),
    ),
  })) as SatisfactionStat[];
}
