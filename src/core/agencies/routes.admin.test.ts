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
  });
});
