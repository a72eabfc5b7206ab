import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { agencies } from '../core/agencies/schema.js';
import { NotFoundError } from '../core/errors.js';
import { getFramework } from './frameworks/load-frameworks.js';
import type { ItaFramework } from './frameworks/framework-schema.js';
import { flagWeakQuestions, type WeakQuestionsByArea } from './flag-weak-questions.js';
import {
  findAnalysis,
  findWeakQuestionSettings,
  listAnalysisAreas,
  listOfficialResults,
  type AnalysisAreaRow,
  type AnalysisRow,
  type OfficialResultRow,
} from './queries.js';
import { compareStatedLevel, type StatedLevelComparison } from './result-level.js';

/** Everything the annual report and the dashboard show for one agency and fiscal year. */
export interface ReportData {
  agency: typeof agencies.$inferSelect;
  fiscalYear: number;
  framework: ItaFramework;
  result: OfficialResultRow | null;
  /** The official result of every year, ascending (year-over-year charts). */
  history: OfficialResultRow[];
  previous: OfficialResultRow | null;
  comparison: StatedLevelComparison | null;
  analysis: AnalysisRow | null;
  areas: AnalysisAreaRow[];
  weak: WeakQuestionsByArea;
}

/**
 * Reads, in one place, what the report needs: the agency, the year's official result and
 * every earlier one, the analysis and its areas, and the weak questions by the year's rule.
 * Throws NotFoundError when the agency does not exist.
 */
export async function gatherReportData(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
): Promise<ReportData> {
  const framework = getFramework(fiscalYear);
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new NotFoundError();
  const [history, analysis, areas, settings] = await Promise.all([
    listOfficialResults(db, agencyId),
    findAnalysis(db, agencyId, fiscalYear),
    listAnalysisAreas(db, agencyId, fiscalYear),
    findWeakQuestionSettings(db, agencyId, fiscalYear),
  ]);
  const result = history.find((r) => r.fiscalYear === fiscalYear) ?? null;
  const previous = [...history].reverse().find((r) => r.fiscalYear < fiscalYear) ?? null;
  const comparison =
    result?.statedLevelTh != null
      ? compareStatedLevel(
          {
            tools: result.toolScores,
            total: result.total,
            level: levelOf(framework, result.levelCode),
          },
          result.statedLevelTh,
          framework,
        )
      : null;
  const weak = flagWeakQuestions(framework, result?.questionScores ?? [], settings.rule, {
    add: settings.addedCodes,
    remove: settings.removedCodes,
  });
  return {
    agency,
    fiscalYear,
    framework,
    result,
    history,
    previous,
    comparison,
    analysis,
    areas,
    weak,
  };
}

function levelOf(framework: ItaFramework, code: string) {
  const level = framework.resultLevels.levels.find((l) => l.code === code);
  return level
    ? { code: level.code, labelTh: level.labelTh, labelEn: level.labelEn }
    : { code, labelTh: code, labelEn: code };
}
