import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../db/timestamps.js';

/**
 * A person who can log in. Global (not agency-owned): one officer may serve several agencies
 * (a provincial office helping its municipalities); membership and roles live in core_staff.
 */
export const users = pgTable(
  'core_users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased and NFC-normalised; unique across the instance. */
    email: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    isInstanceAdmin: boolean().notNull().default(false),
    locale: text().notNull().default('th'),
    disabledAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('core_users_email_key').on(t.email)],
);

/** A logged-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'core_sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The agency the user is working in; null for an instance admin between agencies. */
    agencyId: uuid(),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('core_sessions_user_idx').on(t.userId)],
);

/**
 * Failed log-ins per key (an e-mail address, or a client address), for rate limiting.
 * In the database rather than in memory so that it survives restarts and several processes.
 */
export const loginAttempts = pgTable('core_login_attempts', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStartedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
});
