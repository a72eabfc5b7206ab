import { ZodError } from 'zod';
import { currentFiscalYear } from '../../core/i18n/thai-format.js';
import { defineCommand, type CliCommand } from '../../core/cli/command.js';
import { checkWebsite } from './check-website.js';
import type { CrawlProgress } from './crawl-site.js';
import { formatCheckReport } from './format-check-report.js';
import type { OitItemForCheck } from './oit-item-for-check.js';
import { checkerItemsForAllYears } from './items-from-framework.js';

/**
 * OIT items per fiscal year known to the checker, from the assessment framework data (one
 * `fy<year>.json` per year); a year missing here is "unknown year" (exit 2).
 */
export const checkerItemsByYear = new Map<number, OitItemForCheck[]>(checkerItemsForAllYears());

function progressLine(p: CrawlProgress, isTty: boolean): string {
  const seconds = (p.elapsedMs / 1000).toFixed(1);
  if (!isTty) return `ตรวจแล้ว ${p.pagesVisited}/${p.maxPages} หน้า (${seconds} วิ.) ${p.url}\n`;
  const width = 30;
  const filled = Math.min(width, Math.round((p.pagesVisited / p.maxPages) * width));
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.pagesVisited}/${p.maxPages} หน้า ${seconds} วิ. รอคิว ${p.queued}\x1b[K`;
}

const oitCheck = defineCommand({
  name: 'oit check',
  summary: 'ตรวจเว็บไซต์หน่วยงานตามรายการ OIT / Check an agency website against the OIT items',
  usage:
    'prongsai oit check URL --year YEAR [--json] [--max-pages N] [--timeout S] [--allow-private-network]',
  help: [
    `ตัวอย่าง: prongsai oit check https://www.example.go.th --year ${currentFiscalYear(new Date())}`,
    '--timeout S   เวลาสูงสุดของการตรวจทั้งหมด (วินาที, ค่าเริ่มต้น 60)',
    '--max-pages N จำนวนหน้าสูงสุด (ค่าเริ่มต้น 500)',
    '--allow-private-network  ยอมให้ตรวจเว็บไซต์ในเครือข่ายภายใน (127.x, 10.x, 192.168.x) / allow intranet targets',
    'รหัสออก: 0 ตรวจเสร็จ, 1 เข้าเว็บไซต์ไม่ได้, 2 ข้อมูลนำเข้าไม่ถูกต้อง',
  ].join('\n'),
  allowPositionals: true,
  options: {
    year: { type: 'string' },
    json: { type: 'boolean' },
    'max-pages': { type: 'string' },
    timeout: { type: 'string' },
    'allow-private-network': { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const fail = (th: string, en: string) => {
      io.err(`${th} / ${en}\n`);
      return 2;
    };
    const [url, ...extra] = positionals;
    if (!url || extra.length > 0) return fail('ระบุ URL ของเว็บไซต์หนึ่งรายการ', 'give exactly one URL');
    const year = Number(values.year);
    if (!Number.isInteger(year))
      return fail(
        `ระบุปีงบประมาณ พ.ศ. เช่น --year ${currentFiscalYear(new Date())}`,
        '--year is required',
      );
    const items = checkerItemsByYear.get(year);
    if (!items) {
      const known = [...checkerItemsByYear.keys()].join(', ');
      return fail(`ไม่รู้จักปีงบประมาณ ${year} (มี: ${known})`, `unknown fiscal year ${year}`);
    }
    const maxPages = values['max-pages'] === undefined ? 500 : Number(values['max-pages']);
    const timeoutSeconds = values.timeout === undefined ? 60 : Number(values.timeout);
    if (!Number.isInteger(maxPages) || maxPages < 1)
      return fail('--max-pages ต้องเป็นจำนวนเต็มบวก', 'bad --max-pages');
    if (!(timeoutSeconds > 0)) return fail('--timeout ต้องเป็นจำนวนวินาทีที่มากกว่า 0', 'bad --timeout');

    // The bar redraws one line with \r; in a log file or CI output that would be noise.
    const isTty = process.stderr.isTTY === true;
    try {
      const report = await checkWebsite({
        url,
        fiscalYear: year,
        items,
        limits: { maxPages, timeLimitMs: Math.round(timeoutSeconds * 1000) },
        onProgress: (p) => io.err(progressLine(p, isTty)),
        // The operator at the host's shell may check an intranet site; the web page never can.
        network: { allowPrivateAddresses: values['allow-private-network'] === true },
      });
      if (isTty) io.err('\n');
      if (!report.isReachable) {
        io.err(`เข้าเว็บไซต์ ${report.url} ไม่ได้ / the site cannot be reached\n`);
        for (const link of report.brokenLinks) io.err(`  ${link.status} ${link.url}\n`);
        return 1;
      }
      io.out(
        values.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatCheckReport(report),
      );
      return 0;
    } catch (error) {
      if (error instanceof ZodError) {
        return fail(`URL ไม่ถูกต้อง: ${url}`, error.issues.map((i) => i.message).join('; '));
      }
      throw error;
    }
  },
});

/** Commands of the website checker, gathered by the CLI registry. */
export const checkerCommands: CliCommand[] = [oitCheck];
