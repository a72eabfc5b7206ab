import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { uuidParam } from '../core/http/params.js';
import { sendDocument } from './serve-document.js';
import { buildLinkSheet, linkSheetCsv, linkSheetXlsx } from './export-link-sheet.js';
import { getDocument } from './staff-queries.js';
import { fedFor, pickYear } from './staff-request.js';
import { basicInfoRoutes } from './routes.staff-basic.js';
import { itemRoutes } from './routes.staff-items.js';
import { readinessRoutes } from './routes.staff-readiness.js';
import { reviewRoutes } from './routes.staff-review.js';
import { checkerRoutes } from './routes.staff-checker.js';

/** The link sheet of the year asked for: item code → the public URLs that show it. */
async function linkSheet(c: Context<AppEnv>) {
  const year = await pickYear(c);
  const rows = await buildLinkSheet(c.get('ctx').db, c.get('agency')!, year, {
    baseUrl: new URL(c.req.url).origin,
    fed: (await fedFor(c, year)).byItem,
  });
  return { year, rows };
}

/** A download the browser must save, never sniff into something it would run. */
const attachment = (type: string, fileName: string) => ({
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${fileName}"`,
  'X-Content-Type-Options': 'nosniff',
});

/**
 * Back office of the disclosure module, mounted at /staff/disclosure. Every page needs
 * `disclosure.view`; the areas add their own rights (edit, review, manage) per route.
 */
export const disclosureStaffRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('disclosure.view'))
  .route('/basic', basicInfoRoutes)
  .route('/', itemRoutes)
  .route('/', readinessRoutes)
  .route('/', reviewRoutes)
  .route('/', checkerRoutes)
  .get('/documents/:id', async (c) => {
    const { db, agencyId } = c.get('ctx');
    const doc = await getDocument(db, agencyId, uuidParam(c, 'id'));
    return sendDocument(c, doc, 'private, no-store');
  })
  .get('/link-sheet.csv', async (c) => {
    const { year, rows } = await linkSheet(c);
    return c.body(
      linkSheetCsv(rows),
      200,
      attachment('text/csv; charset=utf-8', `oit-links-${year}.csv`),
    );
  })
  .get('/link-sheet.xlsx', async (c) => {
    const { year, rows } = await linkSheet(c);
    return c.body(
      new Uint8Array(await linkSheetXlsx(rows, year)),
      200,
      attachment(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `oit-links-${year}.xlsx`,
      ),
    );
  });
