import { defineModule } from '../core/module.js';
import { assessmentCommands } from './commands.js';
import { reportCommand } from './report-command.js';
import { frameworkCommand } from './framework-command.js';
import { en, th } from './i18n.js';
import { assessmentPublicRoutes } from './routes.public.js';
import { assessmentStaffRoutes } from './routes.staff.js';
import { assessmentAdminRoutes } from './routes.admin.js';
import { loadImportedFrameworks } from './framework-versions.js';
import { seedAssessment } from './seed.js';
import { findAnalysis } from './queries.js';
import { importOfficialResults } from './import-official-results.js';
import { updateAnalysis } from './update-analysis.js';
import { startAnalysis } from './start-analysis.js';
import { MAX_SCORE_FILE_BYTES } from './parse-score-file.js';
import { findPublishedAnalysisReport } from './publish-analysis-report.js';
import { listFrameworkYears } from './frameworks/load-frameworks.js';
import { openingFiscalYear } from '../core/i18n/thai-format.js';
import { analysisYearForPlan } from './analysis-year.js';

/** ITA: frameworks as data, official results, weak questions, the analysis and its report. */
export const assessmentModule = defineModule({
  name: 'assessment',
  // A score file is at most 2 MB: a larger upload is refused before it is read or parsed.
  uploadLimits: { '/staff/assessment/import/': MAX_SCORE_FILE_BYTES + 64 * 1024 },
  routes: {
    public: assessmentPublicRoutes,
    staff: assessmentStaffRoutes,
    admin: assessmentAdminRoutes,
  },
  // Imported frameworks live in the database and take precedence over the shipped files.
  start: loadImportedFrameworks,
  permissions: {
    'assessment.read': ['agency_admin', 'executive', 'unit_officer'],
    // Unit officers also manage when the agency grants it (manage-rights.ts).
    'assessment.manage': ['agency_admin'],
    /** Publishing the annual analysis report to the public site is the executive's act. */
    'assessment.publish': ['executive'],
  },
  nav: [
    {
      audience: 'staff',
      href: '/staff/assessment',
      label: 'assessment.nav.dashboard',
      permission: 'assessment.read',
      order: 10,
    },
    {
      audience: 'staff',
      href: '/staff/assessment/import',
      label: 'assessment.nav.import',
      permission: 'assessment.manage',
      order: 11,
    },
    {
      audience: 'staff',
      href: '/staff/assessment/frameworks',
      label: 'assessment.nav.frameworks',
      permission: 'assessment.read',
      order: 12,
    },
    {
      audience: 'staff',
      href: '/staff/assessment/settings',
      label: 'assessment.nav.settings',
      permission: 'assessment.manage',
      order: 13,
    },
  ],
  commands: [...assessmentCommands, reportCommand, frameworkCommand],
  catalog: { th, en },
  seed: seedAssessment,
  isolationFixture: async (ctx) => {
    const marker = `ผลทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    const year = openingFiscalYear([], ctx.now(), listFrameworkYears());
    await importOfficialResults(ctx, {
      fiscalYear: year,
      fileName: `${marker}.csv`,
      bytes: new TextEncoder().encode(
        'indicator,score\n' + Array.from({ length: 10 }, (_, i) => `${i + 1},77.${i}1`).join('\n'),
      ),
    });
    await startAnalysis(ctx, { fiscalYear: year });
    const analysis = await findAnalysis(ctx.db, ctx.agencyId, year);
    await updateAnalysis(ctx, year, {
      titleTh: marker,
      forewordTh: marker,
      resultSummaryTh: '',
      overviewTh: '',
      limitationsTh: '',
      useThaiDigits: analysis?.useThaiDigits ?? true,
    });
    return {
      params: { year: String(year), areaCode: 'operating-process', version: '1' },
      markers: [marker],
    };
  },
  /**
   * The analysis report once an executive published it (a draft is never fed to the site). The
   * OIT of year N asks for the analysis of N-1's results, the one its measures are built on
   * (analysis-year.ts), so the report is filed under year N and keeps its own year in its links.
   */
  disclosures: async ({ db, agencyId, agencySlug, fiscalYear: oitYear }) => {
    const fiscalYear = analysisYearForPlan(oitYear);
    const published = await findPublishedAnalysisReport(db, agencyId, fiscalYear);
    if (!published) return [];
    const base = `/a/${agencySlug}/assessment/${fiscalYear}/analysis-report`;
    return [
      {
        feed: 'assessment.analysis-report',
        title: published.title,
        summary: `รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
        links: [
          { label: 'PDF', href: `${base}.pdf`, type: 'pdf' },
          { label: 'DOCX', href: `${base}.docx`, type: 'docx' },
        ],
        fiscalYear: oitYear,
        updatedAt: published.publishedAt,
      },
    ];
  },
});
