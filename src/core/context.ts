import type { Db, DbOrTx } from './db/client.js';
import type { StaffRole } from './agencies/schema.js';

export type Locale = 'th' | 'en';

/** Who is acting: a staff member, the CLI operator, or the system itself (seeding). */
export interface Actor {
  userId: string | null;
  label: string;
  roles: readonly StaffRole[];
  isInstanceAdmin: boolean;
}

/**
 * What every use case receives: `(ctx, input)`. Dependency injection without a container;
 * the same function serves a route, a CLI command and a test.
 */
export interface AppContext {
  db: Db;
  actor: Actor;
  locale: Locale;
  now: () => Date;
  requestId?: string | undefined;
}

/** A context bound to one agency: every agency-owned read and write goes through it. */
export interface AgencyContext extends AppContext {
  agencyId: string;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  label: 'system',
  roles: [],
  isInstanceAdmin: true,
};

/** Runs `fn` in one transaction, handing it a context whose `db` is the transaction. */
export async function inTransaction<C extends AppContext, T>(
  ctx: C,
  fn: (tx: C & { db: DbOrTx }) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}
