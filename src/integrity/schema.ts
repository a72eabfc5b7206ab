import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
