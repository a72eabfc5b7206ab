import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { sendStoredFile, UPLOAD_TYPES } from '../core/files/index.js';
import { findPublishedAnalysisReport } from './publish-analysis-report.js';
import { reportFileName } from './documents/ita-analysis-report.js';

/**
 * The published annual analysis report: the bytes an executive published, frozen in the file
 * store and served with their SHA-256 as ETag (304 on a match). Never rendered here: a draft is
 * not public, and an anonymous request never starts Chromium.
 */
async function publicReport(c: Context<AppEnv>, format: 'docx' | 'pdf') {
  const year = Number(c.req.param('year'));
  if (!Number.isInteger(year)) throw new NotFoundError();
  const agency = c.get('publicAgency');
  const row = await findPublishedAnalysisReport(c.get('database').db, agency.id, year);
  if (!row) throw new NotFoundError();
  return sendStoredFile(c, {
    sha256: format === 'pdf' ? row.pdfSha256 : row.docxSha256,
    fileName: reportFileName(agency.slug, year, format),
    mediaType: UPLOAD_TYPES[format].mediaType,
  });
}

/** The published annual analysis report (OIT disclosure), mounted at /a/:slug/assessment. */
export const assessmentPublicRoutes = new Hono<AppEnv>()
  .get('/:year/analysis-report.pdf', (c) => publicReport(c, 'pdf'))
  .get('/:year/analysis-report.docx', (c) => publicReport(c, 'docx'));
