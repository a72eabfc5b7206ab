import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { disclosureEntryVersions, type disclosureEntries } from './schema.js';

type Entry = typeof disclosureEntries.$inferSelect;

/**
 * Records an entry change: a version row (the history staff see) and an audit entry (the
 * tamper-evident log), inside the caller's transaction.
 */
export async function writeEntryVersion(
  tx: DbOrTx,
  ctx: AgencyContext,
  event: 'save' | 'submit' | 'approve' | 'return' | 'carry-forward' | 'seed' | 'attach' | 'detach',
  before: Entry | null,
  after: Entry,
  comment?: string,
): Promise<void> {
  const { published: _published, ...snapshot } = after;
  await scoped(tx, ctx.agencyId).insert(disclosureEntryVersions, {
    entryId: after.id,
    version: after.version,
    event,
    status: after.status,
    snapshot: JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>,
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    comment: comment ?? null,
  });
  await audit(tx, ctx, ctx.agencyId, {
    action: `disclosure.entry.${event}`,
    entityType: 'disclosure_entry',
    entityId: after.id,
    before,
    after,
  });
}
