import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { isUuid } from '../core/validation/text.js';
import { officialDocuments } from '../core/official/schema.js';
import { integrityReports } from './schema.js';
import { sendStoredFile, UPLOAD_TYPES } from '../core/files/index.js';
import { scoped } from '../core/db/scoped.js';
import { activityPhotos } from './schema.js';
import { getActivity, listGifts } from './measures-queries.js';
import { PublicActivityPage, PublicGiftReport } from './views/public-measure-pages.js';

/**
 * Public downloads of published announcements and orders (/a/<slug>/integrity/documents/<id>.pdf):
 * only the files stored when an executive's signed document was published, never a rendering.
 */
export const integrityPublicRoutes = new Hono<AppEnv>()
  .get('/activities/:id', async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw new NotFoundError();
    const agency = c.get('publicAgency');
    const activity = await getActivity(c.get('database').db, agency.id, id);
    return c.render(
      <PublicActivityPage activity={activity} base={`/a/${agency.slug}/integrity`} />,
    );
  })
  .get('/activities/:id/photos/:sha', async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw new NotFoundError();
    const photo = await scoped(c.get('database').db, c.get('publicAgency').id).find(
      activityPhotos,
      and(eq(activityPhotos.activityId, id), eq(activityPhotos.sha256, c.req.param('sha')))!,
    );
    if (!photo) throw new NotFoundError();
    return sendStoredFile(c, photo);
  })
  .get('/gifts/:year', async (c) => {
    const year = Number(c.req.param('year'));
    if (!Number.isInteger(year) || year < 2500 || year > 2700) throw new NotFoundError();
    const gifts = await listGifts(c.get('database').db, c.get('publicAgency').id, year);
    return c.render(<PublicGiftReport year={year} gifts={gifts} />);
  })
  .get('/reports/:year/:file', async (c) => {
    const year = Number(c.req.param('year'));
    const match = /^(risk-assessment)\.(pdf|docx)$/.exec(c.req.param('file'));
    if (!Number.isInteger(year) || year < 2500 || year > 2700 || !match) throw new NotFoundError();
    const [row] = await c
      .get('database')
      .db.select()
      .from(integrityReports)
      .where(
        and(
          eq(integrityReports.agencyId, c.get('publicAgency').id),
          eq(integrityReports.fiscalYear, year),
          eq(integrityReports.kind, 'risk-assessment'),
        ),
      );
    if (!row) throw new NotFoundError();
    const format = match[2] as 'pdf' | 'docx';
    return sendStoredFile(
      c,
      {
        sha256: format === 'pdf' ? row.pdfSha256 : row.docxSha256,
        fileName: `${row.kind}-${row.fiscalYear}.${format}`,
        mediaType: UPLOAD_TYPES[format].mediaType,
      },
      { disposition: format === 'pdf' ? 'inline' : 'attachment' },
    );
  })
  .get('/documents/:file', async (c) => {
    const match = /^(.+)\.(pdf|docx)$/.exec(c.req.param('file'));
    if (!match || !isUuid(match[1])) throw new NotFoundError();
    const [row] = await c
      .get('database')
      .db.select()
      .from(officialDocuments)
      .where(
        and(
          eq(officialDocuments.agencyId, c.get('publicAgency').id),
          eq(officialDocuments.id, match[1]!),
          eq(officialDocuments.status, 'published'),
        ),
      );
    const format = match[2] as 'pdf' | 'docx';
    const sha256 = format === 'pdf' ? row?.pdfSha256 : row?.docxSha256;
    if (!row || !sha256) throw new NotFoundError();
    return sendStoredFile(
      c,
      {
        sha256,
        fileName: `${row.kind}-${row.id}.${format}`,
        mediaType: UPLOAD_TYPES[format].mediaType,
      },
      { disposition: format === 'pdf' ? 'inline' : 'attachment' },
    );
  });
