import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import type { DbOrTx } from './client.js';
import { NotFoundError } from '../errors.js';

/** Any table that belongs to an agency (has an agency_id column). */
export type AgencyTable = PgTable & { agencyId: PgColumn };
type WithoutAgency<X> = { [K in keyof X as K extends 'agencyId' ? never : K]: X[K] };

/**
 * The agency-scoped query helper. Every read, update and delete it builds carries
 * `agency_id = <this agency>`, and every insert gets the agency id stamped on, so module
 * code cannot forget the tenant filter. A record of another agency is simply not found.
 *
 * @example
 *   const q = scoped(ctx.db, ctx.agencyId);
 *   const unit = await q.get(units, eq(units.id, id));          // NotFoundError if absent here
 *   await q.insert(units, { nameTh: 'กองคลัง' });
 */
export function scoped(db: DbOrTx, agencyId: string) {
  const where = (table: AgencyTable, condition?: SQL): SQL =>
    condition
      ? (and(eq(table.agencyId, agencyId), condition) as SQL)
      : eq(table.agencyId, agencyId);
  return {
    agencyId,
    where,
    /** Rows of this agency matching `condition`, optionally ordered. */
    list: async <T extends AgencyTable>(
      table: T,
      condition?: SQL,
      orderBy?: SQL | PgColumn | (SQL | PgColumn)[],
    ): Promise<InferSelectModel<T>[]> => {
      const query = (db as any).select().from(table).where(where(table, condition));
      const ordered = orderBy
        ? query.orderBy(...(Array.isArray(orderBy) ? orderBy : [orderBy]))
        : query;
      return (await ordered) as InferSelectModel<T>[];
    },
    find: async <T extends AgencyTable>(
      table: T,
      condition: SQL,
    ): Promise<InferSelectModel<T> | null> => {
      const rows = await (db as any).select().from(table).where(where(table, condition)).limit(1);
      return (rows[0] as InferSelectModel<T> | undefined) ?? null;
    },
    get: async <T extends AgencyTable>(
      table: T,
      condition: SQL,
      notFoundKey = 'errors.notFound',
    ): Promise<InferSelectModel<T>> => {
      const rows = await (db as any).select().from(table).where(where(table, condition)).limit(1);
      if (!rows[0]) throw new NotFoundError(notFoundKey);
      return rows[0] as InferSelectModel<T>;
    },
    insert: async <T extends AgencyTable>(
      table: T,
      values: WithoutAgency<InferInsertModel<T>> | WithoutAgency<InferInsertModel<T>>[],
    ): Promise<InferSelectModel<T>[]> => {
      const list = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, agencyId }));
      if (list.length === 0) return [];
      return (await (db as any).insert(table).values(list).returning()) as InferSelectModel<T>[];
    },
    update: async <T extends AgencyTable>(
      table: T,
      set: Partial<WithoutAgency<InferInsertModel<T>>>,
      condition: SQL,
    ): Promise<InferSelectModel<T>[]> => {
      const { agencyId: _ignored, ...safe } = set as Record<string, unknown>;
      return (await (db as any)
        .update(table)
        .set(safe)
        .where(where(table, condition))
        .returning()) as InferSelectModel<T>[];
    },
    delete: async <T extends AgencyTable>(
      table: T,
      condition: SQL,
    ): Promise<InferSelectModel<T>[]> =>
      (await (db as any)
        .delete(table)
        .where(where(table, condition))
        .returning()) as InferSelectModel<T>[],
  };
}

export type Scoped = ReturnType<typeof scoped>;
