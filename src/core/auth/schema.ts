import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
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
 * Log-in attempts per key (an e-mail from unknown devices, a known device, a client address,
 * a password-reset request), for the slowdown and limits of auth/login-limits.ts. In the
 * database rather than in memory so that it survives restarts and several processes, and
 * counted by one atomic statement before the password is checked, so parallel guesses
 * cannot all pass a check made before any of them failed.
 */
export const loginAttempts = pgTable('core_login_attempts', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStartedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  /** No attempt under this key is checked before then (the slowdown). */
  nextAttemptAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * A browser where the user has logged in before (OWASP's "device cookie"): the cookie holds a
 * random token, only its SHA-256 is stored. Failures from unknown devices slow down and then
 * stop log-ins to the account from unknown devices only; a known device keeps its own count,
 * so a stranger guessing the mayor's password cannot lock the mayor out.
 */
export const trustedDevices = pgTable(
  'core_trusted_devices',
  {
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenHash, t.userId] }),
    index('core_trusted_devices_user_idx').on(t.userId),
  ],
);

/**
 * A "forgot password" link sent by e-mail: single use, expiring; only the token's SHA-256 is
 * stored, so a copy of the database cannot be used to reset anyone's password.
 */
export const passwordResets = pgTable(
  'core_password_resets',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [index('core_password_resets_user_idx').on(t.userId)],
);
