import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { scoped } from '../db/scoped.js';
import { staff, units } from './schema.js';
import { typedNumber } from '../validation/typed-number.js';
import { cleanText, isUuid, requiredText } from '../validation/text.js';

const collator = new Intl.Collator('th');

export const UnitInput = z.object({
  nameTh: requiredText(200),
  nameEn: cleanText({ max: 200 }).default(''),
  sortOrder: typedNumber(z.coerce.number().int().min(0).max(9999)).default(0),
});
export type UnitInput = z.input<typeof UnitInput>;

/** The agency's units in their set order, then Thai alphabetical order. */
export async function listUnits(db: DbOrTx, agencyId: string) {
  const rows = await scoped(db, agencyId).list(units, undefined, asc(units.sortOrder));
  return rows.sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.nameTh, b.nameTh));
}

/** Throws NotFoundError for a unit of another agency: its existence is not confirmed. */
export function getUnit(db: DbOrTx, agencyId: string, unitId: string) {
  if (!isUuid(unitId)) throw new NotFoundError();
  return scoped(db, agencyId).get(units, eq(units.id, unitId));
}

/**
 * Refuses (422, the message next to `field`) a unit id that is not one of this agency's units.
 * A unit of another agency reads as unknown: its existence is not confirmed (issue #12 item 8).
 * Call it inside the writing transaction, so the unit cannot vanish between check and write.
 */
export async function assertOwnUnit(
  db: DbOrTx,
  agencyId: string,
  unitId: string,
  field: { name: string; message: string } = {
    name: 'unitId',
    message: 'agencies.errors.unknownUnit',
  },
): Promise<void> {
  await getUnit(db, agencyId, unitId).catch(() => {
    throw new ValidationError('errors.validation', { [field.name]: field.message });
  });
}

async function assertNameFree(db: DbOrTx, agencyId: string, nameTh: string, exceptId?: string) {
  const clash = await scoped(db, agencyId).find(
    units,
    exceptId ? and(eq(units.nameTh, nameTh), ne(units.id, exceptId))! : eq(units.nameTh, nameTh),
  );
  if (clash) throw new ConflictError('agencies.errors.unitNameTaken', { name: nameTh });
}

export async function createUnit(ctx: AgencyContext, rawInput: UnitInput) {
  const input = UnitInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, ctx.agencyId, input.nameTh);
    const [unit] = await scoped(tx, ctx.agencyId).insert(units, input);
    await audit(tx, ctx, ctx.agencyId, {
      action: 'agencies.unit.create',
      entityType: 'unit',
      entityId: unit!.id,
      after: unit,
    });
    return unit!;
  });
}

export async function updateUnit(ctx: AgencyContext, unitId: string, rawInput: UnitInput) {
  const input = UnitInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const before = await getUnit(tx, ctx.agencyId, unitId);
    await assertNameFree(tx, ctx.agencyId, input.nameTh, unitId);
    const [after] = await scoped(tx, ctx.agencyId).update(
      units,
      { ...input, updatedAt: ctx.now() },
      eq(units.id, unitId),
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'agencies.unit.update',
      entityType: 'unit',
      entityId: unitId,
      before,
      after,
    });
    return after!;
  });
}

/** Refuses to delete a unit that still has staff: move them first (nothing half-done). */
export async function deleteUnit(ctx: AgencyContext, unitId: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await getUnit(tx, ctx.agencyId, unitId);
    const member = await scoped(tx, ctx.agencyId).find(staff, eq(staff.unitId, unitId));
    if (member) throw new ConflictError('agencies.errors.unitHasStaff');
    await scoped(tx, ctx.agencyId).delete(units, eq(units.id, unitId));
    await audit(tx, ctx, ctx.agencyId, {
      action: 'agencies.unit.delete',
      entityType: 'unit',
      entityId: unitId,
      before,
    });
  });
}
