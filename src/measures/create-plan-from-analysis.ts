import { and, eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { ValidationError } from '../core/errors.js';
import { listUnits } from '../core/agencies/units.js';
import {
  analysisYearForPlan,
  findAnalysisByYear,
  type StoredMeasureRow,
} from '../assessment/index.js';
import { actions, measures } from './schema.js';
import { FiscalYear } from './create-measure.js';
import { parseOrRefuse } from './check-action-input.js';
import { fiscalMonthEnd, fiscalMonthStart } from './fiscal-dates.js';

/** One measure of the analysis with where it sits (area, position) and its plan reference. */
interface AnalysisMeasure extends StoredMeasureRow {
  issueAreaCode: string;
  /** `analysis:<year>:<area>` for an area's first measure, `…:<n>` for its n-th. */
  sourceRef: string;
}

/**
 * The measures of the agency's own analysis of the year before the plan's, in the analysis's
 * order; refused with what to do when that analysis was not written yet.
 */
async function readAnalysisMeasures(
  ctx: AgencyContext,
  planYear: number,
): Promise<AnalysisMeasure[]> {
  const fiscalYear = analysisYearForPlan(planYear);
  const analysis = await findAnalysisByYear(ctx.db, ctx.agencyId, fiscalYear);
  if (!analysis) {
    throw new ValidationError('measures.errors.noAnalysis', {}, { analysisYear: fiscalYear });
  }
  return analysis.areas.flatMap((area) =>
    area.measures
      .filter((m) => m.measureTh.trim() !== '')
      .map((m, i) => ({
        ...m,
        issueAreaCode: area.areaCode,
        sourceRef: `analysis:${fiscalYear}:${area.areaCode}${i === 0 ? '' : `:${i + 1}`}`,
      })),
  );
}

/**
 * "สร้างแผนจากผลการวิเคราะห์": the plan of fiscal year N, one measure per measure of the agency's
 * own analysis of N-1's results (ita-framework.md section 7: the measures of year N are built on
 * the analysis of N-1; section 2 of the analysis, as its staff wrote it in the assessment
 * module) and one action per step
 * (ขั้นตอน), owned by the unit the analysis names. Steps are spread over the fiscal year in
 * order inside FY N, so no step is overdue the day it is made and the timeline shows a
 * sequence the officers can then adjust.
 * Idempotent: a measure already created from the same row is left alone.
 */
export async function createPlanFromAnalysis(ctx: AgencyContext, rawYear: number | string) {
  const fiscalYear = parseOrRefuse(FiscalYear, rawYear);
  const rowsOfAnalysis = await readAnalysisMeasures(ctx, fiscalYear);
  const unitList = await listUnits(ctx.db, ctx.agencyId);
  const unitByName = new Map(unitList.map((u) => [u.nameTh.replace(/\s+/g, ''), u]));
  for (const row of rowsOfAnalysis) {
    if (!unitByName.has(row.responsibleUnitTh.replace(/\s+/g, ''))) {
      throw new ValidationError(
        'measures.errors.analysisUnitMissing',
        {},
        {
          name: row.responsibleUnitTh,
        },
      );
    }
  }
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    let created = 0;
    let skipped = 0;
    for (const [index, row] of rowsOfAnalysis.entries()) {
      const { sourceRef } = row;
      const exists = await q.find(
        measures,
        and(eq(measures.fiscalYear, fiscalYear), eq(measures.sourceRef, sourceRef))!,
      );
      if (exists) {
        skipped++;
        continue;
      }
      const [measure] = await q.insert(measures, {
        fiscalYear,
        issueAreaCode: row.issueAreaCode,
        title: row.measureTh,
        methodText: row.methodsTh.join('\n'),
        monitoringText: row.timelineTh,
        source: 'analysis',
        sourceRef,
        sortOrder: index,
      });
      const unit = unitByName.get(row.responsibleUnitTh.replace(/\s+/g, ''))!;
      const n = row.stepsTh.length;
      const rows =
        n === 0
          ? []
          : await q.insert(
              actions,
              row.stepsTh.map((stepText, i) => {
                const first = Math.floor((i * 12) / n);
                const last = Math.min(11, Math.max(first + 2, Math.floor(((i + 1) * 12) / n) - 1));
                return {
                  measureId: measure!.id,
                  stepText,
                  unitId: unit.id,
                  startDate: fiscalMonthStart(fiscalYear, first),
                  dueDate: fiscalMonthEnd(fiscalYear, last),
                  sortOrder: i,
                };
              }),
            );
      await audit(tx, ctx, ctx.agencyId, {
        action: 'measures.plan.create-from-analysis',
        entityType: 'measure',
        entityId: measure!.id,
        after: { measure, actions: rows.length, sourceRef },
      });
      created++;
    }
    return { created, skipped };
  });
}
