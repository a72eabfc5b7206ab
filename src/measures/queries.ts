import { and, asc, desc, eq, inArray, max, or } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { staff, units } from '../core/agencies/schema.js';
import { users } from '../core/auth/schema.js';
import { NotFoundError } from '../core/errors.js';
import {
  OPEN_ACTION_STATUSES,
  actions,
  evidenceFiles,
  measures,
  progressUpdates,
  publishedReports,
  type ReportKind,
} from './schema.js';
import { isUuid } from '../core/validation/text.js';
import { openingFiscalYear } from '../core/i18n/thai-format.js';
import {
  analysisYearForPlan,
  findAnalysisByYear,
  listAssessmentDataYears,
  planYearForAnalysis,
} from '../assessment/index.js';

export type MeasureRow = typeof measures.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;
export type ProgressRow = typeof progressUpdates.$inferSelect;
export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type PublishedReportRow = typeof publishedReports.$inferSelect;

export interface ActionView extends ActionRow {
  unitName: string;
  officerName: string | null;
  overdue: boolean;
}
export interface MeasureView extends MeasureRow {
  actions: ActionView[];
  overdueCount: number;
  /** Mean approved percentage of its actions. */
  percent: number;
}

const collator = new Intl.Collator('th');

async function names(db: DbOrTx, agencyId: string) {
  const unitRows = await scoped(db, agencyId).list(units);
  const people = await db
    .select({ id: users.id, name: users.displayName })
    .from(staff)
    .innerJoin(users, eq(users.id, staff.userId))
    .where(eq(staff.agencyId, agencyId));
  return {
    unit: new Map(unitRows.map((u) => [u.id, u.nameTh])),
    person: new Map(people.map((p) => [p.id, p.name])),
  };
}

function view(a: ActionRow, n: Awaited<ReturnType<typeof names>>, today: string): ActionView {
  return {
    ...a,
    unitName: n.unit.get(a.unitId) ?? '',
    officerName: a.officerUserId ? (n.person.get(a.officerUserId) ?? null) : null,
    overdue: OPEN_ACTION_STATUSES.includes(a.status) && a.dueDate < today,
  };
}

/**
 * The year's plan for the executives' board: measures with their actions; measures with
 * overdue actions first (most overdue first), then the plan's order.
 */
export async function listMeasuresOfYear(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  today: string,
): Promise<MeasureView[]> {
  const q = scoped(db, agencyId);
  const list = await q.list(measures, eq(measures.fiscalYear, fiscalYear), [
    asc(measures.sortOrder),
    asc(measures.createdAt),
  ]);
  if (list.length === 0) return [];
  const n = await names(db, agencyId);
  const all = await q.list(
    actions,
    inArray(
      actions.measureId,
      list.map((m) => m.id),
    ),
    [asc(actions.sortOrder), asc(actions.createdAt)],
  );
  const result = list.map((m) => {
    const own = all.filter((a) => a.measureId === m.id).map((a) => view(a, n, today));
    own.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.sortOrder - b.sortOrder);
    // A cancelled step no longer counts towards the measure's progress.
    const counted = own.filter((a) => a.status !== 'cancelled');
    const percent = counted.length
      ? Math.round(counted.reduce((s, a) => s + a.percent, 0) / counted.length)
      : 0;
    return { ...m, actions: own, overdueCount: own.filter((a) => a.overdue).length, percent };
  });
  return result.sort((a, b) => b.overdueCount - a.overdueCount || a.sortOrder - b.sortOrder);
}

/** Actions assigned to the user, or to the user's unit when no officer is named. */
export async function listMyActions(
  db: DbOrTx,
  agencyId: string,
  userId: string,
  today: string,
): Promise<(ActionView & { measureTitle: string; fiscalYear: number })[]> {
  const q = scoped(db, agencyId);
  const member = await q.find(staff, eq(staff.userId, userId));
  const condition = member?.unitId
    ? or(eq(actions.officerUserId, userId), eq(actions.unitId, member.unitId))!
    : eq(actions.officerUserId, userId);
  const rows = await q.list(actions, condition, [asc(actions.dueDate)]);
  const measureRows = rows.length
    ? await q.list(
        measures,
        inArray(
          measures.id,
          rows.map((a) => a.measureId),
        ),
      )
    : [];
  const byId = new Map(measureRows.map((m) => [m.id, m]));
  const n = await names(db, agencyId);
  return rows
    .map((a) => ({
      ...view(a, n, today),
      measureTitle: byId.get(a.measureId)?.title ?? '',
      fiscalYear: byId.get(a.measureId)?.fiscalYear ?? 0,
    }))
    .sort(
      (a, b) =>
        Number(a.status === 'done') - Number(b.status === 'done') ||
        Number(b.overdue) - Number(a.overdue) ||
        a.dueDate.localeCompare(b.dueDate),
    );
}

/** Progress updates waiting for an executive, oldest first. */
export async function listPendingProgress(db: DbOrTx, agencyId: string) {
  const q = scoped(db, agencyId);
  const pending = await q.list(progressUpdates, eq(progressUpdates.state, 'pending'), [
    asc(progressUpdates.createdAt),
  ]);
  if (pending.length === 0) return [];
  const actionRows = await q.list(
    actions,
    inArray(
      actions.id,
      pending.map((p) => p.actionId),
    ),
  );
  const byId = new Map(actionRows.map((a) => [a.id, a]));
  return pending.map((p) => ({ ...p, stepText: byId.get(p.actionId)?.stepText ?? '' }));
}

/** One action with its measure and its progress updates (newest first) and their evidence. */
export async function getActionDetail(
  db: DbOrTx,
  agencyId: string,
  actionId: string,
  today: string,
) {
  if (!isUuid(actionId)) throw new NotFoundError();
  const q = scoped(db, agencyId);
  const action = await q.get(actions, eq(actions.id, actionId));
  const measure = await q.get(measures, eq(measures.id, action.measureId));
  const updates = await q.list(progressUpdates, eq(progressUpdates.actionId, actionId), [
    desc(progressUpdates.createdAt),
  ]);
  const files = updates.length
    ? await q.list(
        evidenceFiles,
        inArray(
          evidenceFiles.progressUpdateId,
          updates.map((u) => u.id),
        ),
      )
    : [];
  const n = await names(db, agencyId);
  return {
    action: view(action, n, today),
    measure,
    updates: updates.map((u) => ({
      ...u,
      files: files.filter((f) => f.progressUpdateId === u.id),
    })),
  };
}

/** One measure with its actions (for its page). */
export async function getMeasure(db: DbOrTx, agencyId: string, measureId: string, today: string) {
  if (!isUuid(measureId)) throw new NotFoundError();
  const measure = await scoped(db, agencyId).get(measures, eq(measures.id, measureId));
  const list = await listMeasuresOfYear(db, agencyId, measure.fiscalYear, today);
  return list.find((m) => m.id === measureId)!;
}

/** Staff of the agency, for the officer drop-down, in Thai order. */
export async function listStaffChoices(db: DbOrTx, agencyId: string) {
  const rows = await db
    .select({ id: users.id, name: users.displayName, email: users.email })
    .from(staff)
    .innerJoin(users, eq(users.id, staff.userId))
    .where(and(eq(staff.agencyId, agencyId)));
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/** An evidence file's record, for download by staff of the same agency. */
export function getEvidenceFile(db: DbOrTx, agencyId: string, fileId: string) {
  if (!isUuid(fileId)) throw new NotFoundError();
  return scoped(db, agencyId).get(evidenceFiles, eq(evidenceFiles.id, fileId));
}

/** The newest fiscal year in which the agency has measures, or null. */
export async function findLatestMeasureYear(db: DbOrTx, agencyId: string): Promise<number | null> {
  const [row] = await db
    .select({ year: max(measures.fiscalYear) })
    .from(measures)
    .where(scoped(db, agencyId).where(measures));
  return row?.year ?? null;
}

/**
 * The plan year the board opens on when none was picked: the newest year the agency has
 * measures in or would plan from its data (the year after its newest results or analysis: the
 * plan of N is built on the analysis of N-1, ita-framework.md section 7), else the current
 * fiscal year. A fresh agency that imported and analysed last year's results in December
 * therefore opens on this year's plan, not on last year's, which is over.
 */
export async function openingPlanYear(db: DbOrTx, agencyId: string, now: Date): Promise<number> {
  const [latest, assessmentYears] = await Promise.all([
    findLatestMeasureYear(db, agencyId),
    listAssessmentDataYears(db, agencyId),
  ]);
  return openingFiscalYear([latest, ...assessmentYears.map(planYearForAnalysis)], now);
}

/** Which analysis the plan of `planYear` is made from (N-1), and whether the agency wrote it. */
export async function findPlanSource(
  db: DbOrTx,
  agencyId: string,
  planYear: number,
): Promise<{ analysisYear: number; written: boolean }> {
  const analysisYear = analysisYearForPlan(planYear);
  return { analysisYear, written: (await findAnalysisByYear(db, agencyId, analysisYear)) !== null };
}

/** Every published version of a year's reports, newest version first within each kind. */
export async function listPublishedReports(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<PublishedReportRow[]> {
  return scoped(db, agencyId).list(publishedReports, eq(publishedReports.fiscalYear, fiscalYear), [
    asc(publishedReports.kind),
    desc(publishedReports.version),
  ]);
}

/** One published version of a report; without `version` the newest (what the site serves). */
export async function findPublishedReport(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  kind: ReportKind,
  version?: number,
): Promise<PublishedReportRow | null> {
  const rows = await scoped(db, agencyId).list(
    publishedReports,
    and(
      eq(publishedReports.fiscalYear, fiscalYear),
      eq(publishedReports.kind, kind),
      version === undefined ? undefined : eq(publishedReports.version, version),
    ),
    desc(publishedReports.version),
  );
  return rows[0] ?? null;
}
