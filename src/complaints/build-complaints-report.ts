import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../core/db/client.js';
import { agencies } from '../core/agencies/schema.js';
import { NotFoundError } from '../core/errors.js';
import type { OfficialDocumentInput, SectionInput } from '../core/documents/document-model.js';
import { buildOfficialDocx } from '../core/documents/docx.js';
import { renderDocumentToPdf } from '../core/documents/pdf.js';
import { translate } from '../core/i18n/i18n.js';
import { formatThaiDate } from '../core/i18n/thai-format.js';
import {
  complaintStatistics,
  type Cell,
  type ComplaintStatistics,
  type Period,
} from './statistics.js';
import { thaiDay } from './views/format.js';

// Official documents are Thai only; the words come from the catalog like every page's.
const t = (key: string, params?: Record<string, unknown>) => translate('th', key, params);
const cellText = (c: Cell) =>
  'value' in c ? String(c.value) : t('complaints.stats.fewerThan', { n: c.fewerThan });

/**
 * The quarterly, half-year or yearly complaint report (รายงานสรุปผลการจัดการเรื่องร้องเรียน) for
 * executives and the OIT: the same figures as the public statistics page, small cells
 * suppressed, grievances and corruption complaints reported separately (thai-rules §2).
 */
export function complaintsReportModel(
  agencyName: string,
  stats: ComplaintStatistics,
  now: Date,
): OfficialDocumentInput {
  const period = t(`complaints.stats.periods.${stats.period}`);
  const title = t('complaints.report.title', { year: stats.fiscalYear });
  const sections: SectionInput[] = [
    { kind: 'cover', titleLines: [title, period], agencyLines: [agencyName] },
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'paragraph',
      text: t('complaints.report.intro', {
        agency: agencyName,
        period,
        from: thaiDay(stats.from),
        to: thaiDay(stats.to),
      }),
    },
  ];
  for (const k of stats.kinds) {
    sections.push(
      { kind: 'heading', level: 2, text: t(`complaints.kinds.${k.kind}`) },
      {
        kind: 'table',
        columns: [
          { header: t('complaints.report.item'), width: 3 },
          { header: t('complaints.report.count'), align: 'right' },
        ],
        rows: [
          [t('complaints.stats.received'), String(k.received)],
          [t('complaints.stats.finished'), String(k.finished)],
          [t('complaints.stats.inProgress'), String(k.inProgress)],
        ],
      },
    );
    if (k.byChannel.length > 0) {
      sections.push({
        kind: 'table',
        caption: t('complaints.stats.byChannel'),
        columns: [
          { header: t('complaints.field.channel'), width: 3 },
          { header: t('complaints.report.count'), align: 'right' },
        ],
        rows: k.byChannel.map((c) => [t(`complaints.channels.${c.channel}`), cellText(c.count)]),
      });
    }
    if (k.byConduct.length > 0) {
      sections.push({
        kind: 'table',
        caption: t('complaints.stats.byConduct'),
        columns: [
          { header: t('complaints.field.conductType'), width: 3 },
          { header: t('complaints.report.count'), align: 'right' },
        ],
        rows: k.byConduct.map((c) => [t(`complaints.conduct.${c.conductType}`), cellText(c.count)]),
      });
    }
  }
  sections.push({
    kind: 'paragraph',
    text: `${t('complaints.stats.suppressed')} ${t('complaints.report.madeOn', { date: formatThaiDate(now, { style: 'long' }) })}`,
  });
  return { title, thaiDigits: true, pageNumbers: true, sections };
}

/** The same figures as a worksheet, for agencies that keep their own registers in Excel. */
async function statisticsXlsx(agencyName: string, stats: ComplaintStatistics): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('complaints.report.sheet'));
  sheet.addRow([t('complaints.report.title', { year: stats.fiscalYear }), agencyName]);
  sheet.addRow([t(`complaints.stats.periods.${stats.period}`), `${stats.from} – ${stats.to}`]);
  for (const k of stats.kinds) {
    sheet.addRow([]);
    sheet.addRow([t(`complaints.kinds.${k.kind}`)]).font = { bold: true };
    sheet.addRow([t('complaints.stats.received'), k.received]);
    sheet.addRow([t('complaints.stats.finished'), k.finished]);
    sheet.addRow([t('complaints.stats.inProgress'), k.inProgress]);
    for (const c of k.byChannel)
      sheet.addRow([t(`complaints.channels.${c.channel}`), cellText(c.count)]);
    for (const c of k.byConduct)
      sheet.addRow([t(`complaints.conduct.${c.conductType}`), cellText(c.count)]);
  }
  sheet.getColumn(1).width = 48;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The report of a period as DOCX, PDF or XLSX. */
export async function renderComplaintsReport(
  db: DbOrTx,
  agencyId: string,
  query: { year: number; period: Period },
  format: 'docx' | 'pdf' | 'xlsx',
  now: Date,
): Promise<Buffer> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new NotFoundError();
  const stats = await complaintStatistics(db, agencyId, query, now);
  if (format === 'xlsx') return statisticsXlsx(agency.nameTh, stats);
  const model = complaintsReportModel(agency.nameTh, stats, now);
  return format === 'docx' ? buildOfficialDocx(model) : renderDocumentToPdf(model);
}
