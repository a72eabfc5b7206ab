import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { staff } from '../core/agencies/schema.js';
import { listUnits } from '../core/agencies/units.js';
import { auditLog } from '../core/audit/schema.js';
import { saveEntry } from './save-entry.js';
import { listOitItems } from './oit-items.js';
import { disclosureRemindersSent } from './schema.js';
import { sendDisclosureReminders } from './send-disclosure-reminders.js';

/** The text part of a raw message: quoted-printable UTF-8 decoded. */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body[i] === '=' ? /^[0-9A-F]{2}/.exec(body.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

void describe('disclosure deadline reminders', () => {
  let t: TestContext;
  let server: SMTPServer;
  let smtpUrl = '';
  const mails: { to: string; body: string }[] = [];
  const emails: Record<'officer' | 'admin' | 'executive' | 'otherUnit', string> = {
    officer: '',
    admin: '',
    executive: '',
    otherUnit: '',
  };
  const march15 = new Date('2023-03-15T03:00:00Z');
  const FINANCE_ITEM = 'o3';

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            body: bodyOf(Buffer.from(data, 'latin1').toString('utf8')),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?ignoreTLS=true`;
    t = await createTestContext({ smtpUrl });
    const [office, finance] = await listUnits(t.database.db, t.agency.id);
    const person = async (roles: 'unit_officer' | 'agency_admin' | 'executive', unitId: string) => {
      const session = await t.loginAs(roles);
      await t.database.db.update(staff).set({ unitId }).where(eq(staff.userId, session.userId));
      const [row] = await t.database.query<{ email: string }>(
        'select email from core_users where id = $1',
        [session.userId],
      );
      return row!.email;
    };
    emails.officer = await person('unit_officer', finance!.id);
    emails.otherUnit = await person('unit_officer', office!.id);
    emails.admin = await person('agency_admin', office!.id);
    emails.executive = await person('executive', finance!.id);
    await saveEntry(t.ctx, {
      fiscalYear: 2566,
      itemCode: FINANCE_ITEM,
      contentHtml: '<p>ร่าง</p>',
      responsibleUnitId: finance!.id,
    });
  });
  after(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const send = (now: Date, options: { isDryRun?: boolean } = {}) =>
    sendDisclosureReminders(t.database.db, t.agency, {
      mail: { smtpUrl, mailFrom: 'prongsai@localhost' },
      now,
      baseUrl: 'https://prongsai.example.go.th',
      modules: [],
      ...options,
    });

  void it('sends nothing while the window is more than 30 days away', async () => {
    const result = await send(new Date('2023-01-10T03:00:00Z'));
    assert.equal(result.notDue, 'notYet');
    assert.equal(mails.length, 0);
  });

  void it('e-mails the unit’s officer its items and the admins the unassigned ones, in Thai with พ.ศ. dates', async () => {
    const result = await send(march15);
    assert.equal(result.sent, 2);
    assert.deepEqual(mails.map((m) => m.to).sort(), [emails.admin, emails.officer].sort());
    const officerMail = mails.find((m) => m.to === emails.officer)!.body;
    assert.match(officerMail, /1 เมษายน พ\.ศ\. 2566/);
    assert.match(officerMail, new RegExp(`/staff/disclosure/items/2566/${FINANCE_ITEM}\\b`));
    assert.match(officerMail, /ฉบับร่าง/);
    assert.doesNotMatch(officerMail, /\/items\/2566\/o1\b/, 'only the unit’s own item');
    const adminMail = mails.find((m) => m.to === emails.admin)!.body;
    assert.match(adminMail, /ยังไม่มีข้อมูล/);
    assert.equal(
      (adminMail.match(/\/staff\/disclosure\/items\/2566\/o\d+/g) ?? []).length,
      // All but the officer's item and the two that the site's own pages already fill (its
      // units and contact details), as the public index and the staff pages count them.
      listOitItems(2566).length - 3,
    );
  });

  void it('sends each address at most once a day', async () => {
    const again = await send(new Date('2023-03-15T09:00:00Z'));
    assert.equal(again.sent, 0);
    assert.equal(again.skipped, 2);
    assert.equal(mails.length, 2);
    const log = await t.database.db
      .select()
      .from(disclosureRemindersSent)
      .where(eq(disclosureRemindersSent.agencyId, t.agency.id));
    assert.equal(log.length, 2);
  });

  void it('--dry-run plans the next day’s messages without sending or recording them', async () => {
    const dry = await send(new Date('2023-03-16T03:00:00Z'), { isDryRun: true });
    assert.equal(dry.reminders.length, 2);
    assert.equal(dry.sent, 0);
    assert.equal(mails.length, 2);
    const log = await t.database.db.select().from(disclosureRemindersSent);
    assert.equal(log.length, 2);
  });

  void it('the dashboard button is for agency admins only, and is audited', async () => {
    const officer = await t.loginAs('unit_officer');
    const refused = await t.post('/staff/disclosure/readiness/remind', {}, officer);
    assert.equal(refused.status, 403);
    const admin = await t.loginAs('agency_admin');
    const page = await (await t.get('/staff/disclosure/readiness?year=2566', admin)).text();
    assert.match(page, /action="\/staff\/disclosure\/readiness\/remind"/);
    const before = mails.length;
    const res = await t.post('/staff/disclosure/readiness/remind', { year: '2566' }, admin);
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /notice=disclosure\.reminders\./);
    assert.ok(mails.length > before, 'the button sends now (forced), whatever the date');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'disclosure.reminders.send'));
    assert.equal(audited.length, 1);
  });
});
