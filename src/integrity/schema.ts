import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyOwned } from '../core/db/columns.js';

/**
 * ทะเบียนความเสี่ยงการทุจริตและสินบน: one risk of a work process in a fiscal year, scored on the
 * 5 × 5 likelihood × impact matrix, with its controls and owner (OIT: the assessment item).
 */
export const risks = pgTable(
  'integrity_risks',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    fiscalYear: integer().notNull(),
    /** กระบวนงาน, e.g. "การออกใบอนุญาตก่อสร้างอาคาร". */
    process: text().notNull(),
    /** เหตุการณ์ความเสี่ยง, e.g. "เรียกรับเงินเพื่อเร่งการอนุญาต". */
    risk: text().notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    /** มาตรการควบคุม, one per line. */
    controls: text().notNull().default(''),
    /** ผู้รับผิดชอบ: a unit or a position, as the agency writes it. */
    owner: text().notNull().default(''),
    createdBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    check('integrity_risks_likelihood_check', sql`${t.likelihood} between 1 and 5`),
    check('integrity_risks_impact_check', sql`${t.impact} between 1 and 5`),
  ],
);

/** Follow-up rounds of the risk management: at 6 and at 12 months (รอบ ๖ เดือน / ๑๒ เดือน). */
export const FOLLOW_UP_ROUNDS = [6, 12] as const;

/** ติดตามผล: what a round found, with the risk scored again after the controls. */
export const riskFollowUps = pgTable(
  'integrity_risk_follow_ups',
  {
    ...agencyOwned,
    riskId: uuid().notNull(),
    round: integer().notNull(),
    likelihood: integer().notNull(),
    impact: integer().notNull(),
    note: text().notNull(),
    recordedBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.riskId, t.round] }),
    check('integrity_risk_follow_ups_round_check', sql`${t.round} in (6, 12)`),
    check('integrity_risk_follow_ups_likelihood_check', sql`${t.likelihood} between 1 and 5`),
    check('integrity_risk_follow_ups_impact_check', sql`${t.impact} between 1 and 5`),
  ],
);

export const INTEGRITY_REPORT_KINDS = ['risk-assessment'] as const;
export type IntegrityReportKind = (typeof INTEGRITY_REPORT_KINDS)[number];

/** Reports published to the OIT site (stored files; citizens never start a rendering). */
export const integrityReports = pgTable(
  'integrity_reports',
  {
    ...agencyOwned,
    fiscalYear: integer().notNull(),
    kind: text().$type<IntegrityReportKind>().notNull(),
    title: text().notNull(),
    pdfSha256: text().notNull(),
    docxSha256: text().notNull(),
    publishedBy: text().notNull(),
    publishedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear, t.kind] })],
);

/**
 * What an activity record is evidence for: a No Gift culture activity (OIT: ประกาศเจตนารมณ์และการ
 * สร้างวัฒนธรรม No Gift Policy) or the event where the executive declared integrity in public
 * (เจตจำนงสุจริต, beside the announcement core/official drafts).
 */
export const ACTIVITY_KINDS = ['no-gift', 'declaration'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** กิจกรรม: date, what was done, where, who took part; public evidence on its OIT item. */
export const activities = pgTable(
  'integrity_activities',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    kind: text().$type<ActivityKind>().notNull(),
    /** Fiscal year of heldOn (1 Oct–30 Sep, named by the year it ends in). */
    fiscalYear: integer().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    place: text().notNull().default(''),
    /** ผู้เข้าร่วม: as the agency writes it ("ผู้บริหาร พนักงาน ๔๕ คน"). */
    participants: text().notNull(),
    details: text().notNull().default(''),
    recordedBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    check('integrity_activities_kind_check', sql`${t.kind} in ('no-gift', 'declaration')`),
  ],
);

/** ภาพกิจกรรม: photos stored by SHA-256 in core/files, type sniffed from the bytes. */
export const activityPhotos = pgTable(
  'integrity_activity_photos',
  {
    ...agencyOwned,
    activityId: uuid().notNull(),
    sha256: text().notNull(),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    sizeBytes: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.activityId, t.sha256] })],
);

/**
 * What a staff member did with a gift (ประมวลจริยธรรม and ประกาศ ป.ป.ช. เรื่อง หลักเกณฑ์การรับ
 * ทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา พ.ศ. ๒๕๖๓: at most 3,000 baht per occasion may be kept).
 */
export const GIFT_ACTIONS = ['refused', 'returned', 'kept', 'handed-over'] as const;
export type GiftAction = (typeof GIFT_ACTIONS)[number];

/** ทะเบียนการรับของขวัญ: what was offered, by whom, its value and what was done with it. */
export const gifts = pgTable(
  'integrity_gifts',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    fiscalYear: integer().notNull(),
    offeredOn: date({ mode: 'string' }).notNull(),
    /** ผู้ได้รับ: name and position. */
    recipient: text().notNull(),
    /** ผู้ให้: a person or firm, as written. */
    giver: text().notNull(),
    description: text().notNull(),
    valueBaht: numeric({ precision: 12, scale: 2, mode: 'number' }).notNull(),
    action: text().$type<GiftAction>().notNull(),
    note: text().notNull().default(''),
    recordedBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    check('integrity_gifts_value_check', sql`${t.valueBaht} >= 0`),
  ],
);

/**
 * แบบแสดงการมีหรือไม่มีผลประโยชน์ทับซ้อน: a staff member's declaration for a year, or for one
 * procurement committee membership (free text until procurement has its module). Read only by
 * executives and the declarer.
 */
export const interestDeclarations = pgTable(
  'integrity_interest_declarations',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    fiscalYear: integer().notNull(),
    /** The log-in account that declared (declarations are personal). */
    declarerUserId: uuid().notNull(),
    declarerName: text().notNull(),
    /** Empty: the yearly declaration; else the procurement committee it is for. */
    committee: text().notNull().default(''),
    hasConflict: boolean().notNull(),
    details: text().notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] })],
);
