import ExcelJS from 'exceljs';
import type { DbOrTx } from '../core/db/client.js';
import type { OfficialDocumentInput, SectionInput } from '../core/documents/document-model.js';
import { translate } from '../core/i18n/i18n.js';
import { gatherDiscretionReport } from './report-data.js';
import { yearStatistics } from './service-statistics.js';
import { monthLabel } from './period-statistics.js';

const t = (key: string, params?: Record<string, unknown>) => translate('th', key, params);
const dash = (n: number | null) => (n === null ? '—' : String(n));

/** What `prongsai eservice report` writes: the year's statistics and the discretion report. */
export async function gatherServiceReport(
  db: DbOrTx,
  agency: { id: string; nameTh: string },
  fiscalYear: number,
) {
  const [stats, discretion] = await Promise.all([
    yearStatistics(db, agency.id, fiscalYear),
    gatherDiscretionReport(db, agency.id, fiscalYear),
  ]);
  return { agencyName: agency.nameTh, ...stats, discretion };
}
export type ServiceReportData = Awaited<ReturnType<typeof gatherServiceReport>>;

/**
 * The report's tables as header + rows of text, shared by the document (DOCX, PDF) and the
 * workbook, so the three formats cannot say different things.
 */
export function serviceReportTables(data: ServiceReportData) {
  const periodHeader = [
    t('eservice.stats.period'),
    t('eservice.stats.requests'),
    t('eservice.stats.completed'),
    t('eservice.stats.onTime'),
    t('eservice.stats.averageHours'),
    t('eservice.stats.satisfactionMean'),
  ];
  const periodRow = (label: string, p: (typeof data.periods.months)[number]) => [
    label,
    String(p.requests),
    String(p.completed),
    String(p.onTime),
    dash(p.averageHours),
    p.satisfaction === null
      ? '—'
      : t('eservice.stats.meanOf', { mean: p.satisfaction, answers: p.answers }),
  ];
  const d = data.discretion;
  return [
    {
      title: t('eservice.stats.byService'),
      header: [t('eservice.track.service'), ...periodHeader.slice(1)],
      rows: data.rows.map((r) => [
        r.name,
        String(r.requests),
        String(r.completed),
        String(r.onTime),
        dash(r.averageHours),
        r.satisfaction ? t('eservice.stats.scores', { ...r.satisfaction }) : '—',
      ]),
    },
    {
      title: t('eservice.stats.byQuarter'),
      header: periodHeader,
      rows: data.periods.quarters.map((q) =>
        periodRow(t('eservice.stats.quarter', { n: q.period }), q),
      ),
    },
    {
      title: t('eservice.stats.byMonth'),
      header: periodHeader,
      rows: data.periods.months.map((m) => periodRow(monthLabel(String(m.period), 'th'), m)),
    },
    {
      title: t('eservice.report.title', { year: data.fiscalYear }),
      widths: [1.3, 1.8, 2.4, 1.8, 1.8, 1],
      header: [
        t('eservice.report.month'),
        t('eservice.holidays.kind'),
        t('eservice.track.service'),
        t('eservice.public.responsible'),
        t('eservice.report.officer'),
        t('eservice.report.count'),
      ],
      rows: d.rows.map((r) => [
        monthLabel(r.month, 'th'),
        t(`eservice.discretion.${r.kind}`),
        d.serviceName(r.serviceId),
        d.unitName(r.unitId),
        d.officerName(r.officerId),
        String(r.count),
      ]),
    },
  ];
}

/** The report as one document model: the same model gives the DOCX and the PDF. */
export function serviceReportModel(data: ServiceReportData): OfficialDocumentInput {
  const title = t('eservice.stats.title', { year: data.fiscalYear });
  const sections: SectionInput[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: data.agencyName, align: 'center', indentFirstLine: false },
    { kind: 'paragraph', text: t('eservice.stats.lead') },
  ];
  for (const table of serviceReportTables(data)) {
    sections.push({ kind: 'heading', level: 2, text: table.title });
    if (table.rows.length === 0) {
      sections.push({ kind: 'paragraph', text: t('eservice.report.none'), indentFirstLine: false });
      continue;
    }
    sections.push({
      kind: 'table',
      columns: table.header.map((header, i) => ({
        header,
        width: table.widths?.[i] ?? (i === 0 ? 3 : 1.3),
      })),
      rows: table.rows,
    });
  }
  return { title, sections };
}

/** The report as a workbook: one sheet per table, numbers as numbers where they are counts. */
export async function serviceReportXlsx(data: ServiceReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  serviceReportTables(data).forEach((table, i) => {
    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(
      `${i + 1} ${table.title}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31),
    );
    sheet.addRow([table.title]).font = { bold: true };
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(row.map((cell) => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
    }
    sheet.columns.forEach((column, c) => (column.width = c === 0 ? 40 : 18));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
