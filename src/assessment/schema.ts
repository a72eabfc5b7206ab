import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyOwned } from '../core/db/columns.js';
import type { ToolCode } from './frameworks/framework-schema.js';
import type { WeakQuestionRule } from './flag-weak-questions.js';

/** One measure row of the analysis (section 2 of the seed report). */
export interface StoredMeasureRow {
  measureTh: string;
  methodsTh: string[];
  stepsTh: string[];
  responsibleUnitTh: string;
  timelineTh: string;
}

/**
 * ผลการประเมิน ITA (ทางการ): one import of the NACC's published scores for one agency and
 * fiscal year. Every import is kept; the newest per year is the official result.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    fiscalYear: integer().notNull(),
    /** Which level of detail the file had: indicator or question scores. */
    kind: text({ enum: ['indicators', 'questions'] }).notNull(),
    indicatorScores: jsonb().$type<{ no: number; score: number }[]>().notNull(),
    questionScores: jsonb()
      .$type<{ code: string; indicatorNo: number; score: number }[]>()
      .notNull()
      .default([]),
    toolScores: jsonb().$type<Record<ToolCode, number>>().notNull(),
    total: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    levelCode: text().notNull(),
    levelLabelTh: text().notNull(),
    /** The level the agency or the NACC letter states; shown beside the computed one. */
    statedLevelTh: text(),
    sourceFileName: text().notNull(),
    importedBy: uuid(),
    importedByLabel: text().notNull(),
    importedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Demo data shipped for the demo agency, never a real result. */
    isDemo: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] })],
);

/** How weak questions (ข้อคำถามที่มีผลการประเมินต่ำ) are picked for one year, plus manual edits. */
export const assessmentWeakQuestionSettings = pgTable(
  'assessment_weak_question_settings',
  {
    ...agencyOwned,
    fiscalYear: integer().notNull(),
    rule: jsonb().$type<WeakQuestionRule>().notNull(),
    addedCodes: jsonb().$type<string[]>().notNull().default([]),
    removedCodes: jsonb().$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear] })],
);

/**
 * The agency's choices for this module. `officersMayManage`: the agency admin lets unit
 * officers import official results and write the analysis (off by default: the official
 * results and the analysis the executive signs are the admin's unless the agency says so).
 */
export const assessmentAgencySettings = pgTable(
  'assessment_agency_settings',
  {
    ...agencyOwned,
    officersMayManage: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agencyId] })],
);

/** รายงานการวิเคราะห์ผลการประเมิน: the per-year texts around the issue areas, and report options. */
export const assessmentAnalyses = pgTable(
  'assessment_analyses',
  {
    ...agencyOwned,
    fiscalYear: integer().notNull(),
    titleTh: text().notNull(),
    forewordTh: text().notNull().default(''),
    resultSummaryTh: text().notNull().default(''),
    overviewTh: text().notNull().default(''),
    limitationsTh: text().notNull().default(''),
    /** Print every number in ๐–๙ (report option). */
    useThaiDigits: boolean().notNull().default(true),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear] })],
);

/** One ประเด็น of the analysis: findings, what the agency will improve, and its measures. */
export const assessmentAnalysisAreas = pgTable(
  'assessment_analysis_areas',
  {
    ...agencyOwned,
    fiscalYear: integer().notNull(),
    areaCode: text().notNull(),
    no: integer().notNull(),
    nameTh: text().notNull(),
    /** ข้อค้นพบ: one paragraph per entry. */
    findingsTh: jsonb().$type<string[]>().notNull().default([]),
    /** สิ่งที่หน่วยงานจะพัฒนา ("ดังนั้น หน่วยงานเห็นว่าต้องพัฒนา…"). */
    improvementsTh: jsonb().$type<string[]>().notNull().default([]),
    measures: jsonb().$type<StoredMeasureRow[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear, t.areaCode] })],
);

/** Raw bytes (PostgreSQL bytea): pg returns a Buffer, PGlite a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * A results file checked by the preview and waiting for its confirmation: the confirm form
 * carries only this row's id, never the file. Only its uploader can confirm it, for one hour;
 * the row is deleted by the import or when a later preview finds it expired.
 */
export const assessmentStagedImports = pgTable(
  'assessment_staged_imports',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    stagedBy: uuid().notNull(),
    fiscalYear: integer().notNull(),
    statedLevelTh: text(),
    fileName: text().notNull(),
    bytes: bytea().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] }), index().on(t.expiresAt)],
);

/**
 * เกณฑ์การประเมินที่นำเข้า: one imported version of a fiscal year's framework file. Instance
 * level, not agency-owned: every agency of the instance is assessed on the same criteria.
 * An import is `pending` until an instance administrator has seen its diff and accepts it; the
 * newest `accepted` version of a year takes precedence over the shipped `fy<year>.json`.
 * Rows are never deleted, so the versions of a year are its history.
 */
export const assessmentFrameworkVersions = pgTable(
  'assessment_framework_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    fiscalYear: integer().notNull(),
    /** 1, 2, … within the fiscal year, in import order. */
    version: integer().notNull(),
    status: text().$type<'pending' | 'accepted' | 'discarded'>().notNull(),
    /** The validated framework, as the file gave it. */
    data: jsonb().notNull(),
    /** SHA-256 of the file's bytes, to recognise the same file imported twice. */
    sha256: text().notNull(),
    fileName: text().notNull(),
    importedByUserId: uuid(),
    importedByLabel: text().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedByLabel: text(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('assessment_framework_versions_year_version').on(t.fiscalYear, t.version)],
);

/**
 * รายงานการวิเคราะห์ที่เผยแพร่: one published version of a year's analysis report, frozen as
 * DOCX and PDF in the file store (content-addressed under dataDir). An executive publishes; the
 * newest version is what the public site serves, and older ones stay as the history.
 */
export const assessmentPublishedReports = pgTable(
  'assessment_published_reports',
  {
    ...agencyOwned,
    fiscalYear: integer().notNull(),
    /** 1 for the first publication of the year, then 2, 3… */
    version: integer().notNull(),
    title: text().notNull(),
    docxSha256: text().notNull(),
    pdfSha256: text().notNull(),
    publishedBy: text().notNull(),
    publishedByUserId: uuid(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear, t.version] })],
);
