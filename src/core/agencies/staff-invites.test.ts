import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../../test/helpers/test-context.js';

/**
 * #12 item 8: an agency admin used to attach any existing account to the agency by typing its
 * e-mail, without consent, and learnt from the answer whether the address had an account.
 * Now the admin only invites; the person joins by accepting.
 */
void describe('inviting staff by e-mail, with acceptance', () => {
  let t: TestContext;
  let admin: TestSession;
  let elsewhere: TestSession;
  let elsewhereEmail: string;

  const emailOf = async (userId: string) =>
    (
      await t.database.query<{ email: string }>('select email from core_users where id = $1', [
        userId,
      ])
    )[0]!.email;
  const isStaffOfA = async (email: string) =>
    (
      await t.database.query(
        `select 1 from core_staff s join core_users u on u.id = s.user_id
         where s.agency_id = $1 and u.email = $2`,
        [t.agency.id, email],
      )
    ).length > 0;
  const invite = async (email: string) => {
    const res = await t.post(
      '/staff/agency/staff',
      { email, displayName: 'ผู้ได้รับเชิญ', roles: 'unit_officer', positionTh: 'นักวิชาการ' },
      admin,
    );
    const html = await res.text();
    const link = /id="invite-link">https?:\/\/[^/]+(\/invite\/[A-Za-z0-9_-]{43})</.exec(html)?.[1];
    return { status: res.status, html, link: link! };
  };

  before(async () => {
    t = await createTestContext();
    admin = await t.loginAs('agency_admin');
    const b = await t.makeAgency();
    elsewhere = await t.loginAs('unit_officer', b.agency);
    elsewhereEmail = await emailOf(elsewhere.userId);
  });
  after(() => t.close());

  void it('answers the same for an address with an account and one without; nobody joins', async () => {
    const known = await invite(elsewhereEmail);
    const unknown = await invite('nobody-yet@example.org');
    assert.equal(known.status, 200);
    assert.equal(unknown.status, 200);
    const strip = (r: { html: string; link: string }) =>
      r.html.replaceAll(r.link, '/invite/TOKEN').replace(/name="_csrf" value="[^"]+"/g, '');
    assert.equal(strip(known), strip(unknown));
    assert.equal(await isStaffOfA(elsewhereEmail), false);
    // Only the token's hash is stored.
    const token = known.link.split('/').at(-1)!;
    const rows = await t.database.query('select * from core_staff_invites');
    assert.ok(!JSON.stringify(rows).includes(token));
  });

  void it('lets only the invited account accept, once, audited', async () => {
    const { link } = await invite(elsewhereEmail);
    assert.equal((await t.get(link)).status, 200);
    const anonymous = await t.post(link, {});
    assert.equal(anonymous.status, 303);
    const logIn = anonymous.headers.get('location') ?? '';
    assert.match(logIn, /^\/login\?next=/);
    // Not a bare log-in page: it says why, and brings the person back to accept.
    assert.match(await (await t.get(logIn)).text(), /เข้าสู่ระบบด้วยอีเมลที่ได้รับเชิญก่อน/);
    const someoneElse = await t.loginAs('unit_officer');
    const refused = await t.post(link, {}, someoneElse);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /คำเชิญนี้ส่งถึงอีเมลอื่น/);
    assert.equal(await isStaffOfA(elsewhereEmail), false);
    const accepted = await t.post(link, {}, elsewhere);
    assert.equal(accepted.status, 303);
    assert.equal(await isStaffOfA(elsewhereEmail), true);
    assert.equal((await t.post(link, {}, elsewhere)).status, 404);
    const actions = (
      await t.database.query<{ action: string }>(
        `select action from core_audit_log where agency_id = $1 and action like 'agencies.staff.%'`,
        [t.agency.id],
      )
    ).map((r) => r.action);
    assert.ok(actions.includes('agencies.staff.invite'));
    assert.ok(actions.includes('agencies.staff.accept'));
  });

  void it('lets a new address set its first password, but never replaces an existing one', async () => {
    const { link } = await invite('new-person@example.org');
    const short = await t.post(`${link}/new-account`, { password: 'short' });
    assert.equal(short.status, 422);
    const ok = await t.post(`${link}/new-account`, { password: 'a-long-enough-password' });
    assert.equal(ok.status, 303);
    const logIn = await (await t.get(ok.headers.get('location')!)).text();
    assert.match(logIn, /สร้างบัญชีและเข้าร่วมหน่วยงานแล้ว: เข้าสู่ระบบด้านล่าง/);
    assert.equal(await isStaffOfA('new-person@example.org'), true);
    assert.equal(
      (await t.post(`${link}/new-account`, { password: 'another-password' })).status,
      404,
    );
    const existing = await invite(elsewhereEmail);
    const takeover = await t.post(`${existing.link}/new-account`, {
      password: 'attacker-password-123',
    });
    assert.equal(takeover.status, 409);
  });

  void it('refuses an expired invitation', async () => {
    const { link } = await invite('late@example.org');
    await t.database.query(
      `update core_staff_invites set expires_at = now() - interval '1 minute'
       where email = 'late@example.org'`,
    );
    assert.equal((await t.get(link)).status, 404);
    assert.equal(
      (await t.post(`${link}/new-account`, { password: 'a-long-enough-password' })).status,
      404,
    );
    assert.equal(await isStaffOfA('late@example.org'), false);
  });
});
