import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext, type TestSession } from './helpers/test-context.js';
import { modules } from '../src/modules.js';
import type { IsolationFixture } from '../src/core/module.js';
import type { AgencyContext } from '../src/core/context.js';

interface Route {
  method: 'GET' | 'POST';
  path: string;
}

/** Every GET/POST the app registered (Hono lists middleware as ALL; those are not routes). */
function routesOf(t: TestContext): Route[] {
  const seen = new Set<string>();
  const out: Route[] = [];
  for (const r of t.app.routes) {
    if (r.method !== 'GET' && r.method !== 'POST') continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out;
}

const paramNames = (routePath: string) => [...routePath.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** Every row of agency B in every table with an agency_id: what A must never change. */
async function snapshotAgency(t: TestContext, agencyId: string): Promise<string> {
  const tables = await t.database.query<{ table: string }>(
    `select table_name as "table" from information_schema.columns
     where table_schema = 'public' and column_name = 'agency_id' order by 1`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { table } of tables) {
    out[table] = await t.database.query(
      `select row_to_json(x)::text as r from "${table}" x where agency_id = $1 order by 1`,
      [agencyId],
    );
  }
  return JSON.stringify(out);
}

/** A form that passes most validators, so a 404 cannot hide behind a 422. */
const PLAUSIBLE_FORM = {
  nameTh: 'แก้ไขโดยหน่วยงานอื่น',
  displayName: 'แก้ไขโดยหน่วยงานอื่น',
  email: 'intruder@example.org',
  roles: 'unit_officer',
  title: 'แก้ไขโดยหน่วยงานอื่น',
};

describe('cross-agency isolation over every route', () => {
  let t: TestContext;
  let adminA: TestSession;
  let ctxB: AgencyContext;
  let fixtures: { module: string; fixture: IsolationFixture }[];
  let routes: Route[];

  before(async () => {
    t = await createTestContext();
    const b = await t.makeAgency('agency-b');
    ctxB = b.ctx;
    fixtures = [];
    for (const m of modules) {
      if (m.isolationFixture)
        fixtures.push({ module: m.name, fixture: await m.isolationFixture(ctxB) });
    }
    adminA = await t.loginAs(['agency_admin', 'executive', 'unit_officer', 'complaint_officer']);
    routes = routesOf(t);
  });
  after(() => t.close());

  /** B's value for each parameter of the route: byRoute first, then params; undefined if none. */
  function paramsFor(routePath: string): Record<string, string> | string {
    const values: Record<string, string> = {};
    for (const name of paramNames(routePath)) {
      const value =
        fixtures.map((f) => f.fixture.byRoute?.[routePath]?.[name]).find(Boolean) ??
        fixtures.map((f) => f.fixture.params[name]).find(Boolean);
      if (!value) {
        return `${routePath} has parameter :${name} that no module's isolationFixture provides: extend the module's isolationFixture (params or byRoute['${routePath}'])`;
      }
      values[name] = value;
    }
    return values;
  }
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  /**
   * A route addresses one of B's records when a parameter is a record id (a UUID). Other
   * parameters (a fiscal year, an OIT item code, a file name) address the *session's* agency's
   * own data, so for those the rule is: no error and none of B's marker texts.
   */
  const addressesRecord = (values: Record<string, string>) =>
    Object.values(values).some((v) => UUID.test(v));
  const fill = (routePath: string, values: Record<string, string>) =>
    routePath.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]!));

  it('covers the staff routes it should (the enumeration is not empty)', () => {
    const staff = routes.filter((r) => r.path.startsWith('/staff'));
    assert.ok(staff.length >= 10, `staff routes: ${staff.length}`);
    assert.ok(staff.some((r) => r.path.includes(':')));
  });

  it('has a fixture value for every parameter of every staff route', () => {
    const missing = routes
      .filter((r) => r.path.startsWith('/staff'))
      .map((r) => paramsFor(r.path))
      .filter((v): v is string => typeof v === 'string');
    assert.deepEqual([...new Set(missing)], []);
  });

  it("answers 404 to agency A's admin for every GET of agency B's records", async () => {
    const problems: string[] = [];
    const markers = fixtures.flatMap((f) => f.fixture.markers);
    for (const r of routes.filter((x) => x.method === 'GET' && x.path.startsWith('/staff'))) {
      const values = paramsFor(r.path);
      if (typeof values === 'string') continue;
      const url = fill(r.path, values);
      const res = await t.get(url, adminA);
      const body = await res.text();
      if (addressesRecord(values)) {
        if (res.status !== 404) problems.push(`GET ${url} → ${res.status}, expected 404`);
      } else if (
        res.status >= 500 ||
        (res.status >= 400 && ![403, 404, 422].includes(res.status))
      ) {
        // 403: the admin lacks a role the page needs (an executive's review queue); not a leak.
        problems.push(`GET ${url} → ${res.status}, expected 200/3xx/403/404`);
      }
      for (const marker of markers) {
        if (body.includes(marker)) problems.push(`GET ${url} shows agency B's "${marker}"`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("answers 404 to agency A's POSTs on agency B's records and changes nothing of B", async () => {
    const problems: string[] = [];
    const before = await snapshotAgency(t, ctxB.agencyId);
    for (const r of routes.filter((x) => x.method === 'POST' && x.path.startsWith('/staff'))) {
      if (!r.path.includes(':')) continue;
      const values = paramsFor(r.path);
      if (typeof values === 'string') continue;
      const url = fill(r.path, values);
      const res = await t.post(url, PLAUSIBLE_FORM, adminA);
      if (addressesRecord(values) ? res.status !== 404 : res.status >= 500) {
        problems.push(
          `POST ${url} → ${res.status}, expected ${addressesRecord(values) ? 404 : '< 500'}`,
        );
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(await snapshotAgency(t, ctxB.agencyId), before, "agency B's rows unchanged");
  });

  it('answers 404 for every public route of an unknown agency slug', async () => {
    const problems: string[] = [];
    const visitor = t.anonymous();
    const home = await t.get('/a/no-such-agency', visitor);
    if (home.status !== 404) problems.push(`GET /a/no-such-agency → ${home.status}, expected 404`);
    for (const r of routes.filter((x) => x.path.startsWith('/a/:slug'))) {
      const values = paramsFor(r.path.replace('/a/:slug', ''));
      const filled = typeof values === 'string' ? {} : values;
      const url = fill(r.path, { ...filled, slug: 'no-such-agency' }).replace(/:\w+/g, 'x');
      const res = r.method === 'GET' ? await t.get(url, visitor) : await t.post(url, {}, visitor);
      if (res.status !== 404) problems.push(`${r.method} ${url} → ${res.status}, expected 404`);
    }
    assert.deepEqual(problems, []);
  });
});
