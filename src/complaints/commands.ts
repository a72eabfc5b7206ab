import { writeFile } from 'node:fs/promises';
import { defineCommand, type CliCommand } from '../core/cli/command.js';
import type { Database } from '../core/db/client.js';
import { findAgencyBySlug } from '../core/agencies/find-agency.js';
import { renderComplaintsReport } from './build-complaints-report.js';
import { PERIODS, type Period } from './statistics.js';
import { createWebhookToken } from './accept-webhook-ticket.js';

const reportCommand = defineCommand({
  name: 'complaints report',
  summary: 'ออกรายงานสรุปเรื่องร้องเรียน / write the complaint report',
  usage:
    'prongsai complaints report --agency SLUG --year YEAR --period q1|q2|q3|q4|h1|h2|year --format docx|pdf|xlsx --out FILE',
  options: {
    agency: { type: 'string' },
    year: { type: 'string' },
    period: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  run: async ({ values }, io, deps) => {
    const year = Number(values.year);
    const period = String(values.period ?? 'year');
    const format = values.format;
    if (!values.agency || !Number.isInteger(year) || year < 2500 || !values.out) {
      io.err(
        'ต้องระบุ --agency, --year (พ.ศ.) และ --out / --agency, --year (B.E.) and --out are required\n',
      );
      return 2;
    }
    if (!(PERIODS as readonly string[]).includes(period)) {
      io.err(
        `--period ต้องเป็น ${PERIODS.join('|')} / --period must be one of ${PERIODS.join('|')}\n`,
      );
      return 2;
    }
    if (format !== 'docx' && format !== 'pdf' && format !== 'xlsx') {
      io.err('--format ต้องเป็น docx, pdf หรือ xlsx / --format must be docx, pdf or xlsx\n');
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const agency = await findAgencyBySlug(database.db, String(values.agency));
    if (!agency) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 1;
    }
    const bytes = await renderComplaintsReport(
      database.db,
      agency.id,
      { year, period: period as Period },
      format,
      new Date(),
    );
    await writeFile(String(values.out), bytes);
    io.out(`${String(values.out)} (${bytes.byteLength} bytes)\n`);
    return 0;
  },
});

const webhookCommand = defineCommand({
  name: 'complaints webhook',
  summary: 'ออกโทเคนรับเรื่องจาก Traffy Fondue / issue the Traffy-style intake token',
  usage: 'prongsai complaints webhook --agency SLUG [--callback URL]',
  help:
    'พิมพ์โทเคนครั้งเดียว (เก็บเฉพาะค่าแฮช) ออกใหม่แล้วโทเคนเดิมใช้ไม่ได้ / prints the token once (only its hash is kept); a new one replaces the old. ' +
    'POST /a/SLUG/complaints/webhook/traffy with Authorization: Bearer TOKEN and JSON {ticket_id, type, description, coords:[lon,lat], photos:[base64], photo_urls:[]}; ' +
    'status changes are POSTed to --callback as {ticket_id, status, date}.',
  options: { agency: { type: 'string' }, callback: { type: 'string' } },
  run: async ({ values }, io, deps) => {
    const callback = values.callback ? String(values.callback) : null;
    if (!values.agency || (callback !== null && !/^https?:\/\/[^\s]+$/.test(callback))) {
      io.err(
        'ต้องระบุ --agency และ --callback ต้องเป็น URL / --agency is required; --callback must be a URL\n',
      );
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const agency = await findAgencyBySlug(database.db, String(values.agency));
    if (!agency) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 1;
    }
    const actor = { userId: null, label: 'cli', roles: [], isInstanceAdmin: true };
    io.out(`${await createWebhookToken(database.db, agency.id, callback, actor)}\n`);
    return 0;
  },
});

export const complaintsCommands: CliCommand[] = [reportCommand, webhookCommand];
