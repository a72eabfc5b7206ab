import { writeFile } from 'node:fs/promises';
import { defineCommand, type CliCommand } from '../core/cli/command.js';
import type { Database } from '../core/db/client.js';
import { findAgencyBySlug } from '../core/agencies/find-agency.js';
import { loadConfig } from '../core/config/config.js';
import { renderMeasuresReport } from './build-measures-report.js';
import { sendReminders } from './send-reminders.js';

const reportCommand = defineCommand({
  name: 'measures report',
  summary: 'ออกรายงานมาตรการเป็น DOCX หรือ PDF / write a measures report as DOCX or PDF',
  usage:
    'prongsai measures report --agency SLUG --year YEAR --format docx|pdf --out FILE [--kind progress-report|plan]',
  options: {
    agency: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    kind: { type: 'string' },
  },
  run: async ({ values }, io, deps) => {
    const year = Number(values.year);
    const format = values.format;
    const kind = (values.kind ?? 'progress-report') as string;
    if (!values.agency || !Number.isInteger(year) || year < 2500 || !values.out) {
      io.err(
        'ต้องระบุ --agency, --year (พ.ศ.) และ --out / --agency, --year (B.E.) and --out are required\n',
      );
      return 2;
    }
    if (format !== 'docx' && format !== 'pdf') {
      io.err('--format ต้องเป็น docx หรือ pdf / --format must be docx or pdf\n');
      return 2;
    }
    if (kind !== 'plan' && kind !== 'progress-report') {
      io.err('--kind ต้องเป็น plan หรือ progress-report / --kind must be plan or progress-report\n');
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const agency = await findAgencyBySlug(database.db, String(values.agency));
    if (!agency) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 1;
    }
    const bytes = await renderMeasuresReport(
      database.db,
      agency.id,
      year,
      kind,
      format,
      new Date(),
    );
    await writeFile(String(values.out), bytes);
    io.out(`${String(values.out)} (${bytes.byteLength} bytes)\n`);
    return 0;
  },
});

const remindCommand = defineCommand({
  name: 'measures remind',
  summary: 'ส่งอีเมลเตือนขั้นตอนที่ใกล้ครบกำหนดหรือเลยกำหนด / e-mail due and overdue reminders',
  usage: 'prongsai measures remind [--agency SLUG]',
  help:
    'serve ส่งเองทุกวัน 08:00 (งาน measures-reminders) คำสั่งนี้ส่งทันที ส่งซ้ำไม่ได้ (measures_reminders_sent). ' +
    'serve sends them daily by itself; this sends now. Needs smtpUrl.',
  options: { agency: { type: 'string' } },
  run: async ({ values }, io, deps) => {
    const config = loadConfig();
    if (!config.smtpUrl) {
      io.err('ยังไม่ได้ตั้งค่า smtpUrl (PRONGSAI_SMTP_URL) / smtpUrl is not set\n');
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const result = await sendReminders(database.db, {
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      now: new Date(),
      ...(values.agency ? { agencySlug: String(values.agency) } : {}),
      ...(config.baseUrl ? { baseUrl: config.baseUrl.replace(/\/$/, '') } : {}),
    });
    io.out(
      `ส่งแล้ว ${result.sent} ฉบับ ข้ามที่เคยส่ง ${result.skipped} / sent ${result.sent}, skipped ${result.skipped}\n`,
    );
    return 0;
  },
});

export const measuresCommands: CliCommand[] = [reportCommand, remindCommand];
