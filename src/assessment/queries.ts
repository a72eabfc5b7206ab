import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import {
  assessmentAnalyses,
  assessmentAnalysisAreas,
  assessmentResults,
  assessmentWeakQuestionSettings,
} from './schema.js';
import type { WeakQuestionRule } from './flag-weak-questions.js';

export type OfficialResultRow = typeof assessmentResults.$inferSelect;
export type AnalysisRow = typeof assessmentAnalyses.$inferSelect;
export type AnalysisAreaRow = typeof assessmentAnalysisAreas.$inferSelect;

/** The rule used until staff choose one: questions below 100 (the seed discusses every loss). */
export const DEFAULT_WEAK_RULE: WeakQuestionRule = { kind: 'below', threshold: 100 };

/** Every import of this agency, newest first (the history of one year included). */
export async function listResultImports(db: DbOrTx, agencyId: string) {
  return scoped(db, agencyId).list(assessmentResults, undefined, [
    desc(assessmentResults.fiscalYear),
    desc(assessmentResults.importedAt),
  ]);
}

/**
 * The official result of each fiscal year: the newest import per year, ascending by year.
 */
export async function listOfficialResults(
  db: DbOrTx,
  agencyId: string,
): Promise<OfficialResultRow[]> {
  const all = await listResultImports(db, agencyId);
  const byYear = new Map<number, OfficialResultRow>();
  for (const row of all) if (!byYear.has(row.fiscalYear)) byYear.set(row.fiscalYear, row);
  return [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/** The newest import of one fiscal year, or null when none was imported. */
export async function findOfficialResult(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<OfficialResultRow | null> {
  const rows = await scoped(db, agencyId).list(
    assessmentResults,
    eq(assessmentResults.fiscalYear, fiscalYear),
    desc(assessmentResults.importedAt),
  );
  return rows[0] ?? null;
}

/** The weak-question rule and manual edits of a year (the default rule when never set). */
export async function findWeakQuestionSettings(db: DbOrTx, agencyId: string, fiscalYear: number) {
  const row = await scoped(db, agencyId).find(
    assessmentWeakQuestionSettings,
    eq(assessmentWeakQuestionSettings.fiscalYear, fiscalYear),
  );
  return (
    row ?? { rule: DEFAULT_WEAK_RULE, addedCodes: [] as string[], removedCodes: [] as string[] }
  );
}

/** The analysis texts of a year, or null when not started. */
export async function findAnalysis(db: DbOrTx, agencyId: string, fiscalYear: number) {
  return scoped(db, agencyId).find(
    assessmentAnalyses,
    eq(assessmentAnalyses.fiscalYear, fiscalYear),
  );
}

/** The issue areas of a year's analysis, in their printed order. */
export async function listAnalysisAreas(db: DbOrTx, agencyId: string, fiscalYear: number) {
  return scoped(db, agencyId).list(
    assessmentAnalysisAreas,
    and(eq(assessmentAnalysisAreas.fiscalYear, fiscalYear)),
    asc(assessmentAnalysisAreas.no),
  );
}

/** The fiscal years this agency has assessment data for (an imported result or an analysis). */
export async function listAssessmentDataYears(db: DbOrTx, agencyId: string): Promise<number[]> {
  const q = scoped(db, agencyId);
  const [results, analyses] = await Promise.all([
    q.list(assessmentResults),
    q.list(assessmentAnalyses),
  ]);
  return [...new Set([...results, ...analyses].map((r) => r.fiscalYear))].sort((a, b) => a - b);
}
