import { Hono } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { requirePermission } from '../core/http/middleware.js';
import { submitForm } from '../core/http/form.js';
import { CheckerForm, checkerYear, checkWebsiteFromForm } from './checker/check-website-form.js';
import { pickYear } from './staff-request.js';
import { CheckerPage } from './views/checker-page.js';

/** The website checker page (admins), mounted by routes.staff.tsx at /staff/disclosure. */
export const checkerRoutes = new Hono<AppEnv>()
  .get('/checker', requirePermission('disclosure.manage'), async (c) =>
    c.render(<CheckerPage year={await pickYear(c)} />),
  )
  .post('/checker', requirePermission('disclosure.manage'), async (c) => {
    const shown = await pickYear(c);
    return submitForm(c, {
      schema: CheckerForm,
      run: (form) => checkWebsiteFromForm(form, shown),
      respond: (checked) => c.render(<CheckerPage {...checked} />),
      page: (form) => (
        <CheckerPage
          year={checkerYear(form.values.year, shown)}
          url={String(form.values.url ?? '')}
          errors={form.errors}
        />
      ),
    });
  });
