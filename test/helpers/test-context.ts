import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/core/db/client.js';
import { migrateDatabase } from '../../src/core/db/migrate.js';
import { buildApp } from '../../src/app.js';
import type { WebApp } from '../../src/core/http/create-app.js';
import { ConfigSchema, type Config } from '../../src/core/config/config.js';
import { SYSTEM_ACTOR, type AgencyContext, type AppContext } from '../../src/core/context.js';
import { createAgency } from '../../src/core/agencies/create-agency.js';
import { createStaffMember } from '../../src/core/agencies/staff-members.js';
import { FAST_HASH_COST } from '../../src/core/auth/password.js';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.js';
import { CSRF_COOKIE } from '../../src/core/http/middleware.js';
import { closeBrowser } from '../../src/core/documents/chromium.js';
import type { StaffRole } from '../../src/core/agencies/schema.js';
import type { agencies } from '../../src/core/agencies/schema.js';

export const TEMPLATE_DIR = path.resolve('.test-cache');
export const PGLITE_TEMPLATE = path.join(TEMPLATE_DIR, 'pglite-template.tar.gz');
export const PG_TEMPLATE_DB = 'prongsai_test_template';

export type Agency = typeof agencies.$inferSelect;

/** Which database the suite runs on: TEST_DATABASE_URL → PostgreSQL, otherwise PGlite. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated, empty database for one test file. PGlite loads a migrated data
 * directory dumped once per run (0.5 s instead of migrating); PostgreSQL clones a migrated
 * template database. Either way no two test files share rows.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `prongsai_t_${randomBytes(6).toString('hex')}`;
    const template = await admin.query('select 1 from pg_database where datname = $1', [
      PG_TEMPLATE_DB,
    ]);
    await admin.query(
      template.rowCount
        ? `create database ${name} template ${PG_TEMPLATE_DB}`
        : `create database ${name}`,
    );
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 4 });
    if (!template.rowCount) await migrateDatabase(database);
    const close = database.close;
    database.close = async () => {
      await close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
    return database;
  }
  if (existsSync(PGLITE_TEMPLATE)) {
    const blob = new Blob([readFileSync(PGLITE_TEMPLATE)]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: blob });
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  return database;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...ConfigSchema.parse({ seedDemo: false }), ...overrides };
}

export interface TestSession {
  cookie: string;
  csrfToken: string;
  userId: string;
  /** Headers for app.request: the session and CSRF cookies. */
  headers: Record<string, string>;
}

export interface TestContext {
  database: Database;
  /** The Hono app, for `app.request(…)` without a server. */
  app: WebApp['app'];
  /** All createApp built (app, page cache, Node lanes): what `startServer` serves. */
  web: WebApp;
  config: Config;
  agency: Agency;
  /** An agency-admin context for agency A, for calling use cases directly. */
  ctx: AgencyContext;
  systemCtx: AppContext;
  makeAgency: (slug?: string) => Promise<{ agency: Agency; ctx: AgencyContext }>;
  /** Logs in a new staff member of the agency with these roles (session created directly). */
  loginAs: (roles: StaffRole | StaffRole[], agency?: Agency) => Promise<TestSession>;
  /** A visitor with only a CSRF cookie (citizen pages). */
  anonymous: () => TestSession;
  /** GET with a session. */
  get: (path: string, session?: TestSession) => Promise<Response>;
  /** POST an urlencoded form with the session's CSRF token added. */
  post: (
    path: string,
    form: Record<string, string | string[]>,
    session?: TestSession,
  ) => Promise<Response>;
  close: () => Promise<void>;
}

export async function createTestContext(
  configOverrides: Partial<Config> = {},
): Promise<TestContext> {
  const database = await openTestDatabase();
  const config = testConfig(configOverrides);
  const web = buildApp(database, config);
  const app = web.app;
  const systemCtx: AppContext = {
    db: database.db,
    actor: { ...SYSTEM_ACTOR, label: 'test' },
    locale: 'th',
    now: () => new Date(),
  };
  const makeAgency = async (slug = `agency-${randomBytes(4).toString('hex')}`) => {
    const agency = await createAgency(systemCtx, {
      slug,
      nameTh: `หน่วยงานทดสอบ ${slug}`,
      provinceTh: 'ร้อยเอ็ด',
      unitsTh: ['สำนักปลัด', 'กองคลัง'],
    });
    const ctx: AgencyContext = {
      ...systemCtx,
      agencyId: agency.id,
      actor: { userId: null, label: 'test-admin', roles: ['agency_admin'], isInstanceAdmin: false },
    };
    return { agency, ctx };
  };
  const { agency, ctx } = await makeAgency('agency-a');
  const anonymous = (): TestSession => {
    const csrfToken = randomBytes(32).toString('base64url');
    const cookie = `${CSRF_COOKIE}=${csrfToken}`;
    return { cookie, csrfToken, userId: '', headers: { cookie } };
  };
  const loginAs = async (
    roles: StaffRole | StaffRole[],
    target: Agency = agency,
  ): Promise<TestSession> => {
    const email = `staff-${randomUUID().slice(0, 8)}@example.org`;
    const { user } = await createStaffMember(
      { ...systemCtx, agencyId: target.id },
      {
        email,
        displayName: `ทดสอบ ${email}`,
        roles: ([] as StaffRole[]).concat(roles),
        password: 'test-password-123',
      },
      FAST_HASH_COST,
    );
    const token = await createSession(database.db, user.id, target.id, new Date());
    const csrfToken = randomBytes(32).toString('base64url');
    const cookie = `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfToken}`;
    return { cookie, csrfToken, userId: user.id, headers: { cookie } };
  };
  const get = (p: string, session?: TestSession) =>
    Promise.resolve(app.request(p, { headers: session?.headers ?? {} }));
  const post = (
    p: string,
    form: Record<string, string | string[]>,
    session: TestSession = anonymous(),
  ) => {
    const body = new URLSearchParams();
    body.append('_csrf', session.csrfToken);
    for (const [k, v] of Object.entries(form)) {
      for (const item of ([] as string[]).concat(v)) body.append(k, item);
    }
    return Promise.resolve(
      app.request(p, {
        method: 'POST',
        headers: { ...session.headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      }),
    );
  };
  return {
    database,
    app,
    web,
    config,
    agency,
    ctx,
    systemCtx,
    makeAgency,
    loginAs,
    anonymous,
    get,
    post,
    // A route that rendered a PDF left the shared Chromium running, and its child process kept
    // the test file alive after its last test (test/isolation.test.ts never exited).
    close: async () => {
      await closeBrowser();
      await database.close();
    },
  };
}
