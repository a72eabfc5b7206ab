import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { createStaffMember } from '../agencies/staff-members.js';
import { FAST_HASH_COST } from './password.js';
import { ACCOUNT_FROM_UNKNOWN_DEVICES } from './login-limits.js';

describe('staff log-in over HTTP', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    await createStaffMember(
      t.ctx,
      {
        email: 'somchai@example.org',
        displayName: 'สมชาย ใจดี',
        roles: 'unit_officer',
        password: 'correct-horse-1',
      },
      FAST_HASH_COST,
    );
  });
  after(() => t.close());

  it('logs in with the right password and sets an HttpOnly SameSite session cookie', async () => {
    const res = await t.post('/login', {
      email: 'SOMCHAI@example.org ',
      password: 'correct-horse-1',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/staff');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('prongsai_session='));
    assert.ok(cookie, 'session cookie set');
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
  });

  it('gives the browser a new CSRF token at log-in and at log-out', async () => {
    const visitor = t.anonymous();
    const res = await t.post(
      '/login',
      { email: 'somchai@example.org', password: 'correct-horse-1' },
      visitor,
    );
    assert.equal(res.status, 303);
    const cookies = res.headers.getSetCookie();
    const fresh = /^prongsai_csrf=([^;]+)/.exec(
      cookies.find((c) => c.startsWith('prongsai_csrf=')) ?? '',
    );
    assert.ok(fresh, 'a new CSRF cookie at log-in');
    assert.notEqual(fresh[1], visitor.csrfToken);
    const session = /^prongsai_session=([^;]+)/.exec(
      cookies.find((c) => c.startsWith('prongsai_session='))!,
    )![1];
    const loggedIn = {
      ...visitor,
      csrfToken: fresh[1]!,
      cookie: `prongsai_session=${session}; prongsai_csrf=${fresh[1]}`,
      headers: { cookie: `prongsai_session=${session}; prongsai_csrf=${fresh[1]}` },
    };
    const out = await t.post('/logout', {}, loggedIn);
    assert.equal(out.status, 303);
    const after = /prongsai_csrf=([^;]+)/.exec(out.headers.getSetCookie().join('\n'));
    assert.ok(after, 'a new CSRF cookie at log-out');
    assert.notEqual(after[1], fresh[1]);
  });

  it('refuses a wrong password with 422 and a Thai message, setting no session', async () => {
    const res = await t.post('/login', {
      email: 'somchai@example.org',
      password: 'wrong-password',
    });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /อีเมลหรือรหัสผ่านไม่ถูกต้อง/);
    assert.equal(
      res.headers.getSetCookie().some((c) => c.startsWith('prongsai_session=')),
      false,
    );
  });

  it('refuses a POST without the CSRF token', async () => {
    const res = await t.app.request('/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: t.anonymous().cookie,
      },
      body: 'email=somchai%40example.org&password=correct-horse-1',
    });
    assert.equal(res.status, 403);
  });

  it('checks at most a few of 20 parallel wrong passwords on one account', async () => {
    await createStaffMember(
      t.ctx,
      {
        email: 'parallel@example.org',
        displayName: 'ขนาน',
        roles: 'unit_officer',
        password: 'correct-horse-3',
      },
      FAST_HASH_COST,
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.post('/login', { email: 'parallel@example.org', password: `guess-${i}` }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((s) => s === 422).length;
    assert.ok(
      checked <= ACCOUNT_FROM_UNKNOWN_DEVICES.freeFailures + 1,
      `${checked} of 20 checked: ${statuses.join(' ')}`,
    );
    assert.equal(statuses.filter((s) => s === 429).length, 20 - checked);
    const refused = await answers.find((r) => r.status === 429)!.text();
    assert.match(refused, /กรุณารอ \d+ (วินาที|นาที)/);
  });

  it('sends a visitor without a session from /staff to the log-in page', async () => {
    const res = await t.get('/staff/agency/units');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/login\?next=/);
  });

  it('logs out: the session no longer opens staff pages', async () => {
    const session = await t.loginAs('agency_admin');
    assert.equal((await t.get('/staff/agency/units', session)).status, 200);
    assert.equal((await t.post('/logout', {}, session)).status, 303);
    assert.equal((await t.get('/staff/agency/units', session)).status, 303);
  });
});
