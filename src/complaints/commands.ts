import { writeFile } from 'node:fs/promises';
import { defineCommand, type CliCommand } from '../core/cli/command.js';
import type { Database } from '../core/db/client.js';
import { findAgencyBySlug } from '../core/agencies/find-agency.js';
import { renderComplaintsReport } from './build-complaints-report.js';
import { PERIODS, type Period } from './statistics.js';

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

export const complaintsCommands: CliCommand[] = [reportCommand];
