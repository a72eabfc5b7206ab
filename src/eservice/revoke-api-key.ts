import { and, eq, isNull } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ConflictError } from '../core/errors.js';
import { eserviceApiKeys } from './schema.js';

/**
 * Revokes a key for good (a key is never un-revoked: issue a new one). Conditional on not yet
 * revoked, so two revocations at once record one audit entry and the other gets 409.
 */
export async function revokeApiKey(ctx: AgencyContext, keyId: string) {
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const key = await q.get(eserviceApiKeys, eq(eserviceApiKeys.id, keyId));
    const [revoked] = await q.update(
      eserviceApiKeys,
      { revokedAt: ctx.now() },
      and(eq(eserviceApiKeys.id, key.id), isNull(eserviceApiKeys.revokedAt))!,
    );
    if (!revoked) throw new ConflictError('eservice.errors.keyRevoked');
    await audit(tx, ctx, ctx.agencyId, {
      action: 'eservice.apiKey.revoke',
      entityType: 'eservice_api_key',
      entityId: key.id,
      before: { label: key.label, revokedAt: null },
      after: { revokedAt: revoked.revokedAt!.toISOString() },
    });
    return revoked;
  });
}
