import { sql } from 'drizzle-orm';
import {
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyOwned } from '../db/columns.js';

/** ประกาศ (announcement) or คำสั่ง (order): the two forms of the ระเบียบงานสารบรรณ built here. */
export const OFFICIAL_KINDS = ['announcement', 'order'] as const;
export type OfficialKind = (typeof OFFICIAL_KINDS)[number];

/**
 * draft (ร่าง) → review (เสนอตรวจ) → signed (ลงนามแล้ว, by an executive) → published (เผยแพร่แล้ว).
 * From `signed` on the text is frozen: a change is a new document that replaces it.
 */
export const OFFICIAL_STATUSES = ['draft', 'review', 'signed', 'published'] as const;
export type OfficialStatus = (typeof OFFICIAL_STATUSES)[number];

/** Digits printed in the document: ๐–๙ (common in official documents) or 0–9. */
export const OFFICIAL_DIGITS = ['thai', 'arabic'] as const;
export type OfficialDigits = (typeof OFFICIAL_DIGITS)[number];

/** ทะเบียนหนังสือ: one announcement or order of an agency, from draft to publication. */
export const officialDocuments = pgTable(
  'core_official_documents',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    kind: text().$type<OfficialKind>().notNull(),
    /** The template it was drafted from (data of the calling module), if any. */
    templateKey: text(),
    /** The OIT feed key a published copy fills (`integrity.no-gift`), chosen by the caller. */
    feed: text(),
    /** Buddhist-era fiscal year the document belongs to on the OIT site. */
    fiscalYear: integer().notNull(),
    /** เรื่อง */
    subject: text().notNull(),
    /** The opening paragraph(s) before the clauses (อาศัยอำนาจ…, ด้วย…). */
    preamble: text().notNull().default(''),
    /** ข้อ 1, ข้อ 2, …: one string per clause, numbered when printed. */
    clauses: jsonb().$type<string[]>().notNull().default([]),
    /** The closing paragraph (ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป). */
    closing: text().notNull().default(''),
    digits: text().$type<OfficialDigits>().notNull().default('thai'),
    signerName: text().notNull(),
    signerPosition: text().notNull(),
    status: text().$type<OfficialStatus>().notNull().default('draft'),
    /** คำสั่งที่ n/ปี: the number and the Buddhist-era calendar year it runs in (orders only). */
    number: integer(),
    numberYear: integer(),
    /** The date printed in "ประกาศ ณ วันที่ …": the day it was signed, in Thailand. */
    issuedOn: date({ mode: 'string' }),
    signedByUserId: uuid(),
    signedByLabel: text(),
    signedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** The signed document this one replaces (it says so in its text). */
    replacesId: uuid(),
    publishedAt: timestamp({ withTimezone: true, mode: 'date' }),
    publishedBy: text(),
    pdfSha256: text(),
    docxSha256: text(),
    createdBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    // The register's promise: one number per order per calendar year, never two.
    uniqueIndex('core_official_documents_number_key')
      .on(t.agencyId, t.kind, t.numberYear, t.number)
      .where(sql`${t.number} is not null`),
    // A signed document is replaced once; a second change replaces the replacement.
    uniqueIndex('core_official_documents_replaces_key')
      .on(t.agencyId, t.replacesId)
      .where(sql`${t.replacesId} is not null`),
    check('core_official_documents_kind_check', sql`${t.kind} in ('announcement', 'order')`),
    check(
      'core_official_documents_status_check',
      sql`${t.status} in ('draft', 'review', 'signed', 'published')`,
    ),
  ],
);

/**
 * The last number given per agency, kind and Buddhist-era calendar year. Numbering takes this
 * row's lock (insert … on conflict do update … returning) in the signing transaction, so two
 * officers signing at once get consecutive numbers and a rolled-back signing gives its number
 * back: no gap, no duplicate.
 */
export const officialCounters = pgTable(
  'core_official_counters',
  {
    ...agencyOwned,
    kind: text().$type<OfficialKind>().notNull(),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.kind, t.year] })],
);

/** ตราหน่วยงาน: the emblem an agency uploaded for the top of its announcements and orders. */
export const officialEmblems = pgTable(
  'core_official_emblems',
  {
    ...agencyOwned,
    /** The PNG in the core file store. */
    sha256: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    uploadedBy: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId] })],
);
