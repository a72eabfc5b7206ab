import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { users } from '../core/auth/schema.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { ForbiddenError, ValidationError } from '../core/errors.js';
import { InterestInput } from './measures-input.js';
import { interestDeclarations } from './schema.js';

/**
 * แสดงการมีหรือไม่มีผลประโยชน์ทับซ้อน: the signed-in staff member declares for a year or for one
 * procurement committee. A declared conflict must say what it is. Declarations are personal: only
 * a log-in account declares, for itself.
 */
export async function declareInterests(ctx: AgencyContext, raw: InterestInput) {
  const input = InterestInput.parse(raw);
  const userId = ctx.actor.userId;
  if (!userId) throw new ForbiddenError('integrity.errors.declarerOnly');
  if (input.hasConflict === 'yes' && input.details === '') {
    throw new ValidationError('integrity.errors.conflictDetails', {
      details: 'integrity.errors.conflictDetails',
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    const [row] = await scoped(tx, ctx.agencyId).insert(interestDeclarations, {
      fiscalYear: input.fiscalYear,
      committee: input.committee,
      hasConflict: input.hasConflict === 'yes',
      details: input.details,
      declarerUserId: userId,
      declarerName: user?.displayName || ctx.actor.label,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'integrity.interests.declare',
      entityType: 'integrity_interest_declaration',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}
