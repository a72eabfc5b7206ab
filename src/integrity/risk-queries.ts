import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { riskFollowUps, risks } from './schema.js';

export type RiskRow = typeof risks.$inferSelect;
export type FollowUpRow = typeof riskFollowUps.$inferSelect;

/** The year's register with each risk's follow-up rounds, in the order they were added. */
export async function listRisks(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<(RiskRow & { followUps: FollowUpRow[] })[]> {
  const q = scoped(db, agencyId);
  const rows = await q.list(risks, eq(risks.fiscalYear, fiscalYear), [risks.createdAt]);
  const followUps = await q.list(riskFollowUps, undefined, [riskFollowUps.round]);
  return rows.map((r) => ({ ...r, followUps: followUps.filter((f) => f.riskId === r.id) }));
}
