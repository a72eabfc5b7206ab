import type { JobDefinition } from '../core/jobs/types.js';
import type { ModuleManifest } from '../core/module.js';
import { isMailConfigured } from '../core/mail/index.js';
import { findCommandAgencies } from '../core/agencies/find-agency.js';
import { sendDisclosureReminders } from './send-disclosure-reminders.js';

/**
 * The OIT items still to do, e-mailed to their units daily at 08:30 Bangkok time from
 * REMIND_DAYS_BEFORE days before the NACC window opens (outside those days a run sends
 * nothing). Idempotent per address and day by disclosure_reminders_sent.
 */
export const disclosureRemindersJob: JobDefinition<ModuleManifest> = {
  name: 'disclosure-reminders',
  summary: 'อีเมลเตือนข้อมูล OIT ที่ยังค้างก่อนช่วงการประเมิน / OIT items still to do, by e-mail',
  schedule: '30 8 * * *',
  handler: async (ctx) => {
    if (!isMailConfigured(ctx.mail)) return { summary: 'ไม่ได้ตั้งค่า SMTP ไม่ได้ส่ง / no SMTP set' };
    const byAgency: Record<string, string> = {};
    let sent = 0;
    let skipped = 0;
    for (const agency of (await findCommandAgencies(ctx.db, undefined)) ?? []) {
      const result = await sendDisclosureReminders(ctx.db, agency, {
        mail: ctx.mail,
        now: ctx.now(),
        baseUrl: ctx.baseUrl,
        modules: ctx.modules,
      });
      if (result.notDue) continue;
      sent += result.sent;
      skipped += result.skipped;
      byAgency[agency.id] =
        `ส่ง ${result.sent} ข้าม ${result.skipped} / sent ${result.sent}, skipped ${result.skipped}`;
    }
    return { summary: `ส่ง ${sent} ข้าม ${skipped} / sent ${sent}, skipped ${skipped}`, byAgency };
  },
};
