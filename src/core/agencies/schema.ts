import { sql } from 'drizzle-orm';
import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../db/timestamps.js';
import { users } from '../auth/schema.js';

/** Contact details an agency publishes (OIT o5 ข้อมูลการติดต่อ); data, never code. */
export interface AgencyContact {
  address?: string;
  phone?: string;
  fax?: string;
  email?: string;
  website?: string;
  mapUrl?: string;
  facebook?: string;
  line?: string;
}

/**
 * หน่วยงาน: a public agency (a municipality first). The tenant: every agency-owned row
 * points here. On Citus it is a reference table (thousands of rows, read on every request).
 */
export const agencies = pgTable(
  'core_agencies',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Used in URLs (/a/phothong) and CLI flags (--agency phothong). */
    slug: text().notNull(),
    nameTh: text().notNull(),
    nameEn: text().notNull().default(''),
    /** e.g. เทศบาลตำบล, องค์การบริหารส่วนตำบล: drives nothing in code, only wording. */
    kindTh: text().notNull().default(''),
    subdistrictTh: text().notNull().default(''),
    districtTh: text().notNull().default(''),
    provinceTh: text().notNull().default(''),
    /** A host name that serves this agency's public site (www.example.go.th). */
    hostname: text(),
    contact: jsonb().$type<AgencyContact>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('core_agencies_slug_key').on(t.slug),
    uniqueIndex('core_agencies_hostname_key')
      .on(t.hostname)
      .where(sql`${t.hostname} is not null`),
  ],
);

/** ส่วนราชการ/หน่วยงานย่อย: สำนักปลัด, กองคลัง, กองช่าง … as data. */
export const units = pgTable(
  'core_units',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    nameTh: text().notNull(),
    nameEn: text().notNull().default(''),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('core_units_name_key').on(t.agencyId, t.nameTh),
  ],
);

export const STAFF_ROLES = [
  'agency_admin',
  'unit_officer',
  'executive',
  'complaint_officer',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** บุคลากร: a user's membership of one agency, with roles and an optional unit. */
export const staff = pgTable(
  'core_staff',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roles: text().array().$type<StaffRole[]>().notNull(),
    unitId: uuid(),
    positionTh: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.userId] }),
    foreignKey({ columns: [t.agencyId, t.unitId], foreignColumns: [units.agencyId, units.id] }),
  ],
);

/**
 * คำเชิญเข้าร่วมหน่วยงาน: an agency admin's invitation of an e-mail address to the staff. The
 * person joins only by opening the link and accepting (logged in as that address, or setting
 * a password when the address has no account yet): an admin can no longer attach someone
 * else's account, or learn whether an address has one. Only the token's SHA-256 is kept; the
 * invitation expires and is used once.
 */
export const staffInvites = pgTable(
  'core_staff_invites',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    tokenHash: text().notNull(),
    email: text().notNull(),
    displayName: text().notNull(),
    roles: text().array().$type<StaffRole[]>().notNull(),
    /** Checked when inviting; a unit deleted since is dropped at acceptance (no foreign key). */
    unitId: uuid(),
    positionTh: text().notNull().default(''),
    invitedBy: uuid(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp({ withTimezone: true, mode: 'date' }),
    acceptedBy: uuid(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('core_staff_invites_token_hash').on(t.tokenHash),
  ],
);
