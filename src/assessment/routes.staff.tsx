import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { formFields, requirePermission } from '../core/http/middleware.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { submitForm, type FormState } from '../core/http/form.js';
import { getFramework, listFrameworkYears } from './frameworks/load-frameworks.js';
import { diffFrameworks } from './diff-frameworks.js';
import { gatherReportData } from './gather-report-data.js';
import { ResultsFileRefusedError } from './import-official-results.js';
import { importStagedResults, stageOfficialResults } from './stage-official-results.js';
import { MAX_SCORE_FILE_BYTES, type ScoreFileError } from './parse-score-file.js';
import { openingFiscalYear } from '../core/i18n/thai-format.js';
import {
  findAnalysis,
  findWeakQuestionSettings,
  listAnalysisAreas,
  listAssessmentDataYears,
  listResultImports,
} from './queries.js';
import { defaultResultsYear } from './results-year.js';
import { startAnalysis } from './start-analysis.js';
import { AnalysisForm, updateAnalysis } from './update-analysis.js';
import { areaFromForm, updateAnalysisArea } from './update-analysis-area.js';
import { updateWeakQuestionSettings, WeakQuestionsForm } from './update-weak-question-settings.js';
import { renderItaAnalysisReport, reportFileName } from './documents/ita-analysis-report.js';
import { FrameworkPage, DiffPage } from './views/framework-pages.js';
import { DashboardPage } from './views/dashboard-page.js';
import { ImportPage, ImportPreviewPage } from './views/import-pages.js';
import { AnalysisAreaPage, AnalysisPage } from './views/analysis-pages.js';
import { PublishSection } from './views/publish-section.js';
import {
  findPublishedAnalysisReport,
  listPublishedAnalysisReports,
  publishAnalysisReport,
} from './publish-analysis-report.js';
import { can } from '../core/auth/permissions.js';
import { sendStoredFile, UPLOAD_TYPES } from '../core/files/index.js';
import { AssessmentSettingsPage } from './views/settings-page.js';
import {
  officersMayManage,
  requireAssessmentManage,
  setOfficersMayManage,
} from './manage-rights.js';
import { en, th } from './i18n.js';

/** A fiscal year with a framework file; anything else is "not found". */
function yearParam(c: Context<AppEnv>, name = 'year'): number {
  const year = Number(c.req.param(name) ?? c.req.query(name));
  if (!listFrameworkYears().includes(year)) throw new NotFoundError();
  return year;
}

/** The year a page opens on: the agency's newest assessment year, else the current one. */
async function openingYear(c: Context<AppEnv>): Promise<number> {
  const ctx = c.get('ctx');
  const years = await listAssessmentDataYears(ctx.db, ctx.agencyId);
  return openingFiscalYear(years, ctx.now(), listFrameworkYears());
}

/** The year the results import proposes: the newest that can have been scored (results-year.ts). */
async function importYear(c: Context<AppEnv>): Promise<number> {
  const ctx = c.get('ctx');
  const imported = (await listResultImports(ctx.db, ctx.agencyId)).map((r) => r.fiscalYear);
  return defaultResultsYear(ctx.now(), listFrameworkYears(), imported);
}
async function dashboardPage(c: Context<AppEnv>, year: number, weakForm?: FormState) {
  const ctx = c.get('ctx');
  const data = await gatherReportData(ctx.db, ctx.agencyId, year);
  const settings = await findWeakQuestionSettings(ctx.db, ctx.agencyId, year);
  return (
    <DashboardPage
      data={data}
      years={listFrameworkYears()}
      settings={settings}
      weakForm={weakForm}
    />
  );
}

async function analysisPage(c: Context<AppEnv>, year: number, form?: FormState) {
  const ctx = c.get('ctx');
  const [analysis, areas] = await Promise.all([
    findAnalysis(ctx.db, ctx.agencyId, year),
    listAnalysisAreas(ctx.db, ctx.agencyId, year),
  ]);
  return (
    <AnalysisPage
      fiscalYear={year}
      analysis={analysis}
      areas={areas}
      form={form}
      publish={await publishBox(c, year)}
    />
  );
}

async function areaPage(c: Context<AppEnv>, year: number, areaCode: string, form?: FormState) {
  const areas = await listAnalysisAreas(c.get('ctx').db, c.get('ctx').agencyId, year);
  const area = areas.find((a) => a.areaCode === areaCode);
  if (!area) throw new NotFoundError();
  return <AnalysisAreaPage fiscalYear={year} area={area} form={form} />;
}

/** Reads the upload form: year, stated level and the file (at most MAX_SCORE_FILE_BYTES). */
async function readUpload(c: Context<AppEnv>) {
  const body = await formFields(c);
  const fiscalYear = Number(body.fiscalYear);
  if (!listFrameworkYears().includes(fiscalYear)) {
    throw new ValidationError('errors.validation', { fiscalYear: 'form.required' });
  }
  const statedLevelTh = String(body.statedLevelTh ?? '')
    .trim()
    .slice(0, 100);
  let fileName = '';
  let bytes: Uint8Array<ArrayBuffer> | null = null;
  if (body.file instanceof File && body.file.size > 0) {
    fileName = body.file.name;
    // Oversized: a stand-in one byte over the limit, so the parser's own message is shown.
    bytes =
      body.file.size > MAX_SCORE_FILE_BYTES
        ? new Uint8Array(MAX_SCORE_FILE_BYTES + 1)
        : new Uint8Array(await body.file.arrayBuffer());
  }
  return { values: { fiscalYear, statedLevelTh }, fileName: fileName.slice(0, 255), bytes };
}

/** The refusal of an upload without a file (the parser's own errors have the same shape). */
const NO_FILE = {
  row: null,
  column: null,
  code: 'EMPTY' as const,
  messageTh: th.importPage.noFile,
  messageEn: en.importPage.noFile,
};

/** The import page again (422) with why the file was refused, the year and level kept. */
async function importRefused(
  c: Context<AppEnv>,
  errors: ScoreFileError[],
  values?: { fiscalYear: number; statedLevelTh: string },
  fileName?: string,
) {
  c.status(422);
  return c.render(
    <ImportPage
      years={listFrameworkYears()}
      values={values ?? { fiscalYear: await importYear(c), statedLevelTh: '' }}
      errors={errors}
      {...(fileName ? { fileName } : {})}
    />,
  );
}

async function sendReport(c: Context<AppEnv>, format: 'docx' | 'pdf') {
  const year = yearParam(c);
  const digits = c.req.query('digits');
  const bytes = await renderItaAnalysisReport(
    c.get('ctx').db,
    c.get('ctx').agencyId,
    year,
    format,
    {
      ...(digits === 'thai'
        ? { thaiDigits: true }
        : digits === 'arabic'
          ? { thaiDigits: false }
          : {}),
    },
  );
  const type =
    format === 'pdf'
      ? 'application/pdf'
      : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${reportFileName(c.get('agency')?.slug ?? 'agency', year, format)}"`,
  });
}

/** The analysis page's publication box: the published versions and, for the executive, the button. */
async function publishBox(c: Context<AppEnv>, year: number) {
  const ctx = c.get('ctx');
  return (
    <PublishSection
      fiscalYear={year}
      agencySlug={c.get('agency')?.slug ?? ''}
      published={await listPublishedAnalysisReports(ctx.db, ctx.agencyId, year)}
      canPublish={can(ctx.actor, 'assessment.publish')}
    />
  );
}

/** A published version's frozen file, for staff reading the history (never re-rendered). */
async function sendPublishedVersion(c: Context<AppEnv>, format: 'docx' | 'pdf') {
  const year = yearParam(c);
  const version = Number(c.req.param('version'));
  if (!Number.isInteger(version) || version < 1) throw new NotFoundError();
  const ctx = c.get('ctx');
  const row = await findPublishedAnalysisReport(ctx.db, ctx.agencyId, year, version);
  if (!row) throw new NotFoundError();
  return sendStoredFile(
    c,
    {
      sha256: format === 'pdf' ? row.pdfSha256 : row.docxSha256,
      fileName: `ita-analysis-${year}-v${version}.${format}`,
      mediaType: UPLOAD_TYPES[format].mediaType,
    },
    { cacheControl: 'private, no-store' },
  );
}

/** Back office of the ITA: frameworks, results import, dashboard, analysis, report. */
export const assessmentStaffRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('assessment.read'), async (c) =>
    c.redirect(`/staff/assessment/years/${await openingYear(c)}`, 302),
  )
  .get('/frameworks', requirePermission('assessment.read'), async (c) =>
    c.redirect(`/staff/assessment/frameworks/${await openingYear(c)}`, 302),
  )
  .get('/frameworks/:year', requirePermission('assessment.read'), (c) =>
    c.render(<FrameworkPage framework={getFramework(yearParam(c))} years={listFrameworkYears()} />),
  )
  .get('/diff', requirePermission('assessment.read'), (c) => {
    const years = listFrameworkYears();
    const from = Number(c.req.query('from') ?? years[0]);
    const to = Number(c.req.query('to') ?? years[1]);
    if (!years.includes(from) || !years.includes(to)) throw new NotFoundError();
    return c.render(
      <DiffPage diff={diffFrameworks(getFramework(from), getFramework(to))} years={years} />,
    );
  })
  .get('/settings', requirePermission('assessment.manage'), async (c) => {
    const ctx = c.get('ctx');
    const allowed = await officersMayManage(ctx.db, ctx.agencyId);
    return c.render(<AssessmentSettingsPage officersMayManage={allowed} />);
  })
  .post('/settings', requirePermission('assessment.manage'), (c) =>
    submitForm(c, {
      schema: z.object({ officersMayManage: z.string().optional() }),
      run: (input) => setOfficersMayManage(c.get('ctx'), input.officersMayManage === 'on'),
      redirect: () => '/staff/assessment/settings?notice=assessment.notice.settingsSaved',
      page: (form) => (
        <AssessmentSettingsPage officersMayManage={form.values.officersMayManage === 'on'} />
      ),
    }),
  )
  .get('/import', requireAssessmentManage, async (c) =>
    c.render(
      <ImportPage
        years={listFrameworkYears()}
        values={{ fiscalYear: await importYear(c), statedLevelTh: '' }}
      />,
    ),
  )
  .post('/import/preview', requireAssessmentManage, async (c) => {
    const { values, fileName, bytes } = await readUpload(c);
    if (!bytes) return importRefused(c, [NO_FILE], values);
    const preview = await stageOfficialResults(c.get('ctx'), {
      ...values,
      fileName: fileName || 'results',
      bytes,
    });
    if (!preview.ok || !preview.stagedId) {
      return importRefused(c, preview.ok ? [] : preview.errors, values, fileName);
    }
    const { stagedId } = preview;
    return c.render(<ImportPreviewPage {...{ preview, values, fileName, stagedId }} />);
  })
  .post('/import/confirm', requireAssessmentManage, async (c) => {
    const body = await formFields(c);
    try {
      const row = await importStagedResults(c.get('ctx'), String(body.stagedId ?? ''));
      const notice = 'assessment.notice.imported';
      return c.redirect(`/staff/assessment/years/${row.fiscalYear}?notice=${notice}`, 303);
    } catch (error) {
      if (!(error instanceof ResultsFileRefusedError)) throw error;
      return importRefused(c, error.errors);
    }
  })
  .get('/years/:year', requirePermission('assessment.read'), async (c) =>
    c.render(await dashboardPage(c, yearParam(c))),
  )
  .post('/years/:year/weak-questions', requireAssessmentManage, async (c) => {
    const year = yearParam(c);
    return submitForm(c, {
      schema: WeakQuestionsForm,
      run: (input) => updateWeakQuestionSettings(c.get('ctx'), year, input),
      redirect: () =>
        `/staff/assessment/years/${year}?notice=assessment.notice.weakSaved#weak-questions`,
      page: (form) => dashboardPage(c, year, form),
    });
  })
  .get('/years/:year/report.docx', requirePermission('assessment.read'), (c) =>
    sendReport(c, 'docx'),
  )
  .get('/years/:year/report.pdf', requirePermission('assessment.read'), (c) => sendReport(c, 'pdf'))
  .get('/years/:year/analysis', requirePermission('assessment.read'), async (c) =>
    c.render(await analysisPage(c, yearParam(c))),
  )
  .post('/years/:year/analysis/publish', requirePermission('assessment.publish'), async (c) => {
    const year = yearParam(c);
    await publishAnalysisReport(c.get('ctx'), year, { dataDir: c.get('config').dataDir });
    return c.redirect(
      `/staff/assessment/years/${year}/analysis?notice=assessment.publish.published#publish`,
      303,
    );
  })
  .get(
    '/years/:year/analysis/versions/:version/report.pdf',
    requirePermission('assessment.read'),
    (c) => sendPublishedVersion(c, 'pdf'),
  )
  .get(
    '/years/:year/analysis/versions/:version/report.docx',
    requirePermission('assessment.read'),
    (c) => sendPublishedVersion(c, 'docx'),
  )
  .post('/years/:year/analysis/start', requireAssessmentManage, async (c) => {
    const year = yearParam(c);
    await startAnalysis(c.get('ctx'), { fiscalYear: year });
    return c.redirect(
      `/staff/assessment/years/${year}/analysis?notice=assessment.notice.analysisStarted`,
      303,
    );
  })
  .post('/years/:year/analysis', requireAssessmentManage, async (c) => {
    const year = yearParam(c);
    return submitForm(c, {
      schema: AnalysisForm,
      run: (input) => updateAnalysis(c.get('ctx'), year, input),
      redirect: () =>
        `/staff/assessment/years/${year}/analysis?notice=assessment.notice.analysisSaved`,
      page: (form) => analysisPage(c, year, form),
    });
  })
  .get('/years/:year/analysis/areas/:areaCode', requirePermission('assessment.read'), async (c) =>
    c.render(await areaPage(c, yearParam(c), c.req.param('areaCode'))),
  )
  .post('/years/:year/analysis/areas/:areaCode', requireAssessmentManage, async (c) => {
    const year = yearParam(c);
    const areaCode = c.req.param('areaCode');
    return submitForm(c, {
      schema: z.object({}),
      run: (_, sent) => updateAnalysisArea(c.get('ctx'), year, areaCode, areaFromForm(sent.values)),
      redirect: () => `/staff/assessment/years/${year}/analysis?notice=assessment.notice.areaSaved`,
      page: (form) => areaPage(c, year, areaCode, form),
    });
  });
