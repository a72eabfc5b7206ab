import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { createUser } from './staff-members.js';
import { createSession, SESSION_COOKIE } from '../auth/sessions.js';
import { CSRF_COOKIE } from '../http/middleware.js';
import { FAST_HASH_COST } from '../auth/password.js';
import { agencies, units } from './schema.js';

describe('instance administration of agencies', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  async function instanceAdminSession() {
    const user = await createUser(
      t.systemCtx,
      {
        email: 'root@example.org',
        displayName: 'ผู้ดูแลระบบกลาง',
        password: 'root-password-1',
        isInstanceAdmin: true,
      },
      FAST_HASH_COST,
    );
    const token = await createSession(t.database.db, user.id, null, new Date());
    const csrfToken = 'c'.repeat(43);
    const cookie = `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfToken}`;
    return { cookie, csrfToken, userId: user.id, headers: { cookie } };
  }

  it('refuses an agency administrator with 403', async () => {
    const session = await t.loginAs('agency_admin');
    assert.equal((await t.get('/admin/agencies', session)).status, 403);
    const res = await t.post('/admin/agencies', { slug: 'sneaky', nameTh: 'แอบสร้าง' }, session);
    assert.equal(res.status, 403);
    const rows = await t.database.db.select().from(agencies).where(eq(agencies.slug, 'sneaky'));
    assert.equal(rows.length, 0);
  });

  it('lets the instance administrator create an agency with its units, one per line', async () => {
    const session = await instanceAdminSession();
    const res = await t.post(
      '/admin/agencies',
      {
        slug: 'nongkhai',
        nameTh: 'เทศบาลตำบลหนองไข่',
        provinceTh: 'ร้อยเอ็ด',
        unitsTh: 'สำนักปลัด\r\nกองคลัง\r\n\r\n',
      },
      session,
    );
    assert.equal(res.status, 303);
    const [agency] = await t.database.db
      .select()
      .from(agencies)
      .where(eq(agencies.slug, 'nongkhai'));
    assert.ok(agency);
    const created = await t.database.db.select().from(units).where(eq(units.agencyId, agency.id));
    assert.deepEqual(created.map((u) => u.nameTh).sort(), ['กองคลัง', 'สำนักปลัด']);
    const again = await t.post('/admin/agencies', { slug: 'nongkhai', nameTh: 'ซ้ำ' }, session);
    assert.equal(again.status, 409);
    assert.match(await again.text(), /ชื่อย่อนี้ถูกใช้แล้ว/);

    // The next page leads to inviting the new agency's administrator, in that agency.
    const next = await (await t.get(res.headers.get('location')!, session)).text();
    assert.match(next, /ขั้นต่อไป: เชิญผู้ดูแลระบบของเทศบาลตำบลหนองไข่/);
    const action = `/admin/agencies/${agency.id}/invite-admin`;
    assert.ok(next.includes(`action="${action}"`), 'the next step is a button');
    const into = await t.post(action, {}, session);
    assert.equal(into.status, 303);
    const staffPage = await t.get(into.headers.get('location')!, session);
    assert.equal(staffPage.status, 200);
    assert.match(await staffPage.text(), /กรอกอีเมลของผู้ดูแลระบบหน่วยงาน/);
    const invited = await t.post(
      '/staff/agency/staff',
      { email: 'palad@nongkhai.go.th', displayName: 'ปลัดหนองไข่', roles: 'agency_admin' },
      session,
    );
    assert.equal(invited.status, 200, 'no SMTP: the link is shown to pass on');
    const invites = await t.database.query<{ agency_id: string; roles: string[] }>(
      `select agency_id, roles from core_staff_invites where email = 'palad@nongkhai.go.th'`,
    );
    assert.deepEqual(invites, [{ agency_id: agency.id, roles: ['agency_admin'] }]);
    assert.equal((await t.post('/admin/agencies/not-an-id/invite-admin', {}, session)).status, 404);
  });
});
