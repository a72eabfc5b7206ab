import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { listOfficialDocuments, type OfficialDocumentRow } from '../core/official/index.js';
import {
  hearings,
  hrReports,
  people,
  personnelSettings,
  planActivities,
  trainings,
} from './schema.js';

export type PersonRow = typeof people.$inferSelect;
export type TrainingRow = typeof trainings.$inferSelect;

/** Whether the agency turned on the storing of national IDs (off by default). */
export async function storesNationalId(db: DbOrTx, agencyId: string): Promise<boolean> {
  const row = await scoped(db, agencyId).find(
    personnelSettings,
    eq(personnelSettings.agencyId, agencyId),
  );
  return row?.storeNationalId ?? false;
}

/** The roster, by name. */
export async function listPeople(db: DbOrTx, agencyId: string): Promise<PersonRow[]> {
  return scoped(db, agencyId).list(people, undefined, [people.fullName]);
}

/** One person's training records, newest first. */
export async function listTrainings(
  db: DbOrTx,
  agencyId: string,
  personId: string,
): Promise<TrainingRow[]> {
  const rows = await scoped(db, agencyId).list(trainings, eq(trainings.personId, personId));
  return rows.sort((a, b) => b.attendedOn.localeCompare(a.attendedOn));
}

/**
 * The year's development summary the HR report gives the OIT: how many of the roster were
 * trained, the total and average hours per person on the roster.
 */
export async function trainingSummary(db: DbOrTx, agencyId: string, fiscalYear: number) {
  const q = scoped(db, agencyId);
  const roster = await q.list(people);
  const rows = await q.list(trainings, eq(trainings.fiscalYear, fiscalYear));
  const totalHours = rows.reduce((sum, r) => sum + Number(r.hours), 0);
  return {
    people: roster.length,
    trained: new Set(rows.map((r) => r.personId)).size,
    totalHours,
    averageHours: roster.length === 0 ? 0 : totalHours / roster.length,
  };
}

export type HearingRow = typeof hearings.$inferSelect;

/** The year's staff hearing meetings, newest first. */
export async function listHearings(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<HearingRow[]> {
  const rows = await scoped(db, agencyId).list(hearings, eq(hearings.fiscalYear, fiscalYear));
  return rows.sort((a, b) => b.heldOn.localeCompare(a.heldOn));
}

export type PlanActivityRow = typeof planActivities.$inferSelect;

/** The year's HR plan activities, in the order they were added. */
export async function listPlan(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<PlanActivityRow[]> {
  return scoped(db, agencyId).list(planActivities, eq(planActivities.fiscalYear, fiscalYear), [
    planActivities.createdAt,
  ]);
}

export type HrReportRow = typeof hrReports.$inferSelect;

/** The published HR reports of the agency, newest year first (what the OIT feed lists). */
export async function listHrReports(db: DbOrTx, agencyId: string): Promise<HrReportRow[]> {
  const rows = await scoped(db, agencyId).list(hrReports);
  return rows.sort((a, b) => b.fiscalYear - a.fiscalYear);
}

/** The feeds of the HR announcements drafted from the integrity module's templates (group personnel). */
const HR_DOCUMENT_FEEDS = new Set(['integrity.hr-policy', 'integrity.hr-criteria']);

/**
 * The year's HR policy and criteria announcements in the register (any status), which the HR
 * plan page links to: the plan carries out the policy, the criteria are announced with it.
 */
export async function listHrDocuments(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<OfficialDocumentRow[]> {
  const rows = await listOfficialDocuments(db, agencyId, fiscalYear);
  return rows.filter((d) => d.feed !== null && HR_DOCUMENT_FEEDS.has(d.feed));
}
