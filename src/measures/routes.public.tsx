import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { publishedReports } from './schema.js';
import { FiscalYear } from './create-measure.js';
import { sendStoredFile, UPLOAD_TYPES } from '../core/files/index.js';

/**
 * Public downloads of the published reports (/a/<slug>/measures/<year>/<kind>.<docx|pdf>):
 * only what an executive published, never a live rendering of staff data.
 */
export const measuresPublicRoutes = new Hono<AppEnv>().get('/:year/:file', async (c) => {
  const year = FiscalYear.safeParse(c.req.param('year'));
  const match = /^(plan|progress-report)\.(docx|pdf)$/.exec(c.req.param('file'));
  if (!year.success || !match) throw new NotFoundError();
  const agency = c.get('publicAgency');
  const [row] = await c
    .get('database')
    .db.select()
    .from(publishedReports)
    .where(
      and(
        eq(publishedReports.agencyId, agency.id),
        eq(publishedReports.fiscalYear, year.data),
        eq(publishedReports.kind, match[1] as 'plan' | 'progress-report'),
      ),
    );
  if (!row) throw new NotFoundError();
  const format = match[2] as 'docx' | 'pdf';
  return sendStoredFile(
    c,
    {
      sha256: format === 'pdf' ? row.pdfSha256 : row.docxSha256,
      fileName: `measures-${row.kind}-${row.fiscalYear}.${format}`,
      mediaType: UPLOAD_TYPES[format].mediaType,
    },
    { disposition: 'attachment' },
  );
});
