import { Hono, type Context } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../http/env.js';
import { formFields, requirePermission } from '../http/middleware.js';
import { requireInstanceAdmin } from '../agencies/routes.admin.js';
import { listAgencyJobRuns, listJobRuns, listJobStatus } from './list-jobs.js';
import { jobEnvironment, moduleJobs } from './module-jobs.js';
import { runJobNow } from './run-job-now.js';
import { AgencyJobsPage, JobsAdminPage } from './views.js';

/** The signed-in instance administrator as the actor (requireInstanceAdmin ran before). */
function adminContext(c: Context<AppEnv>): AppContext {
  const user = c.get('user')!;
  return {
    db: c.get('database').db,
    actor: { userId: user.id, label: user.email, roles: [], isInstanceAdmin: user.isInstanceAdmin },
    locale: c.get('locale'),
    now: () => new Date(),
    requestId: c.get('requestId'),
  };
}

/** /admin/jobs (instance administrator): every job with its last and next run, and "run now". */
export const jobsAdminRoutes = new Hono<AppEnv>()
  .use(requireInstanceAdmin)
  .get('/', async (c) => {
    const db = c.get('database').db;
    const jobs = moduleJobs(c.get('modules'), c.get('config'));
    return c.render(
      <JobsAdminPage
        jobs={await listJobStatus(db, jobs, new Date())}
        runs={await listJobRuns(db, { limit: 30 })}
      />,
    );
  })
  .post('/run', async (c) => {
    const name = String((await formFields(c)).job ?? '');
    const result = await runJobNow(adminContext(c), {
      jobs: moduleJobs(c.get('modules'), c.get('config')),
      environment: jobEnvironment(c.get('config'), c.get('modules')),
      name,
    });
    const notice =
      result.outcome === 'busy' ? 'jobs.runNow.busy' : `jobs.runNow.${result.run.status}`;
    return c.redirect(`/admin/jobs?notice=${notice}#job-${name}`, 303);
  });

/** /staff/agency/jobs (agency admins): what the jobs did for this agency only. */
export const agencyJobsRoutes = new Hono<AppEnv>()
  .use(requirePermission('agencies.manage'))
  .get('/', async (c) => {
    const runs = await listAgencyJobRuns(c.get('database').db, c.get('agency')!.id, 30);
    return c.render(<AgencyJobsPage runs={runs} />);
  });
