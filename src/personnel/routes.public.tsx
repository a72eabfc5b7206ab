import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { sendStoredFile, UPLOAD_TYPES } from '../core/files/index.js';
import { hrReports } from './schema.js';

/**
 * Public downloads of the published yearly HR report (/a/<slug>/personnel/reports/2570.pdf):
 * only the files stored when it was published, never a fresh rendering.
 */
export const personnelPublicRoutes = new Hono<AppEnv>().get('/reports/:file', async (c) => {
  const match = /^(\d{4})\.(pdf|docx)$/.exec(c.req.param('file'));
  if (!match) throw new NotFoundError();
  const [row] = await c
    .get('database')
    .db.select()
    .from(hrReports)
    .where(
      and(
        eq(hrReports.agencyId, c.get('publicAgency').id),
        eq(hrReports.fiscalYear, Number(match[1])),
      ),
    );
  if (!row) throw new NotFoundError();
  const format = match[2] as 'pdf' | 'docx';
  return sendStoredFile(
    c,
    {
      sha256: format === 'pdf' ? row.pdfSha256 : row.docxSha256,
      fileName: `hr-report-${row.fiscalYear}.${format}`,
      mediaType: UPLOAD_TYPES[format].mediaType,
    },
    { disposition: format === 'pdf' ? 'inline' : 'attachment' },
  );
});
