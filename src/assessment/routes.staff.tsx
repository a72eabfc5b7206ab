import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { formFields, requirePermission } from '../core/http/middleware.js';
import { readForm } from '../core/http/form.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { submitForm, type FormState } from '../core/http/form.js';
import {
  normalizeTypedNumber,
  typedInteger,
  typedNumber,
} from '../core/validation/typed-number.js';
import { getFramework, listFrameworkYears } from './frameworks/load-frameworks.js';
import { diffFrameworks } from './diff-frameworks.js';
import { gatherReportData } from './gather-report-data.js';
import { ResultsFileRefusedError } from './import-official-results.js';
import { importStagedResults, stageOfficialResults } from './stage-official-results.js';
import { MAX_SCORE_FILE_BYTES } from './parse-score-file.js';
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
import { updateAnalysis, UpdateAnalysisInput } from './update-analysis.js';
import { updateAnalysisArea } from './update-analysis-area.js';
import { updateWeakQuestionSettings } from './update-weak-question-settings.js';
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
const codes = (text: unknown) =>
  String(text ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
const lines = (text: unknown) =>
  String(text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const codeList = z
  .string()
  .default('')
  .transform(codes)
  .pipe(z.array(z.string().regex(/^[ie][1-9][0-9]*$/, 'assessment.weak.badCode')).max(100));
const Threshold = typedNumber(z.coerce.number().min(0).max(100));
const PerIndicator = typedInteger({ min: 1, max: 30 });

/**
 * The weak-question form: the rule's one number that matters (threshold or n, Thai digits
 * accepted) is checked under its own field name, so the message sits next to its input.
 */
const WeakQuestionsForm = z
  .object({
    kind: z.enum(['below', 'lowestPerIndicator']).catch('below'),
    threshold: z.string().default(''),
    n: z.string().default(''),
    addedCodes: codeList,
    removedCodes: codeList,
  })
  .superRefine((f, ctx) => {
    const field = f.kind === 'below' ? 'threshold' : 'n';
    const parsed = (f.kind === 'below' ? Threshold : PerIndicator).safeParse(f[field]);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', path: [field], message: parsed.error.issues[0]!.message });
    }
  })
  .transform((f) => ({
    rule:
      f.kind === 'below'
        ? { kind: 'below' as const, threshold: Number(normalizeTypedNumber(f.threshold)) }
        : { kind: 'lowestPerIndicator' as const, n: Number(normalizeTypedNumber(f.n)) },
    addedCodes: f.addedCodes,
    removedCodes: f.removedCodes,
  }));

/** The analysis form: the use case's own rules, with the checkbox read as a boolean. */
const AnalysisForm = z.preprocess(
  // A text left out of the request (a client posting only the title) reads as empty, as an
  // empty textarea does, rather than as an error on a field the user never saw.
  (raw) => ({
    forewordTh: '',
    resultSummaryTh: '',
    overviewTh: '',
    limitationsTh: '',
    ...(raw as object),
  }),
  UpdateAnalysisInput.extend({ useThaiDigits: z.unknown().transform((v) => v === '1') }),
);

/** The measure rows of an issue-area form (`measures.<i>.<field>`), blank rows dropped. */
function areaInput(body: Record<string, unknown>) {
  const measures: {
    measureTh: string;
    methodsTh: string[];
    stepsTh: string[];
    responsibleUnitTh: string;
    timelineTh: string;
  }[] = [];
  for (let i = 0; i < 40 && `measures.${i}.measureTh` in body; i++) {
    const field = (name: string) => String(body[`measures.${i}.${name}`] ?? '').trim();
    if (!field('measureTh')) continue;
    measures.push({
      measureTh: field('measureTh'),
      methodsTh: lines(field('methodsTh')),
      stepsTh: lines(field('stepsTh')),
      responsibleUnitTh: field('responsibleUnitTh'),
      timelineTh: field('timelineTh'),
    });
  }
  return {
    findingsTh: lines(body.findingsTh),
    improvementsTh: lines(body.improvementsTh),
    measures,
  };
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
  .post('/settings', requirePermission('assessment.manage'), async (c) => {
    const form = await readForm(c, z.object({ officersMayManage: z.string().optional() }));
    await setOfficersMayManage(c.get('ctx'), form.ok && form.data.officersMayManage === 'on');
    return c.redirect('/staff/assessment/settings?notice=assessment.notice.settingsSaved', 303);
  })
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
    const years = listFrameworkYears();
    if (!bytes) {
      const errors = [
        {
          row: null,
          column: null,
          code: 'EMPTY' as const,
          messageTh: 'กรุณาเลือกไฟล์',
          messageEn: 'no file',
        },
      ];
      return (
        c.status(422),
        c.render(<ImportPage years={years} values={values} errors={errors} />)
      );
    }
    const preview = await stageOfficialResults(c.get('ctx'), {
      ...values,
      fileName: fileName || 'results',
      bytes,
    });
    if (!preview.ok || !preview.stagedId) {
      return (
        c.status(422),
        c.render(
          <ImportPage
            years={years}
            values={values}
            errors={preview.ok ? [] : preview.errors}
            fileName={fileName}
          />,
        )
      );
    }
    return c.render(
      <ImportPreviewPage
        preview={preview}
        values={values}
        fileName={fileName}
        stagedId={preview.stagedId}
      />,
    );
  })
  .post('/import/confirm', requireAssessmentManage, async (c) => {
    const body = await formFields(c);
    try {
      const row = await importStagedResults(c.get('ctx'), String(body.stagedId ?? ''));
      return c.redirect(
        `/staff/assessment/years/${row.fiscalYear}?notice=assessment.notice.imported`,
        303,
      );
    } catch (error) {
      if (!(error instanceof ResultsFileRefusedError)) throw error;
      return (
        c.status(422),
        c.render(
          <ImportPage
            years={listFrameworkYears()}
            values={{ fiscalYear: await importYear(c), statedLevelTh: '' }}
            errors={error.errors}
          />,
        )
      );
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
      run: (_, sent) => updateAnalysisArea(c.get('ctx'), year, areaCode, areaInput(sent.values)),
      redirect: () => `/staff/assessment/years/${year}/analysis?notice=assessment.notice.areaSaved`,
      page: (form) => areaPage(c, year, areaCode, form),
    });
  });
