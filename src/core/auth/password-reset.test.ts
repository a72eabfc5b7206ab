import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { createStaffMember } from '../agencies/staff-members.js';
import { ValidationError } from '../errors.js';
import { FAST_HASH_COST } from './password.js';
import { RESET_TTL_MS, requestPasswordReset } from './request-password-reset.js';
import { isResetTokenUsable, resetPassword } from './reset-password.js';

interface Mail {
  to: string;
  body: string;
}

/** A mail body as sent (quoted-printable), decoded enough to read the link and the Thai. */
function decode(body: string): string {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('forgot password', () => {
  let t: TestContext;
  let server: SMTPServer;
  const mails: Mail[] = [];

  async function nextMail(count: number): Promise<Mail> {
    for (let i = 0; i < 100 && mails.length < count; i++)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal(mails.length, count, 'the mail arrived');
    return mails[count - 1]!;
  }

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            body: decode(body),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    t = await createTestContext({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      baseUrl: 'https://prongsai.example.go.th',
    });
    await createStaffMember(
      t.ctx,
      {
        email: 'forgetful@example.org',
        displayName: 'ขี้ลืม',
        roles: 'unit_officer',
        password: 'old-password-1',
      },
      FAST_HASH_COST,
    );
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('answers the same whether or not the e-mail has an account', async () => {
    const known = await t.post('/login/forgot', { email: 'forgetful@example.org' });
    const unknown = await t.post('/login/forgot', { email: 'nobody@example.org' });
    assert.equal(known.status, 200);
    assert.equal(unknown.status, known.status);
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
    const [a, b] = [strip(await known.text()), strip(await unknown.text())];
    assert.equal(a, b);
    assert.match(a, /หากอีเมลนี้มีบัญชีในระบบ/);
    const mail = await nextMail(1);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(mails.length, 1, 'no mail for an unknown e-mail');
    assert.equal(mail.to, 'forgetful@example.org');
    // Thai first, English second.
    assert.ok(mail.body.indexOf('ตั้งรหัสผ่านใหม่') < mail.body.indexOf('reset the password'));
  });

  it('sets a new password once with the mailed link; sessions end; the link is spent', async () => {
    const oldSession = await t.loginAs('unit_officer');
    const mail = mails[0] ?? (await nextMail(1));
    const link = /https:\/\/prongsai\.example\.go\.th(\/login\/reset\?token=([\w-]+))/.exec(
      mail.body,
    );
    assert.ok(link, mail.body);
    const [, path, token] = link;
    // Only the hash is stored.
    const stored = await t.database.query<{ row: string }>(
      'select row_to_json(r)::text as row from core_password_resets r',
    );
    assert.ok(stored.length >= 1);
    assert.ok(stored.every((r) => !r.row.includes(token!)));

    const page = await t.get(path!);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /ตั้งรหัสผ่านใหม่/);
    const mismatch = await t.post('/login/reset', {
      token: token!,
      password: 'new-password-22',
      confirm: 'other-password-22',
    });
    assert.equal(mismatch.status, 422);
    assert.match(await mismatch.text(), /ไม่ตรงกัน/);

    const [{ userId }] = (await t.database.query<{ userId: string }>(
      'select id as "userId" from core_users where email = \'forgetful@example.org\'',
    )) as [{ userId: string }];
    await t.database.query(
      `insert into core_sessions (token_hash, user_id, expires_at) values ('x', $1, now() + interval '1 hour')`,
      [userId],
    );
    const done = await t.post('/login/reset', {
      token: token!,
      password: 'new-password-22',
      confirm: 'new-password-22',
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/login?notice=auth.reset.done');
    const sessions = await t.database.query('select 1 from core_sessions where user_id = $1', [
      userId,
    ]);
    assert.equal(sessions.length, 0, "the account's sessions ended");
    assert.equal((await t.get('/staff', oldSession)).status, 200, 'others untouched');

    const again = await t.post('/login/reset', {
      token: token!,
      password: 'third-password-3',
      confirm: 'third-password-3',
    });
    assert.equal(again.status, 410);
    assert.match(await again.text(), /หมดอายุหรือถูกใช้ไปแล้ว/);
    assert.equal((await t.get(path!)).status, 410);

    const oldLogin = await t.post('/login', {
      email: 'forgetful@example.org',
      password: 'old-password-1',
    });
    assert.equal(oldLogin.status, 422);
    const newLogin = await t.post('/login', {
      email: 'forgetful@example.org',
      password: 'new-password-22',
    });
    assert.equal(newLogin.status, 303);

    const audit = await t.database.query<{ action: string }>(
      `select action from core_audit_log where entity_id = $1 and action like 'auth.password%' order by seq`,
      [userId],
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['auth.passwordResetRequested', 'auth.passwordReset'],
    );
  });

  it('a link expires after 30 minutes', async () => {
    // Its own account: the tests above already spent this hour's resets of the first one,
    // and a fixed clock that happens to fall within that hour of the real one would be refused.
    await createStaffMember(
      t.ctx,
      {
        email: 'late@example.org',
        displayName: 'มาสาย',
        roles: 'unit_officer',
        password: 'old-password-1',
      },
      FAST_HASH_COST,
    );
    let clock = new Date();
    const ctx = { ...t.systemCtx, now: () => clock };
    const sent: string[] = [];
    const { delivery } = await requestPasswordReset(
      ctx,
      { email: 'late@example.org' },
      {
        baseUrl: 'https://prongsai.example.go.th',
        clientAddress: '203.0.113.9',
        send: async (message) => void sent.push(message.text),
      },
    );
    await delivery;
    const token = /token=([\w-]+)/.exec(sent[0]!)![1]!;
    clock = new Date(clock.getTime() + RESET_TTL_MS + 1000);
    assert.equal(await isResetTokenUsable(t.database.db, token, clock), false);
    await assert.rejects(
      resetPassword(
        ctx,
        { token, password: 'late-password-1', confirm: 'late-password-1' },
        FAST_HASH_COST,
      ),
      (e: unknown) => e instanceof ValidationError && e.messageKey === 'auth.reset.invalidLink',
    );
  });

  it('says so, for every e-mail alike, when the server cannot send mail', async () => {
    const bare = await createTestContext();
    try {
      const res = await bare.post('/login/forgot', { email: 'forgetful@example.org' });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /ยังไม่ได้ตั้งค่าการส่งอีเมล/);
    } finally {
      await bare.close();
    }
  });
});
