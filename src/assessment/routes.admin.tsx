import { Hono, type Context } from 'hono';
import type { AppContext } from '../core/context.js';
import type { AppEnv } from '../core/http/env.js';
import { formFields } from '../core/http/middleware.js';
import { NotFoundError, UnauthenticatedError } from '../core/errors.js';
import { diffFrameworks, diffRows } from './diff-frameworks.js';
import { MAX_FRAMEWORK_FILE_BYTES } from './frameworks/framework-issues.js';
import { ItaFramework } from './frameworks/framework-schema.js';
import { frameworkOrigin, getFramework, listFrameworkYears } from './frameworks/load-frameworks.js';
import {
  decideFrameworkVersion,
  FrameworkFileRefusedError,
  getFrameworkVersion,
  importFrameworkFile,
  listFrameworkVersions,
} from './framework-versions.js';
import { FrameworkAdminPage, FrameworkVersionPage } from './views/framework-admin-pages.js';
import { en, th } from './i18n.js';

const BASE = '/admin/assessment/frameworks';

/** The instance administrator as the actor of an instance-level use case. */
function adminContext(c: Context<AppEnv>): AppContext {
  const user = c.get('user');
  if (!user) throw new UnauthenticatedError();
  return {
    db: c.get('database').db,
    actor: { userId: user.id, label: user.email, roles: [], isInstanceAdmin: user.isInstanceAdmin },
    locale: c.get('locale'),
    now: () => new Date(),
    requestId: c.get('requestId'),
  };
}

async function renderAdminPage(
  c: Context<AppEnv>,
  refused?: { issues: FrameworkFileRefusedError['issues']; fileName: string },
) {
  const years = listFrameworkYears().map((fiscalYear) => ({
    fiscalYear,
    origin: frameworkOrigin(fiscalYear) ?? 'shipped',
  }));
  const versions = await listFrameworkVersions(c.get('database').db);
  return c.render(
    <FrameworkAdminPage
      years={years}
      versions={versions}
      issues={refused?.issues}
      fileName={refused?.fileName}
    />,
  );
}

/** The refusal of an upload without a file (the file checker's issues have the same shape). */
const NO_FILE = { path: '', messageTh: th.importPage.noFile, messageEn: en.importPage.noFile };

/** The uploaded framework file, or null when none was chosen. */
async function frameworkUpload(c: Context<AppEnv>) {
  const file = (await formFields(c)).file;
  if (!(file instanceof File) || file.size === 0) return null;
  // An oversized upload is refused from its size, without reading it into memory.
  const bytes =
    file.size > MAX_FRAMEWORK_FILE_BYTES
      ? new Uint8Array(MAX_FRAMEWORK_FILE_BYTES + 1)
      : new Uint8Array(await file.arrayBuffer());
  return { fileName: file.name || 'framework.json', typedName: file.name.slice(0, 255), bytes };
}

/** What an imported version changes against the year before it and the same year in use. */
function diffsOfVersion(framework: ItaFramework) {
  const years = listFrameworkYears();
  const previousYear = years.filter((y) => y < framework.fiscalYear).at(-1) ?? null;
  return {
    previousYear,
    previousRows:
      previousYear === null ? [] : diffRows(diffFrameworks(getFramework(previousYear), framework)),
    currentRows: years.includes(framework.fiscalYear)
      ? diffRows(diffFrameworks(getFramework(framework.fiscalYear), framework))
      : null,
  };
}

/**
 * /admin/assessment/frameworks: import a year's framework file, review its diff, accept it,
 * export any year. Mounted under /admin, where core's requireInstanceAdmin guards every path;
 * the use cases check the instance-admin flag again.
 */
export const assessmentAdminRoutes = new Hono<AppEnv>()
  .get('/frameworks', (c) => renderAdminPage(c))
  .post('/frameworks', async (c) => {
    const ctx = adminContext(c);
    const upload = await frameworkUpload(c);
    if (!upload) {
      c.status(422);
      return renderAdminPage(c, { fileName: '', issues: [NO_FILE] });
    }
    try {
      const row = await importFrameworkFile(ctx, {
        fileName: upload.fileName,
        bytes: upload.bytes,
      });
      return c.redirect(`${BASE}/versions/${row.id}?notice=assessment.frameworkImport.staged`, 303);
    } catch (error) {
      if (!(error instanceof FrameworkFileRefusedError)) throw error;
      c.status(422);
      return renderAdminPage(c, { issues: error.issues, fileName: upload.typedName });
    }
  })
  .get('/frameworks/versions/:id', async (c) => {
    const version = await getFrameworkVersion(c.get('database').db, c.req.param('id'));
    const framework = ItaFramework.parse(version.data);
    return c.render(<FrameworkVersionPage version={version} {...diffsOfVersion(framework)} />);
  })
  .post('/frameworks/versions/:id/:decision{(accept|discard)}', async (c) => {
    const decision = c.req.param('decision') === 'accept' ? 'accepted' : 'discarded';
    const row = await decideFrameworkVersion(adminContext(c), c.req.param('id'), decision);
    return c.redirect(
      `${BASE}/versions/${row.id}?notice=assessment.frameworkImport.${decision}`,
      303,
    );
  })
  .get('/frameworks/:file{[0-9]{4}\\.json}', (c) => {
    const year = Number(/(\d{4})/.exec(c.req.param('file'))![1]);
    if (!listFrameworkYears().includes(year)) throw new NotFoundError();
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="fy${year}.json"`);
    return c.body(`${JSON.stringify(getFramework(year), null, 2)}\n`);
  });
