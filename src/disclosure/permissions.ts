import { and, eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import type { StaffRole } from '../core/agencies/schema.js';
import { staff } from '../core/agencies/schema.js';
import { can, registerPermissions } from '../core/auth/permissions.js';
import { ForbiddenError } from '../core/errors.js';

/**
 * Who does what (decision): unit officers prepare the items their unit is responsible for
 * (or unassigned ones, which then become their unit's); agency admins prepare any item and
 * run the year (copy forward, basic pages); executives approve or send back.
 */
export const DISCLOSURE_PERMISSIONS = {
  'disclosure.view': ['agency_admin', 'unit_officer', 'executive', 'complaint_officer'],
  'disclosure.edit': ['agency_admin', 'unit_officer'],
  'disclosure.editAll': ['agency_admin'],
  'disclosure.review': ['executive'],
  'disclosure.manage': ['agency_admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

// Use cases check permissions themselves (CLI, tests), so the registry must know them even
// when no app was built.
registerPermissions(DISCLOSURE_PERMISSIONS);

/** The unit the acting staff member belongs to, or null. */
export async function findActorUnitId(db: DbOrTx, ctx: AgencyContext): Promise<string | null> {
  if (!ctx.actor.userId) return null;
  const [row] = await db
    .select({ unitId: staff.unitId })
    .from(staff)
    .where(and(eq(staff.agencyId, ctx.agencyId), eq(staff.userId, ctx.actor.userId)));
  return row?.unitId ?? null;
}

/** Whether the actor may edit an item whose responsible unit is `responsibleUnitId`. */
export async function canEditItem(
  db: DbOrTx,
  ctx: AgencyContext,
  responsibleUnitId: string | null,
): Promise<boolean> {
  if (can(ctx.actor, 'disclosure.editAll')) return true;
  if (!can(ctx.actor, 'disclosure.edit')) return false;
  if (responsibleUnitId === null) return true;
  return (await findActorUnitId(db, ctx)) === responsibleUnitId;
}

/** Throws ForbiddenError unless the actor holds the permission. */
export function assertCan(ctx: AgencyContext, permission: keyof typeof DISCLOSURE_PERMISSIONS) {
  if (!can(ctx.actor, permission)) throw new ForbiddenError();
}
