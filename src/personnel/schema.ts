import {
  boolean,
  date,
  foreignKey,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyOwned } from '../core/db/columns.js';
import { units } from '../core/agencies/schema.js';

/**
 * ประเภทบุคลากรของเทศบาล: พนักงานเทศบาล, ลูกจ้างประจำ, พนักงานจ้างตามภารกิจ, พนักงานจ้างทั่วไป
 * (ประกาศคณะกรรมการพนักงานเทศบาล). Labels are in the catalog.
 */
export const STAFF_TYPES = [
  'municipal_employee',
  'permanent_worker',
  'mission_contract',
  'general_contract',
] as const;
export type StaffType = (typeof STAFF_TYPES)[number];

/** บุคลากร (HR roster): people who work for the agency, not log-in accounts. */
export const people = pgTable(
  'personnel_people',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    fullName: text().notNull(),
    staffType: text().$type<StaffType>().notNull(),
    position: text().notNull(),
    unitId: uuid(),
    /** เลขประจำตัวประชาชน: stored only when the agency turned it on, checksum-validated. */
    nationalId: text(),
    createdBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({ columns: [t.agencyId, t.unitId], foreignColumns: [units.agencyId, units.id] }),
  ],
);

/** Per-agency HR settings: national IDs are off unless the agency turns them on. */
export const personnelSettings = pgTable(
  'personnel_settings',
  {
    ...agencyOwned,
    storeNationalId: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agencyId] })],
);

/** การอบรม/พัฒนา: one person's attendance of a course, with its hours (OIT: the HR report). */
export const trainings = pgTable(
  'personnel_trainings',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    personId: uuid().notNull(),
    fiscalYear: integer().notNull(),
    course: text().notNull(),
    provider: text().notNull().default(''),
    attendedOn: date({ mode: 'string' }).notNull(),
    hours: numeric({ precision: 6, scale: 1, mode: 'number' }).notNull(),
    recordedBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({ columns: [t.agencyId, t.personId], foreignColumns: [people.agencyId, people.id] }),
  ],
);

/**
 * การประชุมรับฟังความคิดเห็นของบุคลากร: a staff hearing meeting, the evidence the seed's HR
 * measures promise ("มีการจัดประชุมเพื่อรับฟังความคิดเห็นของข้าราชการในทุกระดับสม่ำเสมอ").
 */
export const hearings = pgTable(
  'personnel_hearings',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    fiscalYear: integer().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    attendees: integer().notNull(),
    /** ประเด็นที่บุคลากรเสนอ */
    issues: text().notNull(),
    /** คำชี้แจง/การดำเนินการของผู้บริหาร */
    answers: text().notNull().default(''),
    recordedBy: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] })],
);

/**
 * แผนการบริหารและพัฒนาทรัพยากรบุคคล: one activity of the year's HR plan with its progress. A small
 * table of its own: the measures module tracks actions of the ITA improvement plan (tied to an
 * analysis and its measures), which is not the shape of an HR plan.
 */
export const planActivities = pgTable(
  'personnel_plan_activities',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    fiscalYear: integer().notNull(),
    title: text().notNull(),
    /** ตัวชี้วัด/เป้าหมาย */
    target: text().notNull().default(''),
    owner: text().notNull().default(''),
    /** ร้อยละความก้าวหน้า 0–100 */
    progress: integer().notNull().default(0),
    /** ผลการดำเนินงาน */
    result: text().notNull().default(''),
    createdBy: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] })],
);

/** The published yearly HR report (OIT: รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี). */
export const hrReports = pgTable(
  'personnel_hr_reports',
  {
    ...agencyOwned,
    fiscalYear: integer().notNull(),
    pdfSha256: text().notNull(),
    docxSha256: text().notNull(),
    publishedBy: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear] })],
);
