import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../config/config.js';
import { useInstanceSecrets } from '../config/instance-secret.js';
import type { Database } from '../db/client.js';
import type { ModuleManifest } from '../module.js';
import { registerPermissions } from '../auth/permissions.js';
import { registerCatalog } from '../i18n/i18n.js';
import * as coreCatalog from '../i18n/core-catalog.js';
import { agencies } from '../agencies/schema.js';
import { NotFoundError } from '../errors.js';
import { TtlCache } from '../cache/ttl-cache.js';
import type { AgencyRow, AppEnv, NavItem } from './env.js';
import { markHttpsRequest, type NodeLane } from './node-lane.js';
import { isHttpsIncoming } from './https.js';
import {
  bodyLimit,
  csrf,
  locale,
  requestId,
  requireStaff,
  requireUtf8Forms,
  session,
} from './middleware.js';
import { onError } from './on-error.js';
import { forgetSameForAnyone, pageRenderer } from './render-page.js';
import { CHANGES_CHANNEL, INSTANCE_AUDIT_AGENCY } from '../audit/audit.js';
import { securityHeaders } from './security-headers.js';
import { SharedPageCache } from './shared-page-cache.js';
import {
  compressBytes,
  compressResponses,
  encodedEtag,
  isCompressible,
  negotiateEncoding,
  varyWithEncoding,
} from './compression.js';
import { coreRoutes } from './core-routes.js';
import { passwordResetRoutes } from '../auth/routes.password-reset.js';
import { instanceAdminRoutes } from '../agencies/routes.admin.js';
import { agencyJobsRoutes, jobsAdminRoutes } from '../jobs/routes.js';
import { inviteRoutes } from '../agencies/routes.invite.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  isCompressible: boolean;
  /** br and gzip copies (issue 14 §2): made at start, or on first request for the fonts. */
  br?: Buffer;
  gzip?: Buffer;
}

function encodedStatic(file: StaticFile, encoding: 'br' | 'gzip'): Buffer {
  return (file[encoding] ??= compressBytes(file.body, encoding, 11));
}

// Read and compressed once per process: tests build many apps.
let staticFiles: Map<string, StaticFile> | undefined;

function loadStatic(): Map<string, StaticFile> {
  if (staticFiles) return staticFiles;
  const files = new Map<string, StaticFile>();
  const add = (urlPath: string, file: string, type: string) => {
    const body = readFileSync(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
    const entry: StaticFile = {
      body,
      type,
      etag,
      isCompressible: isCompressible(type, body.length),
    };
    // Stylesheet and icon at start; the two 90 KB fonts (a quarter second of brotli each)
    // when first asked for, so that starting the app, and every test, stays quick.
    if (entry.isCompressible && body.byteLength < 64 * 1024) {
      encodedStatic(entry, 'br');
      encodedStatic(entry, 'gzip');
    }
    files.set(urlPath, entry);
  };
  add('/static/app.css', path.join(here, 'static/app.css'), 'text/css; charset=utf-8');
  add('/static/favicon.svg', path.join(here, 'static/favicon.svg'), 'image/svg+xml');
  const fontDir = path.dirname(require.resolve('@expo-google-fonts/sarabun/package.json'));
  add(
    '/static/fonts/Sarabun-Regular.ttf',
    path.join(fontDir, '400Regular/Sarabun_400Regular.ttf'),
    'font/ttf',
  );
  add(
    '/static/fonts/Sarabun-Bold.ttf',
    path.join(fontDir, '700Bold/Sarabun_700Bold.ttf'),
    'font/ttf',
  );
  staticFiles = files;
  return files;
}

const RESERVED_PATHS = /^\/(a|admin|static|staff|login|logout|lang|healthz)(\/|$)/;
const HOSTNAME_TTL_MS = 30_000;

/**
 * Host name → agency slug, cached briefly (misses too: most requests come on the instance's
 * own host) so a page view costs no extra query; a changed hostname applies within 30 s.
 */
function hostnameLookup(database: Database): (host: string) => Promise<string | null> {
  const slugs = new TtlCache<string, string | null>({
    ttlMs: HOSTNAME_TTL_MS,
    maxEntries: 1_000,
  });
  return (host) =>
    slugs.getOrLoad(host, async () => {
      const [row] = await database.db
        .select({ slug: agencies.slug })
        .from(agencies)
        .where(eq(agencies.hostname, host));
      return row?.slug ?? null;
    });
}

export interface CreateAppOptions {
  database: Database;
  config: Config;
  modules: readonly ModuleManifest[];
}

let coreCatalogRegistered = false;

/**
 * What createApp builds: the Hono app, and the two paths the Node server (serve-app.ts) tries
 * before Hono sees a request, which only it can use: the page cache's stored copies and the
 * modules' Node lanes. Returned side by side rather than hung on the app, so whoever serves
 * the app is handed them and a test sees exactly which server it starts.
 */
export interface WebApp {
  app: Hono<AppEnv>;
  pageCache: SharedPageCache;
  lanes: readonly NodeLane[];
}

/**
 * Builds the web application: core pages, then every module's public routes under
 * /a/:slug/<module> and staff routes under /staff/<module>, with one error handler.
 */
export function createApp({ database, config, modules }: CreateAppOptions): WebApp {
  useInstanceSecrets(config.dataDir);
  if (!coreCatalogRegistered) {
    registerCatalog('', coreCatalog.th, coreCatalog.en);
    coreCatalogRegistered = true;
  }
  const nav: NavItem[] = [{ audience: 'staff', href: '/staff', label: 'auth.staffHome', order: 0 }];
  for (const module of modules) {
    if (module.catalog) registerCatalog(module.name, module.catalog.th, module.catalog.en as never);
    if (module.permissions) registerPermissions(module.permissions);
    nav.push(...(module.nav ?? []));
  }
  const statics = loadStatic();
  const app = new Hono<AppEnv>();
  app.onError(onError);
  const pageCache = new SharedPageCache();
  // Outside the page cache, which stores its own compressed copies and marks them encoded.
  app.use(compressResponses);
  app.use(pageCache.middleware());
  // First, so that even an error in the middleware below is shown as a page.
  app.use(pageRenderer);
  const agencyOfHost = hostnameLookup(database);
  // Host-name routing: www.<agency>.go.th/x serves /a/<slug>/x. Paths the whole instance
  // owns (log-in, staff, static files, /a/…) stay as they are on every host.
  app.use(async (c, next) => {
    const path = c.req.path;
    if (RESERVED_PATHS.test(path)) return next();
    const host = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '');
    const slug = host ? await agencyOfHost(host) : null;
    if (!slug) return next();
    const url = new URL(c.req.url);
    url.pathname = `/a/${slug}${path === '/' ? '' : path}`;
    return app.fetch(new Request(url, c.req.raw), c.env);
  });
  app.use(async (c, next) => {
    c.set('database', database);
    c.set('config', config);
    c.set('nav', nav);
    c.set('modules', modules);
    await next();
  });
  app.use(requestId, locale);
  app.use(securityHeaders);
  app.get('/static/*', (c) => {
    const file = statics.get(c.req.path);
    if (!file) throw new NotFoundError();
    c.header('Cache-Control', 'public, max-age=86400');
    const encoding = file.isCompressible
      ? negotiateEncoding(c.req.header('accept-encoding'))
      : null;
    const etag = encodedEtag(file.etag, encoding);
    c.header('ETag', etag);
    if (file.isCompressible) c.header('Vary', varyWithEncoding(null));
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const body = encoding ? encodedStatic(file, encoding) : file.body;
    if (encoding) c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(body), 200, { 'Content-Type': file.type });
  });
  app.use(bodyLimit, requireUtf8Forms, csrf, session);
  app.notFound(() => {
    throw new NotFoundError();
  });
  app.route('/', coreRoutes);
  app.route('/login', passwordResetRoutes);
  // instanceAdminRoutes' requireInstanceAdmin guards every /admin/* path, modules' included.
  app.route('/admin/jobs', jobsAdminRoutes);
  app.route('/admin', instanceAdminRoutes);
  for (const module of modules) {
    if (module.routes?.admin) app.route(`/admin/${module.name}`, module.routes.admin);
    module.start?.(database.db).catch((error: unknown) => {
      console.error(`module ${module.name} start failed:`, error);
    });
  }
  app.route('/invite', inviteRoutes);

  // Public pages of one agency: the slug is resolved once here; unknown slug → 404.
  // Every public page needs the agency row; reading it once per few seconds instead of once
  // per request keeps a burst of visitors off the database (edits show within 5 s).
  const agencyRows = new TtlCache<string, AgencyRow | undefined>({
    ttlMs: 5_000,
    maxEntries: 10_000,
  });
  const agencyOfSlug = (slug: string) =>
    agencyRows.getOrLoad(slug, async () => {
      const [row] = await database.db.select().from(agencies).where(eq(agencies.slug, slug));
      return row;
    });
  // A change committed on any server (its audit entry NOTIFYs the agency id) drops this
  // server's cached copies of that agency's public pages at once, instead of after their
  // lifetime; a gap in listening (connection lost) drops everything (issue 14 §4).
  const forget = (agencyId: string | null) => {
    pageCache.invalidate(agencyId === INSTANCE_AUDIT_AGENCY ? null : agencyId);
    agencyRows.clear();
    forgetSameForAnyone();
  };
  database
    .listen?.(CHANGES_CHANNEL, forget, () => forget(null))
    .catch((error: unknown) => {
      console.error(
        `page cache: cannot listen for changes, pages may lag by their lifetime:`,
        error,
      );
    });
  const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
  const publicAgency = createMiddleware<AppEnv>(async (c, next) => {
    const slug = slugSchema.safeParse(c.req.param('slug'));
    if (!slug.success) throw new NotFoundError();
    const agency = await agencyOfSlug(slug.data);
    if (!agency) throw new NotFoundError();
    c.set('publicAgency', agency);
    await next();
  });
  // /a/<slug>/ (as printed on letters) and /a/<slug> are the same home page.
  app.use('/a/*', trimTrailingSlash());
  app.use('/a/:slug', publicAgency);
  app.use('/a/:slug/*', publicAgency);
  app.use('/staff/*', requireStaff);
  app.route('/staff/agency/jobs', agencyJobsRoutes);
  const laneContext = { database, config, agencyOfSlug };
  const lanes = modules
    .flatMap((module) => module.nodeLanes?.(laneContext) ?? [])
    .map((lane): NodeLane => ({
      accepts: (req) => lane.accepts(req),
      serve: (req, res, fallback) => {
        if (isHttpsIncoming(req, config.trustProxy)) markHttpsRequest(req);
        return lane.serve(req, res, fallback);
      },
    }));
  for (const module of modules) {
    if (module.routes?.public) {
      const mount = module.publicMount ?? module.name;
      app.route(mount ? `/a/:slug/${mount}` : '/a/:slug', module.routes.public);
    }
    if (module.routes?.staff) {
      app.route(`/staff/${module.staffMount ?? module.name}`, module.routes.staff);
    }
  }
  return { app, pageCache, lanes };
}
