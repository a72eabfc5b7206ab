import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { listFrameworkYears } from './frameworks/load-frameworks.js';
import { findAnalysis } from './queries.js';
import { renderItaAnalysisReport, reportFileName } from './documents/ita-analysis-report.js';

async function publicReport(c: Context<AppEnv>, format: 'docx' | 'pdf') {
  const year = Number(c.req.param('year'));
  const agency = c.get('publicAgency');
  const database = c.get('database');
  // Only a year with an analysis is published; a draft-less year reads as not found.
  if (!listFrameworkYears().includes(year) || !(await findAnalysis(database.db, agency.id, year))) {
    throw new NotFoundError();
  }
  const bytes = await renderItaAnalysisReport(database.db, agency.id, year, format);
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type':
      format === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'Content-Disposition': `inline; filename="${reportFileName(agency.slug, year, format)}"`,
    'Cache-Control': 'public, max-age=300',
  });
}

/** The published annual analysis report (OIT disclosure), mounted at /a/:slug/assessment. */
export const assessmentPublicRoutes = new Hono<AppEnv>()
  .get('/:year/analysis-report.pdf', (c) => publicReport(c, 'pdf'))
  .get('/:year/analysis-report.docx', (c) => publicReport(c, 'docx'));
