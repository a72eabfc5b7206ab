import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { NotFoundError } from '../core/errors.js';
import { complaintIdentities } from './schema.js';
import { committeeKeyOf } from './committee.js';
import { openIdentity, type ComplainantIdentity } from './identity-crypto.js';
import { getComplaint } from './queries.js';

/**
 * Opens a named complainant's identity for a committee member, and records that they did
 * (whistleblower confidentiality: only those responsible for the case may see who filed it,
 * thai-rules §2, and each look is accountable). The audit entry holds who and which case,
 * never the identity itself. A member removed a moment ago has no wrapped key left: FORBIDDEN.
 */
export async function readIdentity(
  ctx: AgencyContext,
  complaintId: string,
): Promise<ComplainantIdentity> {
  return ctx.db.transaction(async (tx) => {
    await getComplaint(tx, ctx.agencyId, ctx.actor, complaintId);
    const row = await scoped(tx, ctx.agencyId).find(
      complaintIdentities,
      eq(complaintIdentities.complaintId, complaintId),
    );
    if (!row) throw new NotFoundError('complaints.errors.anonymous');
    const key = await committeeKeyOf(tx, ctx.agencyId, ctx.actor.userId);
    const identity = openIdentity(key, row.sealed, { agencyId: ctx.agencyId, complaintId });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'complaints.identity.read',
      entityType: 'complaint',
      entityId: complaintId,
    });
    return identity;
  });
}
