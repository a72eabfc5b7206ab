import { Hono } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import type { ReportKind } from './schema.js';
import { findPublishedReport } from './queries.js';
import { FiscalYear } from './create-measure.js';
import { sendStoredFile, UPLOAD_TYPES } from '../core/files/index.js';

/**
 * Public downloads of the published reports (/a/<slug>/measures/<year>/<kind>.<docx|pdf>):
 * only what an executive published, never a live rendering of staff data.
 */
export const measuresPublicRoutes = new Hono<AppEnv>().get('/:year/:file', async (c) => {
  const year = FiscalYear.safeParse(c.req.param('year'));
  // plan.pdf is the newest version; plan-v1.pdf an earlier one (versions are never overwritten).
  const match = /^(plan|progress-report)(?:-v([1-9][0-9]{0,3}))?\.(docx|pdf)$/.exec(
    c.req.param('file'),
  );
  if (!year.success || !match) throw new NotFoundError();
  const agency = c.get('publicAgency');
  const kind = match[1] as ReportKind;
  const version = match[2] === undefined ? undefined : Number(match[2]);
  const row = await findPublishedReport(c.get('database').db, agency.id, year.data, kind, version);
  if (!row) throw new NotFoundError();
  const format = match[3] as 'docx' | 'pdf';
  return sendStoredFile(
    c,
    {
      sha256: format === 'pdf' ? row.pdfSha256 : row.docxSha256,
      fileName: `measures-${row.kind}-${row.fiscalYear}-v${row.version}.${format}`,
      mediaType: UPLOAD_TYPES[format].mediaType,
    },
    { disposition: 'attachment' },
  );
});
