import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { people, personnelSettings } from './schema.js';

/**
 * Turns the storing of national IDs on or off. Off also erases the IDs already stored: an
 * agency that no longer needs them should not keep them (PDPA data minimisation).
 */
export async function setNationalIdStorage(ctx: AgencyContext, on: boolean) {
  return ctx.db.transaction(async (tx) => {
    const row = { agencyId: ctx.agencyId, storeNationalId: on, updatedAt: ctx.now() };
    await tx
      .insert(personnelSettings)
      .values(row)
      .onConflictDoUpdate({ target: [personnelSettings.agencyId], set: row });
    let erased = 0;
    if (!on) {
      erased = (
        await scoped(tx, ctx.agencyId).update(
          people,
          { nationalId: null, updatedAt: ctx.now() },
          eq(people.agencyId, ctx.agencyId),
        )
      ).filter((p) => p.nationalId === null).length;
    }
    await audit(tx, ctx, ctx.agencyId, {
      action: 'personnel.settings.national-id',
      entityType: 'personnel_settings',
      entityId: ctx.agencyId,
      after: { storeNationalId: on, erased },
    });
    return row;
  });
}
