import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyOwned } from '../core/db/columns.js';
import { staff, units } from '../core/agencies/schema.js';

export const MEASURE_SOURCES = ['analysis', 'manual'] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];

/**
 * มาตรการ: one measure of the year's plan for an issue area (ประเด็น), from the analysis
 * (section 2 of the ITA analysis report) or added by hand.
 */
export const measures = pgTable(
  'measures_measures',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    /** Buddhist-era fiscal year (ปีงบประมาณ), e.g. 2566. */
    fiscalYear: integer().notNull(),
    issueAreaCode: text().notNull(),
    title: text().notNull(),
    /** วิธีการดำเนินการ, one method per line. */
    methodText: text().notNull().default(''),
    /** การติดตามประเมินผล, e.g. "รายงานความก้าวหน้าให้ผู้บริหารทราบ อย่างน้อยปีละ ๑ ครั้ง". */
    monitoringText: text().notNull().default(''),
    source: text().$type<MeasureSource>().notNull(),
    /** Where an analysis measure came from (`analysis:2566:operating-process`); unique per year. */
    sourceRef: text(),
    /** The measure of the year before that this one carries on (ยกยอดมาตรการที่ยังไม่แล้วเสร็จ). */
    carriedFromId: uuid(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('measures_measures_source_ref_key')
      .on(t.agencyId, t.fiscalYear, t.sourceRef)
      .where(sql`${t.sourceRef} is not null`),
    uniqueIndex('measures_measures_carried_from_key')
      .on(t.agencyId, t.carriedFromId)
      .where(sql`${t.carriedFromId} is not null`),
    check('measures_measures_source_check', sql`${t.source} in ('analysis', 'manual')`),
  ],
);

/** Cancelled (ยกเลิก): an action that had progress reports and so cannot be deleted. */
/**
 * `carried_over` (ยกไปปีถัดไป): the step was unfinished when its measure was carried into the
 * next fiscal year, where its copy goes on; here it is closed, never overdue.
 */
export const ACTION_STATUSES = [
  'not_started',
  'in_progress',
  'done',
  'cancelled',
  'carried_over',
] as const;
/** A step still to be worked on in its own year: only these can be due or overdue. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['not_started', 'in_progress'];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** ขั้นตอนการดำเนินการ: one step of a measure, owned by a unit and (optionally) one officer. */
export const actions = pgTable(
  'measures_actions',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    measureId: uuid().notNull(),
    stepText: text().notNull(),
    unitId: uuid().notNull(),
    officerUserId: uuid(),
    startDate: date({ mode: 'string' }).notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    status: text().$type<ActionStatus>().notNull().default('not_started'),
    /** The last approved percentage: executives' approval is what makes progress count. */
    percent: integer().notNull().default(0),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.measureId],
      foreignColumns: [measures.agencyId, measures.id],
    }).onDelete('cascade'),
    // agency_id is part of the key, so a unit of another agency cannot be referenced at all.
    foreignKey({ columns: [t.agencyId, t.unitId], foreignColumns: [units.agencyId, units.id] }),
    foreignKey({
      columns: [t.agencyId, t.officerUserId],
      foreignColumns: [staff.agencyId, staff.userId],
    }),
    check('measures_actions_dates_check', sql`${t.startDate} <= ${t.dueDate}`),
    check('measures_actions_percent_check', sql`${t.percent} between 0 and 100`),
    check(
      'measures_actions_status_check',
      sql`${t.status} in ('not_started', 'in_progress', 'done', 'cancelled', 'carried_over')`,
    ),
  ],
);

export const PROGRESS_STATES = ['pending', 'approved', 'returned'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** รายงานความก้าวหน้า: what an officer reports on an action, for an executive to approve. */
export const progressUpdates = pgTable(
  'measures_progress_updates',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    actionId: uuid().notNull(),
    text: text().notNull(),
    percent: integer().notNull(),
    links: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    submittedBy: uuid().notNull(),
    submittedByName: text().notNull().default(''),
    state: text().$type<ProgressState>().notNull().default('pending'),
    reviewedBy: uuid(),
    reviewedByName: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewComment: text(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.actionId],
      foreignColumns: [actions.agencyId, actions.id],
    }).onDelete('cascade'),
    check('measures_progress_percent_check', sql`${t.percent} between 0 and 100`),
    check('measures_progress_state_check', sql`${t.state} in ('pending', 'approved', 'returned')`),
  ],
);

/** หลักฐาน: a file attached to a progress update, stored once by its SHA-256 under dataDir. */
export const evidenceFiles = pgTable(
  'measures_evidence_files',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    progressUpdateId: uuid().notNull(),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.progressUpdateId],
      foreignColumns: [progressUpdates.agencyId, progressUpdates.id],
    }).onDelete('cascade'),
  ],
);

/** One reminder e-mail sent; the key makes `prongsai measures remind` idempotent. */
export const remindersSent = pgTable(
  'measures_reminders_sent',
  {
    ...agencyOwned,
    actionId: uuid().notNull(),
    kind: text().$type<'due_soon' | 'overdue'>().notNull(),
    /** The due date the reminder was about: a moved due date earns a new reminder. */
    dueDate: date({ mode: 'string' }).notNull(),
    recipient: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.actionId, t.kind, t.dueDate, t.recipient] }),
    foreignKey({
      columns: [t.agencyId, t.actionId],
      foreignColumns: [actions.agencyId, actions.id],
    }).onDelete('cascade'),
  ],
);

export const REPORT_KINDS = ['plan', 'progress-report'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * One published version of a report on the public site: its DOCX and PDF, content-addressed
 * under dataDir. Publishing again adds the next version and never overwrites one: what a citizen
 * downloaded once stays downloadable (the newest is served, the earlier ones are listed).
 */
export const publishedReports = pgTable(
  'measures_published_reports',
  {
    ...agencyOwned,
    fiscalYear: integer().notNull(),
    kind: text().$type<ReportKind>().notNull(),
    /** 1, 2, 3… per agency, year and kind, in the order they were published. */
    version: integer().notNull().default(1),
    title: text().notNull(),
    docxSha256: text().notNull(),
    pdfSha256: text().notNull(),
    publishedBy: text().notNull(),
    /** The staff member who published (null for the seed and the CLI). */
    publishedByUserId: uuid(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear, t.kind, t.version] })],
);
