import {
  boolean,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
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
