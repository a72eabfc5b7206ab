import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { verifyAuditChain } from './audit.js';
import { auditLog } from './schema.js';

/** How many audit entries one page shows. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of an agency's audit log, newest first, before sequence number `before` (the
 * "next" link), with the verdict of re-checking the agency's whole hash chain. A `before`
 * that is not a positive whole number starts at the newest entry.
 */
export async function listAuditPage(db: DbOrTx, agencyId: string, before: number) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      Number.isSafeInteger(before) && before > 0
        ? and(eq(auditLog.agencyId, agencyId), lt(auditLog.seq, before))
        : eq(auditLog.agencyId, agencyId),
    )
    .orderBy(desc(auditLog.seq))
    .limit(AUDIT_PAGE_SIZE);
  const verified = await verifyAuditChain(db, { agencyId });
  const last = rows.at(-1);
  return {
    rows,
    verified: { ok: verified.ok, checked: verified.checked, problems: verified.problems.length },
    nextBefore: rows.length === AUDIT_PAGE_SIZE && last ? last.seq : undefined,
  };
}
