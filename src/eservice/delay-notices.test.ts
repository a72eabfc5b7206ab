import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { startFakeSmtp } from '../../test/helpers/fake-smtp.js';
import { saveManual } from './save-manual.js';
import { fileRequest } from './file-request.js';
import { sendDelayNotices } from './send-delay-notices.js';
import { closeBrowser } from '../core/documents/chromium.js';
import { pdfToText } from '../core/documents/read-back.js';

const DAY = 86_400_000;

void describe('delay notices every 7 days past the limit', () => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  before(async () => {
    t = await createTestContext();
    smtp = await startFakeSmtp();
  });
  after(async () => {
    await smtp.close();
    await closeBrowser();
    await t.close();
  });

  it('sends one notice per 7-day period, e-mails the requester, and escalates the overdue step once', async () => {
    await saveManual(t.ctx, {
      code: 'quick',
      manual: {
        name: 'บริการด่วน',
        steps: [{ title: 'ดำเนินการ', duration: 1, durationUnit: 'days' }],
      },
    });
    const filedAt = new Date('2026-12-08T03:00:00Z');
    const request = await fileRequest(
      { ...t.ctx, now: () => filedAt },
      {
        serviceCode: 'quick',
        form: { requesterName: 'ผู้รอ', contactEmail: 'waiting@example.org', pdpaAcknowledged: 'on' },
        attachments: [],
        channel: 'online',
        dataDir: '',
      },
    );
    const mail = { smtpUrl: smtp.url, mailFrom: 'noreply@example.org' };
    const run = (days: number) =>
      sendDelayNotices(t.database.db, {
        now: new Date(request.dueAt.getTime() + days * DAY),
        mail,
      });
    assert.deepEqual(await sendDelayNotices(t.database.db, { now: filedAt, mail }), {
      delayNotices: 0,
      escalations: 0,
      emailed: 0,
    });
    const officer = await t.loginAs('unit_officer');
    const letter = `/staff/eservice/requests/${request.id}/delay-letter.pdf`;
    assert.equal((await t.get(letter, officer)).status, 404, 'no letter before a notice');
    const first = await run(1);
    const work = await (await t.get(`/staff/eservice/requests/${request.id}`, officer)).text();
    assert.ok(work.includes(letter), 'the work page links the letter');
    const pdf = await t.get(letter, officer);
    assert.equal(pdf.status, 200);
    const text = await pdfToText(new Uint8Array(await pdf.arrayBuffer()));
    assert.match(text, /แจ้งความล่าช้าของคำขอ/);
    assert.match(text, /ผู้รอ/);
    assert.match(text, /ครั้งที่ ๑/);
    assert.equal(first.delayNotices, 1);
    assert.equal(first.escalations, 1);
    assert.equal((await run(3)).delayNotices, 0, 'same period: nothing again');
    const second = await run(8);
    assert.equal(second.delayNotices, 1);
    assert.equal(second.escalations, 0, 'a step escalates once');
    assert.equal(smtp.received.filter((m) => m.to === 'waiting@example.org').length, 2);
  });
});
