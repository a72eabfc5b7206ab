import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand, type CliCommand } from '../core/cli/command.js';
import type { Database } from '../core/db/client.js';
import { SYSTEM_ACTOR } from '../core/context.js';
import { findAgencyBySlug } from '../core/agencies/find-agency.js';
import { loadConfig } from '../core/config/config.js';
import { closeBrowser } from '../core/documents/chromium.js';
import { buildOfficialDocx } from '../core/documents/docx.js';
import { renderDocumentToPdf } from '../core/documents/pdf.js';
import {
  BUDDHIST_YEAR_MAX,
  BUDDHIST_YEAR_MIN,
  currentFiscalYear,
  fromThaiDigits,
} from '../core/i18n/thai-format.js';
import { buildAllLeafletPdfs } from './publish-leaflet.js';
import { gatherServiceReport, serviceReportModel, serviceReportXlsx } from './service-report.js';

const leafletsCommand = defineCommand({
  name: 'eservice leaflets',
  summary: 'เขียนแผ่นพับ PDF ของทุกงานบริการ / write every service leaflet as PDF',
  usage: 'prongsai eservice leaflets --agency SLUG --out DIR',
  options: { agency: { type: 'string' }, out: { type: 'string' } },
  run: async ({ values }, io, deps) => {
    if (!values.agency || !values.out) {
      io.err('ต้องระบุ --agency และ --out / --agency and --out are required\n');
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const agency = await findAgencyBySlug(database.db, String(values.agency));
    if (!agency) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 1;
    }
    const ctx = {
      db: database.db,
      agencyId: agency.id,
      actor: { ...SYSTEM_ACTOR, label: 'cli' },
      locale: 'th' as const,
      now: () => new Date(),
    };
    try {
      const leaflets = await buildAllLeafletPdfs(ctx, {
        baseUrl: loadConfig().baseUrl ?? 'http://localhost:3000',
      });
      await mkdir(String(values.out), { recursive: true });
      for (const { code, pdf } of leaflets) {
        const file = path.join(String(values.out), `${code}.pdf`);
        await writeFile(file, pdf);
        io.out(`${file} (${pdf.byteLength} bytes)\n`);
      }
    } finally {
      await closeBrowser();
    }
    return 0;
  },
});

const REPORT_FORMATS = ['xlsx', 'docx', 'pdf'] as const;

const reportCommand = defineCommand({
  name: 'eservice report',
  summary:
    'เขียนรายงานสถิติการให้บริการและการใช้ดุลพินิจ / write the service statistics and discretion report',
  usage: 'prongsai eservice report --agency SLUG --year พ.ศ. --format xlsx|docx|pdf --out FILE',
  options: {
    agency: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  run: async ({ values }, io, deps) => {
    const year = Number(fromThaiDigits(String(values.year ?? '')));
    const format = String(values.format ?? '') as (typeof REPORT_FORMATS)[number];
    if (!values.agency || !values.out) {
      io.err('ต้องระบุ --agency --year --format และ --out / all four options are required\n');
      return 2;
    }
    if (!Number.isInteger(year) || year < BUDDHIST_YEAR_MIN || year > BUDDHIST_YEAR_MAX) {
      io.err(
        `ปีต้องเป็นปีงบประมาณ พ.ศ. เช่น ${currentFiscalYear(new Date())} / --year must be a Buddhist-era fiscal year\n`,
      );
      return 2;
    }
    if (!REPORT_FORMATS.includes(format)) {
      io.err('รูปแบบต้องเป็น xlsx, docx หรือ pdf / --format must be xlsx, docx or pdf\n');
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const agency = await findAgencyBySlug(database.db, String(values.agency));
    if (!agency) {
      io.err(`ไม่พบหน่วยงาน ${String(values.agency)} / no agency ${String(values.agency)}\n`);
      return 2;
    }
    const data = await gatherServiceReport(database.db, agency, year);
    let bytes: Buffer;
    if (format === 'xlsx') bytes = await serviceReportXlsx(data);
    else if (format === 'docx') bytes = await buildOfficialDocx(serviceReportModel(data));
    else {
      try {
        bytes = await renderDocumentToPdf(serviceReportModel(data));
      } finally {
        await closeBrowser();
      }
    }
    await writeFile(String(values.out), bytes);
    io.out(`${String(values.out)} (${bytes.byteLength} bytes)\n`);
    return 0;
  },
});

/** `prongsai eservice …` commands. */
export const eserviceCommands: CliCommand[] = [leafletsCommand, reportCommand];
