import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError } from '../core/errors.js';
import { isUuid } from '../core/validation/text.js';
import { TrainingInput } from './input.js';
import { people, trainings } from './schema.js';

/** บันทึกการอบรม: who attended what, when, for how many hours (Thai digits accepted). */
export async function recordTraining(ctx: AgencyContext, personId: string, raw: TrainingInput) {
  if (!isUuid(personId)) throw new NotFoundError();
  const input = TrainingInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    await q.get(people, eq(people.id, personId));
    const [row] = await q.insert(trainings, { ...input, personId, recordedBy: ctx.actor.label });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'personnel.training.record',
      entityType: 'personnel_training',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}
