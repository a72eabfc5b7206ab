import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { formFields, requirePermission } from '../core/http/middleware.js';
import { readForm } from '../core/http/form.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { getFramework, listFrameworkYears } from './frameworks/load-frameworks.js';
import { diffFrameworks } from './diff-frameworks.js';
import { gatherReportData } from './gather-report-data.js';
import {
  importOfficialResults,
  previewOfficialResults,
  ResultsFileRefusedError,
} from './import-official-results.js';
import { MAX_SCORE_FILE_BYTES } from './parse-score-file.js';
import { findAnalysis, findWeakQuestionSettings, listAnalysisAreas } from './queries.js';
import { startAnalysis } from './start-analysis.js';
import { updateAnalysis, UpdateAnalysisInput } from './update-analysis.js';
import { updateAnalysisArea } from './update-analysis-area.js';
import { updateWeakQuestionSettings } from './update-weak-question-settings.js';
import { renderItaAnalysisReport, reportFileName } from './documents/ita-analysis-report.js';
import { FrameworkPage, DiffPage } from './views/framework-pages.js';
import { DashboardPage } from './views/dashboard-page.js';
import { ImportPage, ImportPreviewPage } from './views/import-pages.js';
import { AnalysisAreaPage, AnalysisPage } from './views/analysis-pages.js';
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

const latestYear = () => Math.max(...listFrameworkYears().filter((y) => y <= 2566), 2566);
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

/** Reads the upload form; the file is either the upload or the preview's base64 copy. */
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
    bytes =
      body.file.size > MAX_SCORE_FILE_BYTES
        ? new Uint8Array(MAX_SCORE_FILE_BYTES + 1)
        : new Uint8Array(await body.file.arrayBuffer());
  } else if (typeof body.fileBase64 === 'string' && body.fileBase64) {
    fileName = String(body.fileName ?? 'results');
    bytes = new Uint8Array(Buffer.from(body.fileBase64, 'base64'));
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

/** Back office of the ITA: frameworks, results import, dashboard, analysis, report. */
export const assessmentStaffRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('assessment.read'), (c) =>
    c.redirect(`/staff/assessment/years/${latestYear()}`, 302),
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
  .get('/import', requireAssessmentManage, (c) =>
    c.render(
      <ImportPage
        years={listFrameworkYears()}
        values={{ fiscalYear: latestYear(), statedLevelTh: '' }}
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
    const preview = await previewOfficialResults({
      ...values,
      fileName: fileName || 'results',
      bytes,
    });
    if (!preview.ok) {
      return (
        c.status(422),
        c.render(
          <ImportPage years={years} values={values} errors={preview.errors} fileName={fileName} />,
        )
      );
    }
    const fileBase64 = Buffer.from(bytes).toString('base64');
    return c.render(
      <ImportPreviewPage
        preview={preview}
        values={values}
        fileName={fileName}
        fileBase64={fileBase64}
      />,
    );
  })
  .post('/import/confirm', requireAssessmentManage, async (c) => {
    const { values, fileName, bytes } = await readUpload(c);
    if (!bytes) throw new ValidationError('assessment.import.noFile');
    try {
      await importOfficialResults(c.get('ctx'), {
        ...values,
        fileName: fileName || 'results',
        bytes,
      });
    } catch (error) {
      if (!(error instanceof ResultsFileRefusedError)) throw error;
      return (
        c.status(422),
        c.render(
          <ImportPage
            years={listFrameworkYears()}
            values={values}
            errors={error.errors}
            fileName={fileName}
          />,
        )
      );
    }
    return c.redirect(
      `/staff/assessment/years/${values.fiscalYear}?notice=assessment.notice.imported`,
      303,
    );
  })
  .get('/years/:year', requirePermission('assessment.read'), async (c) => {
    const year = yearParam(c);
    const ctx = c.get('ctx');
    const data = await gatherReportData(ctx.db, ctx.agencyId, year);
    const settings = await findWeakQuestionSettings(ctx.db, ctx.agencyId, year);
    return c.render(<DashboardPage data={data} years={listFrameworkYears()} settings={settings} />);
  })
  .post('/years/:year/weak-questions', requireAssessmentManage, async (c) => {
    const year = yearParam(c);
    const body = await formFields(c);
    const rule =
      body.kind === 'lowestPerIndicator'
        ? { kind: 'lowestPerIndicator' as const, n: Number(body.n) }
        : { kind: 'below' as const, threshold: Number(body.threshold) };
    const parsed = z
      .object({ rule: z.any(), addedCodes: z.array(z.string()), removedCodes: z.array(z.string()) })
      .parse({ rule, addedCodes: codes(body.addedCodes), removedCodes: codes(body.removedCodes) });
    await updateWeakQuestionSettings(c.get('ctx'), year, parsed);
    return c.redirect(`/staff/assessment/years/${year}?notice=assessment.notice.weakSaved`, 303);
  })
  .get('/years/:year/report.docx', requirePermission('assessment.read'), (c) =>
    sendReport(c, 'docx'),
  )
  .get('/years/:year/report.pdf', requirePermission('assessment.read'), (c) => sendReport(c, 'pdf'))
  .get('/years/:year/analysis', requirePermission('assessment.read'), async (c) => {
    const year = yearParam(c);
    const ctx = c.get('ctx');
    const [analysis, areas] = await Promise.all([
      findAnalysis(ctx.db, ctx.agencyId, year),
      listAnalysisAreas(ctx.db, ctx.agencyId, year),
    ]);
    return c.render(<AnalysisPage fiscalYear={year} analysis={analysis} areas={areas} />);
  })
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
    const body = await formFields(c);
    const parsed = UpdateAnalysisInput.safeParse({
      titleTh: body.titleTh ?? '',
      forewordTh: body.forewordTh ?? '',
      resultSummaryTh: body.resultSummaryTh ?? '',
      overviewTh: body.overviewTh ?? '',
      limitationsTh: body.limitationsTh ?? '',
      useThaiDigits: body.useThaiDigits === '1',
    });
    if (!parsed.success) {
      const ctx = c.get('ctx');
      const errors = Object.fromEntries(
        parsed.error.issues.map((i) => [String(i.path[0]), i.message]),
      );
      const [analysis, areas] = await Promise.all([
        findAnalysis(ctx.db, ctx.agencyId, year),
        listAnalysisAreas(ctx.db, ctx.agencyId, year),
      ]);
      return (
        c.status(422),
        c.render(
          <AnalysisPage fiscalYear={year} analysis={analysis} areas={areas} errors={errors} />,
        )
      );
    }
    await updateAnalysis(c.get('ctx'), year, parsed.data);
    return c.redirect(
      `/staff/assessment/years/${year}/analysis?notice=assessment.notice.analysisSaved`,
      303,
    );
  })
  .get('/years/:year/analysis/areas/:areaCode', requirePermission('assessment.read'), async (c) => {
    const year = yearParam(c);
    const areas = await listAnalysisAreas(c.get('ctx').db, c.get('ctx').agencyId, year);
    const area = areas.find((a) => a.areaCode === c.req.param('areaCode'));
    if (!area) throw new NotFoundError();
    return c.render(<AnalysisAreaPage fiscalYear={year} area={area} />);
  })
  .post('/years/:year/analysis/areas/:areaCode', requireAssessmentManage, async (c) => {
    const year = yearParam(c);
    const areaCode = c.req.param('areaCode');
    const body = await formFields(c);
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
    try {
      await updateAnalysisArea(c.get('ctx'), year, areaCode, {
        findingsTh: lines(body.findingsTh),
        improvementsTh: lines(body.improvementsTh),
        measures,
      });
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error;
      const areas = await listAnalysisAreas(c.get('ctx').db, c.get('ctx').agencyId, year);
      const area = areas.find((a) => a.areaCode === areaCode);
      if (!area) throw new NotFoundError();
      const errors = Object.fromEntries(
        error.issues.map((i) => [i.path.join('.'), i.message || 'form.required']),
      );
      return (
        c.status(422),
        c.render(<AnalysisAreaPage fiscalYear={year} area={area} errors={errors} />)
      );
    }
    return c.redirect(
      `/staff/assessment/years/${year}/analysis?notice=assessment.notice.areaSaved`,
      303,
    );
  });
