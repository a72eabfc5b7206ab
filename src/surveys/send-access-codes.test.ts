import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { createCampaign } from './campaigns.js';
import { hashCode } from './access-codes.js';
import { sendAccessCodes } from './send-access-codes.js';

void describe('e-mailing IIT access codes', () => {
  let t: TestContext;
  let server: SMTPServer;
  let port = 0;
  const mails: { to: string; body: string }[] = [];

  before(async () => {
    t = await createTestContext();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  void it('sends one working code per address and stores no address', async () => {
    const campaign = await createCampaign(t.ctx, {
      fiscalYear: 2566,
      tool: 'IIT',
      titleTh: 'IIT อีเมล',
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
    const result = await sendAccessCodes(t.ctx, campaign, {
      emails: ['somchai@example.org', 'somying@example.org'],
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'prongsai@localhost',
      surveyUrl: 'http://localhost/a/agency-a/surveys/x',
    });
    assert.equal(result.sent, 2);
    assert.deepEqual(mails.map((m) => m.to).sort(), ['somchai@example.org', 'somying@example.org']);
    for (const mail of mails) {
      const code = /([2-9A-Z]{5}-[2-9A-Z]{5})/.exec(mail.body.replace(/=\r?\n/g, ''))?.[1];
      assert.ok(code, 'mail carries a code');
      const rows = await t.database.query(
        'select used from surveys_access_codes where code_hash = $1',
        [hashCode(campaign.id, code)],
      );
      assert.equal(rows.length, 1);
    }
    const dump = JSON.stringify(await t.database.query('select * from core_audit_log'));
    assert.ok(!dump.includes('somchai'), 'audit log keeps no address');
  });
});
