import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/client.js';
import { ForbiddenError } from '../errors.js';
import { agencies, staff } from '../agencies/schema.js';
import { setSessionAgency } from './sessions.js';

const collator = new Intl.Collator('th');

/** The "choose an agency" form: the agency to work in for the rest of the session. */
export const ChooseAgencyInput = z.object({ agencyId: z.uuid() });

interface Chooser {
  id: string;
  isInstanceAdmin: boolean;
}

/**
 * The agencies a person may work in, in Thai order: those they are staff of, or every agency
 * for the instance administrator (who sets agencies up and may need to look inside one).
 */
export async function listChoosableAgencies(db: DbOrTx, user: Chooser) {
  const columns = { id: agencies.id, nameTh: agencies.nameTh };
  const list = user.isInstanceAdmin
    ? await db.select(columns).from(agencies)
    : await db
        .select(columns)
        .from(staff)
        .innerJoin(agencies, eq(agencies.id, staff.agencyId))
        .where(eq(staff.userId, user.id));
  return list.sort((a, b) => collator.compare(a.nameTh, b.nameTh));
}

/**
 * Points the session at one agency. Anyone else's agency is refused (403), whether or not it
 * exists, so the form cannot be used to probe agency ids.
 */
export async function chooseAgency(
  db: DbOrTx,
  user: Chooser,
  sessionToken: string,
  input: z.infer<typeof ChooseAgencyInput>,
): Promise<void> {
  const choosable = await listChoosableAgencies(db, user);
  if (!choosable.some((a) => a.id === input.agencyId)) throw new ForbiddenError();
  await setSessionAgency(db, sessionToken, input.agencyId);
}
