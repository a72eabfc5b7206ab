import { defineCommand } from '../core/cli/command.js';
import type { Database } from '../core/db/client.js';
import { findCommandAgencies } from '../core/agencies/find-agency.js';
import { disclosurePublicContent } from './read-public-content.js';
import { reindexSiteSearch } from './reindex-site-search.js';
import { REMIND_DAYS_BEFORE, sendDisclosureReminders } from './send-disclosure-reminders.js';
import { loadConfig } from '../core/config/config.js';
import { isMailConfigured } from '../core/mail/index.js';

/** `prongsai oit reindex`: rebuilds the public sites' search index (after an upgrade, a restore). */
export const reindexCommand = defineCommand({
  name: 'oit reindex',
  summary: 'สร้างดัชนีค้นหาของเว็บไซต์หน่วยงานใหม่ / rebuild the public site search index',
  usage: 'prongsai oit reindex [--agency SLUG]',
  help: 'ไม่ระบุ --agency = ทุกหน่วยงาน; หน้าที่ไม่เปลี่ยนจะไม่ถูกตัดคำซ้ำ / all agencies by default',
  options: { agency: { type: 'string' } },
  run: async ({ values }, io, deps) => {
    const database = (await deps.openDb()) as Database;
    const rows = await findCommandAgencies(
      database.db,
      values.agency === undefined ? undefined : String(values.agency),
    );
    if (!rows) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 1;
    }
    for (const agency of rows) {
      const started = performance.now();
      const pages = await reindexSiteSearch({
        q: { db: database.db, agencyId: agency.id, agencySlug: agency.slug },
        agency,
        content: disclosurePublicContent,
        modules: deps.modules ?? [],
        now: new Date(),
      });
      const ms = Math.round(performance.now() - started);
      io.out(`${agency.slug}: ${pages} หน้า / pages (${ms} ms)\n`);
    }
    return 0;
  },
});

/** `prongsai oit remind`: the deadline e-mails now (serve sends them daily: disclosure-reminders). */
export const remindCommand = defineCommand({
  name: 'oit remind',
  summary:
    'ส่งอีเมลเตือนข้อมูล OIT ที่ยังค้างก่อนช่วงการประเมิน / e-mail OIT items still to do before the window',
  usage: 'prongsai oit remind [--agency SLUG] [--dry-run]',
  help: [
    `ส่งตั้งแต่ ${REMIND_DAYS_BEFORE} วันก่อนเปิดระบบประเมิน (feeds/fy<ปี>.json) ถึงวันก่อนเปิด; วันละครั้งต่อคน (disclosure_reminders_sent)`,
    '--dry-run แสดงว่าจะส่งถึงใคร ข้อใดบ้าง โดยไม่ส่งและไม่บันทึก / show, send nothing',
    'Needs smtpUrl (PRONGSAI_SMTP_URL) unless --dry-run.',
  ].join('\n'),
  options: { agency: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  run: async ({ values }, io, deps) => {
    const config = loadConfig();
    const isDryRun = values['dry-run'] === true;
    if (!isDryRun && !isMailConfigured(config)) {
      io.err('ยังไม่ได้ตั้งค่า smtpUrl (PRONGSAI_SMTP_URL) / smtpUrl is not set\n');
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const rows = await findCommandAgencies(
      database.db,
      values.agency === undefined ? undefined : String(values.agency),
    );
    if (!rows) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 1;
    }
    for (const agency of rows) {
      const result = await sendDisclosureReminders(database.db, agency, {
        mail: config,
        now: new Date(),
        baseUrl: config.baseUrl,
        isDryRun,
        modules: deps.modules ?? [],
      });
      if (result.notDue) {
        io.out(`${agency.slug}: ไม่ถึงกำหนดเตือน (${result.notDue}) / not due\n`);
        continue;
      }
      for (const r of result.reminders) {
        const codes = r.items.map((i) => i.code).join(', ');
        const mark = r.isAlreadySent ? ' (ส่งแล้ววันนี้ / already sent today)' : '';
        io.out(`${agency.slug}: ${r.recipient} ${r.items.length} ข้อ: ${codes}${mark}\n`);
      }
      io.out(
        isDryRun
          ? `${agency.slug}: --dry-run ไม่ได้ส่ง / nothing sent\n`
          : `${agency.slug}: ส่งแล้ว ${result.sent} ฉบับ ข้ามที่เคยส่ง ${result.skipped} / sent ${result.sent}, skipped ${result.skipped}\n`,
      );
    }
    return 0;
  },
});
