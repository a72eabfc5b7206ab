import { defineModule } from '../core/module.js';
import { assessmentCommands } from './commands.js';
import { reportCommand } from './report-command.js';
import { en, th } from './i18n.js';
import { assessmentPublicRoutes } from './routes.public.js';
import { assessmentStaffRoutes } from './routes.staff.js';
import { seedAssessment } from './seed.js';
import { findAnalysis } from './queries.js';
import { importOfficialResults } from './import-official-results.js';
import { updateAnalysis } from './update-analysis.js';
import { startAnalysis } from './start-analysis.js';

/** ITA: frameworks as data, official results, weak questions, the analysis and its report. */
export const assessmentModule = defineModule({
  name: 'assessment',
  routes: { public: assessmentPublicRoutes, staff: assessmentStaffRoutes },
  permissions: {
    'assessment.read': ['agency_admin', 'executive', 'unit_officer'],
    // Unit officers also manage when the agency grants it (manage-rights.ts).
    'assessment.manage': ['agency_admin'],
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
      href: '/staff/assessment/frameworks/2566',
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
  commands: [...assessmentCommands, reportCommand],
  catalog: { th, en },
  seed: seedAssessment,
  isolationFixture: async (ctx) => {
    const marker = `ผลทดสอบแยก-${ctx.agencyId.slice(0, 8)}`;
    await importOfficialResults(ctx, {
      fiscalYear: 2567,
      fileName: `${marker}.csv`,
      bytes: new TextEncoder().encode(
        'indicator,score\n' + Array.from({ length: 10 }, (_, i) => `${i + 1},77.${i}1`).join('\n'),
      ),
    });
    await startAnalysis(ctx, { fiscalYear: 2567 });
    const analysis = await findAnalysis(ctx.db, ctx.agencyId, 2567);
    await updateAnalysis(ctx, 2567, {
      titleTh: marker,
      forewordTh: marker,
      resultSummaryTh: '',
      overviewTh: '',
      limitationsTh: '',
      useThaiDigits: analysis?.useThaiDigits ?? true,
    });
    return { params: { year: '2567', areaCode: 'operating-process' }, markers: [marker] };
  },
  disclosures: async ({ db, agencyId, agencySlug, fiscalYear }) => {
    const analysis = await findAnalysis(db, agencyId, fiscalYear);
    if (!analysis) return [];
    const base = `/a/${agencySlug}/assessment/${fiscalYear}/analysis-report`;
    return [
      {
        feed: 'assessment.analysis-report',
        title: analysis.titleTh,
        summary: `รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
        links: [
          { label: 'PDF', href: `${base}.pdf`, type: 'pdf' },
          { label: 'DOCX', href: `${base}.docx`, type: 'docx' },
        ],
        fiscalYear,
        updatedAt: analysis.updatedAt,
      },
    ];
  },
});
