import { Hono } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { uuidParam } from '../core/http/params.js';
import { getEntryHistory, listEntriesInReview } from './staff-queries.js';
import { HistoryPage } from './views/history-page.js';
import { ReviewListPage } from './views/review-list-page.js';

/** The approver's queue and an entry's history, mounted by routes.staff.tsx at /staff/disclosure. */
export const reviewRoutes = new Hono<AppEnv>()
  .get('/entries/:id/history', async (c) => {
    const { db, agencyId } = c.get('ctx');
    return c.render(<HistoryPage {...await getEntryHistory(db, agencyId, uuidParam(c, 'id'))} />);
  })
  .get('/review', requirePermission('disclosure.review'), async (c) => {
    const { db, agencyId } = c.get('ctx');
    return c.render(<ReviewListPage rows={await listEntriesInReview(db, agencyId)} />);
  });
