import { writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { defineCommand } from '../core/cli/command.js';
import type { Database } from '../core/db/client.js';
import { agencies } from '../core/agencies/schema.js';
import { closeBrowser } from '../core/documents/chromium.js';
import { listFrameworkYears } from './frameworks/load-frameworks.js';
import { renderItaAnalysisReport } from './documents/ita-analysis-report.js';

/** `ita report`: writes an agency's annual ITA analysis report as DOCX or PDF. */
export const reportCommand = defineCommand({
  name: 'ita report',
  summary: 'สร้างรายงานการวิเคราะห์ผลการประเมิน ITA / write the annual ITA analysis report',
  usage:
    'ita report --agency phothong --year YEAR --format docx|pdf --out FILE [--thai-digits|--arabic-digits]',
  help: 'Exit 0 = written; 2 = bad arguments or unknown agency/year.',
  options: {
    agency: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'thai-digits': { type: 'boolean' },
    'arabic-digits': { type: 'boolean' },
  },
  async run({ values }, io, deps) {
    const year = Number(values.year);
    const format = values.format;
    if (typeof values.agency !== 'string' || typeof values.out !== 'string') {
      io.err('ต้องระบุ --agency และ --out / --agency and --out are required\n');
      return 2;
    }
    if (!listFrameworkYears().includes(year)) {
      io.err(
        `ไม่มีเกณฑ์ของปีงบประมาณ "${String(values.year)}" (มี ${listFrameworkYears().join(', ')}) / unknown fiscal year\n`,
      );
      return 2;
    }
    if (format !== 'docx' && format !== 'pdf') {
      io.err('--format ต้องเป็น docx หรือ pdf / --format must be docx or pdf\n');
      return 2;
    }
    const database = (await deps.openDb()) as Database;
    const [agency] = await database.db
      .select()
      .from(agencies)
      .where(eq(agencies.slug, values.agency));
    if (!agency) {
      io.err(
        `ไม่พบหน่วยงาน "${values.agency}" (หน่วยงานตัวอย่างโหลดเมื่อเปิด prongsai serve ครั้งแรก) / unknown agency (the demo agency is loaded on the first prongsai serve)\n`,
      );
      return 2;
    }
    const thaiDigits = values['thai-digits'] ? true : values['arabic-digits'] ? false : undefined;
    try {
      const bytes = await renderItaAnalysisReport(database.db, agency.id, year, format, {
        ...(thaiDigits === undefined ? {} : { thaiDigits }),
      });
      await writeFile(values.out, bytes);
      io.out(`เขียน ${values.out} แล้ว (${bytes.length} ไบต์) / wrote ${values.out}\n`);
      return 0;
    } finally {
      await closeBrowser();
    }
  },
});
