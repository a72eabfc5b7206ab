import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { agencies } from '../core/agencies/schema.js';
import { getFramework } from './frameworks/load-frameworks.js';
import { flagWeakQuestions } from './flag-weak-questions.js';
import { fillTemplate, getRecommendationLibrary, staffTitleTh } from './library/load-library.js';
import { findAnalysis, findOfficialResult, findWeakQuestionSettings } from './queries.js';
import { assessmentAnalyses, assessmentAnalysisAreas, type StoredMeasureRow } from './schema.js';

/**
 * Creates the year's analysis from the agency's own results so staff edit rather than type: one
 * section per issue area with the weak questions' findings, the library's recommendations and
 * its measure template filled with the agency's name. Does nothing when the year already has an
 * analysis. (The demo agency's published analysis is loaded by its seed, never here.)
 */
export async function startAnalysis(
  ctx: AgencyContext,
  input: { fiscalYear: number; isDemo?: boolean },
): Promise<{ created: boolean }> {
  const { fiscalYear } = input;
  const framework = getFramework(fiscalYear);
  return ctx.db.transaction(async (tx) => {
    if (await findAnalysis(tx, ctx.agencyId, fiscalYear)) return { created: false };
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, ctx.agencyId));
    const q = scoped(tx, ctx.agencyId);
    {
      const library = getRecommendationLibrary();
      const values: Record<string, string> = {
        agencyName: agency?.nameTh ?? '',
        websiteUrl: agency?.contact.website ?? '',
        email: agency?.contact.email ?? '',
        fiscalYear: String(fiscalYear),
        staffTitle: agency ? staffTitleTh(agency) : 'บุคลากร',
      };
      const result = await findOfficialResult(tx, ctx.agencyId, fiscalYear);
      const settings = await findWeakQuestionSettings(tx, ctx.agencyId, fiscalYear);
      const weak = flagWeakQuestions(framework, result?.questionScores ?? [], settings.rule, {
        add: settings.addedCodes,
        remove: settings.removedCodes,
      });
      const issueOf = new Map(library.questions.map((x) => [x.code, x.issueTh]));
      const textOf = new Map(
        [...framework.iitQuestions, ...framework.eitQuestions].map((x) => [x.code, x.textTh]),
      );
      await q.insert(assessmentAnalyses, {
        fiscalYear,
        titleTh: `รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ปีงบประมาณ พ.ศ. ${fiscalYear}`,
        forewordTh: '',
        limitationsTh: '',
        isDemo: input.isDemo ?? false,
      });
      await q.insert(
        assessmentAnalysisAreas,
        weak.areas.map((area) => {
          const template = library.issueAreas.find((a) => a.code === area.code);
          const fill = (s: string) => fillTemplate(s, values);
          // An area with no weak question needs no measure: none is invented for it.
          const measures: StoredMeasureRow[] =
            template && area.questions.length > 0
              ? [
                  {
                    measureTh: fill(template.measureTemplate.measureTh),
                    methodsTh: template.measureTemplate.methodsTh.map(fill),
                    stepsTh: template.measureTemplate.stepsTh.map(fill),
                    responsibleUnitTh: template.measureTemplate.responsibleUnitTh,
                    timelineTh: fill(template.measureTemplate.timelineTh),
                  },
                ]
              : [];
          return {
            fiscalYear,
            areaCode: area.code,
            no: area.no,
            nameTh: area.nameTh,
            findingsTh: area.questions.map((wq) =>
              `${wq.code} ${issueOf.get(wq.code) ?? textOf.get(wq.code) ?? ''}`.trim(),
            ),
            improvementsTh: (template?.recommendationsTh ?? []).map(fill),
            measures,
          };
        }),
      );
    }
    await audit(tx, ctx, ctx.agencyId, {
      action: 'assessment.analysis.start',
      entityType: 'assessment_analysis',
      entityId: String(fiscalYear),
      after: { fiscalYear },
    });
    return { created: true };
  });
}
