import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { units } from '../core/agencies/schema.js';
import { ValidationError } from '../core/errors.js';
import { PersonInput } from './input.js';
import { people } from './schema.js';
import { storesNationalId } from './queries.js';

/**
 * เพิ่มบุคลากร: one person of the HR roster. A national ID is refused unless the agency turned
 * national IDs on (PDPA: collect no more personal data than the purpose needs).
 */
export async function addPerson(ctx: AgencyContext, raw: PersonInput) {
  const input = PersonInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    if (input.nationalId !== '' && !(await storesNationalId(tx, ctx.agencyId))) {
      throw new ValidationError('personnel.errors.nationalIdOff', {
        nationalId: 'personnel.errors.nationalIdOff',
      });
    }
    if (input.unitId) {
      await scoped(tx, ctx.agencyId).get(
        units,
        eq(units.id, input.unitId),
        'personnel.errors.unit',
      );
    }
    const [row] = await scoped(tx, ctx.agencyId).insert(people, {
      ...input,
      nationalId: input.nationalId === '' ? null : input.nationalId,
      createdBy: ctx.actor.label,
    });
    // The audit keeps that an ID was stored, never the ID itself.
    await audit(tx, ctx, ctx.agencyId, {
      action: 'personnel.person.add',
      entityType: 'personnel_person',
      entityId: row!.id,
      after: { ...row, nationalId: row!.nationalId ? 'stored' : null },
    });
    return row!;
  });
}
