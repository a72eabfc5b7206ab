import { timestamp } from 'drizzle-orm/pg-core';

/** Created/updated instants, stored as timestamptz in CE; พ.ศ. is a presentation concern. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};
