import { uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/schema.js';
import { timestamps } from './timestamps.js';

export { timestamps };

/**
 * Spread first into every agency-owned table, and put `agencyId` first in its primary key:
 * it is the distribution column when an instance outgrows one server (docs/architecture.md).
 */
export const agencyOwned = {
  agencyId: uuid()
    .notNull()
    .references(() => agencies.id, { onDelete: 'cascade' }),
  ...timestamps,
};
