import ExcelJS from 'exceljs';
import type { DbOrTx } from '../core/db/client.js';
import { listPublishedItems } from './queries.js';
import type { FedContentByItem } from './feed-sources.js';

/** One row of the OIT link sheet: what the agency pastes into the NACC's system. */
export interface LinkSheetRow {
  itemCode: string;
  subIndicator: string;
  nameTh: string;
  /** The item's page on the agency's site, then its documents and fed content. */
  urls: string[];
  isPublished: boolean;
}

/** Thai headers: the sheet goes to Thai staff and the NACC form. */
export const LINK_SHEET_HEADERS = ['ข้อ', 'ตัวชี้วัดย่อย', 'ชื่อข้อมูล', 'สถานะ', 'URL'] as const;

const absolute = (base: string, href: string) =>
  /^https?:\/\//.test(href) ? href : `${base.replace(/\/$/, '')}${href}`;

/**
 * The link sheet of a fiscal year: every OIT item with its public page URL (the one an
 * assessor opens; it lists everything) followed by direct links to its documents.
 * `baseUrl` is the public origin, e.g. https://prongsai.example or the agency's own host.
 */
export async function buildLinkSheet(
  db: DbOrTx,
  agency: { id: string; slug: string },
  fiscalYear: number,
  options: { baseUrl: string; fed?: FedContentByItem },
): Promise<LinkSheetRow[]> {
  const site = `${options.baseUrl.replace(/\/$/, '')}/a/${agency.slug}`;
  const items = await listPublishedItems(db, agency.id, fiscalYear, { fed: options.fed });
  return items.map((p) => {
    const isPublished = p.entry !== null || p.fed.length > 0;
    return {
      itemCode: p.item.code,
      subIndicator: p.item.subIndicator,
      nameTh: p.item.nameTh,
      isPublished,
      urls: isPublished
        ? [
            `${site}/oit/${fiscalYear}/${p.item.code}`,
            ...p.documents.map((d) => `${site}${d.path}`),
            ...p.fed.flatMap((f) => f.links.map((l) => absolute(site, l.href))),
          ]
        : [],
    };
  });
}

const statusTh = (r: LinkSheetRow) => (r.isPublished ? 'เผยแพร่แล้ว' : 'ยังไม่เผยแพร่');

function csvCell(value: string): string {
  // A leading = + - @ would run as a formula in Excel: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 BOM (so Excel reads Thai), one line per item, URLs joined by newlines. */
export function linkSheetCsv(rows: LinkSheetRow[]): string {
  const lines = [
    LINK_SHEET_HEADERS.join(','),
    ...rows.map((r) =>
      [r.itemCode, r.subIndicator, r.nameTh, statusTh(r), r.urls.join('\n')].map(csvCell).join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** XLSX of the same sheet; the first URL is a clickable hyperlink. */
export async function linkSheetXlsx(rows: LinkSheetRow[], fiscalYear: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Prongsai';
  const sheet = workbook.addWorksheet(`OIT ${fiscalYear}`);
  sheet.columns = [
    { header: LINK_SHEET_HEADERS[0], key: 'code', width: 8 },
    { header: LINK_SHEET_HEADERS[1], key: 'sub', width: 12 },
    { header: LINK_SHEET_HEADERS[2], key: 'name', width: 60 },
    { header: LINK_SHEET_HEADERS[3], key: 'status', width: 16 },
    { header: LINK_SHEET_HEADERS[4], key: 'url', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow({
      code: r.itemCode,
      sub: r.subIndicator,
      name: r.nameTh,
      status: statusTh(r),
      url: r.urls.join('\n'),
    });
    if (r.urls[0]) {
      row.getCell('url').value = { text: r.urls.join('\n'), hyperlink: r.urls[0] };
    }
    row.getCell('url').alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
