import type { JobDefinition } from '../core/jobs/types.js';
import { isMailConfigured } from '../core/mail/index.js';
import { sendReminders } from './send-reminders.js';

/**
 * The due-soon and overdue e-mails, daily at 08:00 Bangkok time (the start of a Thai office
 * day). Idempotent by measures_reminders_sent; the scheduler makes sure two servers never
 * run the same day's slot at once, which that table alone could not (both would read "not
 * sent yet" and send).
 */
export const measuresRemindersJob: JobDefinition = {
  name: 'measures-reminders',
  summary: 'อีเมลเตือนขั้นตอนมาตรการที่ใกล้ครบกำหนดหรือเลยกำหนด / measure action due-date e-mails',
  schedule: '0 8 * * *',
  handler: async (ctx) => {
    if (!isMailConfigured(ctx.mail)) return { summary: 'ไม่ได้ตั้งค่า SMTP ไม่ได้ส่ง / no SMTP set' };
    const result = await sendReminders(ctx.db, {
      smtpUrl: ctx.mail.smtpUrl,
      mailFrom: ctx.mail.mailFrom,
      now: ctx.now(),
      ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl.replace(/\/$/, '') } : {}),
    });
    return {
      summary: `ส่ง ${result.sent} ข้าม ${result.skipped} / sent ${result.sent}, skipped ${result.skipped}`,
      byAgency: Object.fromEntries(
        Object.entries(result.byAgency).map(([id, r]) => [
          id,
          `ส่ง ${r.sent} ข้าม ${r.skipped} / sent ${r.sent}, skipped ${r.skipped}`,
        ]),
      ),
    };
  },
};
