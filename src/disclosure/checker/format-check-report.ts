import type { WebsiteCheckReport } from './check-website.js';
import type { ItemMatch } from './match-oit-items.js';

const STATUS_TH: Record<ItemMatch['status'], string> = {
  found: 'พบ',
  uncertain: 'ไม่แน่ใจ',
  not_found: 'ไม่พบ',
};

function currencyTh(item: ItemMatch): string {
  if (item.status === 'not_found') return '-';
  if (item.isCurrent === true) return 'ปีปัจจุบัน';
  if (item.isCurrent === false) return item.mustBeCurrentYear ? 'ไม่เป็นปัจจุบัน (!)' : 'ไม่เป็นปัจจุบัน';
  return item.mustBeCurrentYear ? 'ไม่ทราบปี (!)' : 'ไม่ทราบปี';
}

// Thai combining marks (vowels above/below, tone marks) take no column in a terminal.
const ZERO_WIDTH = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b-\u200d]/g;

function displayWidth(text: string): number {
  return [...text.replace(ZERO_WIDTH, '')].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Renders a check report as a plain-text Thai table for the terminal: one row per OIT item with
 * status, currency and the first evidence, then broken links and warnings.
 */
export function formatCheckReport(report: WebsiteCheckReport): string {
  const rows = report.items.map((item) => [
    item.code.toUpperCase(),
    truncate(item.nameTh, 34),
    STATUS_TH[item.status],
    // The year or span it read, so an officer sees why ("2561-2565" is not this year's plan).
    item.currency ? `${currencyTh(item)} [${item.currency.read}]` : currencyTh(item),
    item.evidence[0] ? `${truncate(item.evidence[0].text, 30)} <${item.evidence[0].url}>` : '',
  ]);
  const header = ['ข้อ', 'รายการ', 'ผล', 'ความเป็นปัจจุบัน', 'หลักฐาน'];
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const count = (status: ItemMatch['status']) =>
    report.items.filter((i) => i.status === status).length;
  const out = [
    `ผลการตรวจเว็บไซต์ ${report.url} สำหรับการประเมิน OIT ปีงบประมาณ พ.ศ. ${report.fiscalYear}`,
    `ตรวจแล้ว ${report.pagesVisited} หน้า · พบ ${count('found')} · ไม่แน่ใจ ${count('uncertain')} · ไม่พบ ${count('not_found')} จาก ${report.items.length} ข้อ`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (report.brokenLinks.length > 0) {
    out.push('', `ลิงก์เสีย ${report.brokenLinks.length} รายการ:`);
    for (const link of report.brokenLinks) {
      out.push(`  ${link.status}  ${link.url}${link.foundOn ? `  (พบที่ ${link.foundOn})` : ''}`);
    }
  }
  if (report.warnings.length > 0) {
    out.push('', 'ข้อสังเกต:');
    for (const warning of report.warnings) out.push(`  - ${warning}`);
  }
  out.push('', '(!) = ข้อนี้ต้องเป็นข้อมูลของปีงบประมาณที่ประเมิน');
  return `${out.join('\n')}\n`;
}
