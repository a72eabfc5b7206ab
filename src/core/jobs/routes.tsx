import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { requirePermission } from '../http/middleware.js';
import { requireInstanceAdmin } from '../agencies/routes.admin.js';
import { listAgencyJobRuns, listJobRuns, listJobStatus } from './list-jobs.js';
import { moduleJobs } from './module-jobs.js';
import { AgencyJobsPage, JobsAdminPage } from './views.js';

/** /admin/jobs (instance administrator): every job with its last and next run. */
export const jobsAdminRoutes = new Hono<AppEnv>().use(requireInstanceAdmin).get('/', async (c) => {
  const db = c.get('database').db;
  const jobs = moduleJobs(c.get('modules'), c.get('config'));
  return c.render(
    <JobsAdminPage
      jobs={await listJobStatus(db, jobs, new Date())}
      runs={await listJobRuns(db, { limit: 30 })}
    />,
  );
});

/** /staff/agency/jobs (agency admins): what the jobs did for this agency only. */
export const agencyJobsRoutes = new Hono<AppEnv>()
  .use(requirePermission('agencies.manage'))
  .get('/', async (c) => {
    const runs = await listAgencyJobRuns(c.get('database').db, c.get('agency')!.id, 30);
    return c.render(<AgencyJobsPage runs={runs} />);
  });
