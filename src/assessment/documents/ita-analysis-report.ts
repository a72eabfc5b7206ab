import type { DbOrTx } from '../../core/db/client.js';
import type { OfficialDocumentInput, SectionInput } from '../../core/documents/document-model.js';
import { groupedBarChart, horizontalBarChart } from '../../core/documents/charts.js';
import { buildOfficialDocx } from '../../core/documents/docx.js';
import { renderDocumentToPdf } from '../../core/documents/pdf.js';
import { formatScore, toThaiDigits } from '../../core/i18n/thai-format.js';
import { gatherReportData, type ReportData } from '../gather-report-data.js';
import { presentLevel } from '../result-level.js';

export type ReportFormat = 'docx' | 'pdf';

export interface ReportOptions {
  /** Overrides the analysis's own Thai-digits option. */
  thaiDigits?: boolean;
}

const MEASURE_COLUMNS = [
  { header: 'มาตรการ', width: 2 },
  { header: 'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', width: 3 },
  { header: 'ขั้นตอน/วิธีการปฏิบัติ', width: 3 },
  { header: 'ผู้รับผิดชอบ', width: 1.3, align: 'center' as const },
  { header: 'การกำกับติดตาม/ระยะเวลา', width: 1.8 },
];

const paragraphs = (text: string): SectionInput[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, text: p }));

/**
 * Builds the one document model of the annual ITA analysis report (รายงานการวิเคราะห์ผลการประเมิน
 * ITA): cover, foreword, results (indicator table, tool and indicator charts, year over year),
 * per-area analysis, the 5-column measures table of the seed's section 2, and limitations.
 * Pure: the same data gives the same model, so DOCX and PDF say the same thing.
 */
export function buildItaAnalysisReport(
  data: ReportData,
  options: ReportOptions = {},
): OfficialDocumentInput {
  const { agency, fiscalYear, framework, result, analysis } = data;
  const thaiDigits = options.thaiDigits ?? analysis?.useThaiDigits ?? true;
  const score = (n: number) => formatScore(n, { thaiDigits });
  // Chart titles and labels are drawn as SVG text, which the document's digit pass never sees.
  const chartText = (text: string) => (thaiDigits ? toThaiDigits(text) : text);
  const year = String(fiscalYear);
  const place = [
    agency.subdistrictTh && `ตำบล${agency.subdistrictTh}`,
    agency.districtTh && `อำเภอ${agency.districtTh}`,
    agency.provinceTh && `จังหวัด${agency.provinceTh}`,
  ]
    .filter(Boolean)
    .join(' ');
  const sections: SectionInput[] = [
    {
      kind: 'cover',
      titleLines: [
        'รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส',
        'ในการดำเนินงานของหน่วยงานภาครัฐ (ITA)',
        `ประจำปีงบประมาณ พ.ศ. ${year}`,
      ],
      agencyLines: [agency.nameTh, ...(place ? [place] : [])],
    },
    { kind: 'heading', level: 1, text: 'คำนำ' },
    ...(analysis?.forewordTh
      ? paragraphs(analysis.forewordTh)
      : [{ kind: 'paragraph' as const, text: '(ยังไม่ได้เขียนคำนำ)' }]),
    { kind: 'paragraph', text: agency.nameTh, align: 'right', indentFirstLine: false },
    { kind: 'pageBreak' },
    {
      kind: 'heading',
      level: 1,
      text: analysis?.titleTh ?? `ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${year}`,
    },
    { kind: 'heading', level: 2, text: 'ผลการประเมิน' },
  ];
  if (!result) {
    sections.push({ kind: 'paragraph', text: 'ยังไม่ได้นำเข้าผลการประเมินของปีนี้' });
  } else {
    if (analysis?.resultSummaryTh) sections.push(...paragraphs(analysis.resultSummaryTh));
    const names = new Map(framework.indicators.map((i) => [i.no, i]));
    sections.push({
      kind: 'table',
      caption: 'ตารางที่ 1 คะแนนผลการประเมินรายตัวชี้วัด',
      columns: [
        { header: 'ตัวชี้วัดที่', width: 1, align: 'center' },
        { header: 'รายละเอียดตัวชี้วัด', width: 4 },
        { header: 'เครื่องมือ', width: 1, align: 'center' },
        { header: 'คะแนน', width: 1.2, align: 'right' },
      ],
      rows: [
        ...result.indicatorScores.map((i) => [
          String(i.no),
          names.get(i.no)?.nameTh ?? '',
          names.get(i.no)?.tool ?? '',
          score(i.score),
        ]),
        ['', 'คะแนนรวม', '', score(result.total)],
      ],
    });
    // The official level (from the NACC's letter) is the authority; without it the level the
    // scores give is only an estimate and is named as such (2566: a computed ผ่านดีเยี่ยม may
    // officially be ผ่านดี). Rule sources and confidence stay on the staff pages.
    const reached = result.total >= framework.target.value ? 'บรรลุ' : 'ไม่บรรลุ';
    const shown = presentLevel(framework, result.levelCode, result.statedLevelTh);
    const level = shown.isOfficial
      ? `ผลการประเมินอยู่ในระดับ${shown.labelTh}และ${reached}ค่าเป้าหมาย โดยมีค่าคะแนนอยู่ที่ ${score(result.total)} คะแนน`
      : `คะแนนรวม ${score(result.total)} คะแนน ${reached}ค่าเป้าหมาย ${framework.target.value} คะแนน (ระดับโดยประมาณจากคะแนน: ${shown.estimate.wordingTh} ระดับทางการดูจากหนังสือแจ้งผลของ ป.ป.ช.)`;
    sections.push({ kind: 'paragraph', text: level });
    sections.push(
      {
        kind: 'image',
        alt: `แผนภูมิแท่งคะแนนตามเครื่องมือ IIT EIT OIT และคะแนนรวม ปี ${year}`,
        caption: 'แผนภูมิที่ 1 คะแนนตามเครื่องมือการประเมิน',
        svg: horizontalBarChart({
          title: chartText(`คะแนนตามเครื่องมือ ปีงบประมาณ พ.ศ. ${year}`),
          bars: [
            ...framework.tools.map((t) => ({ label: t.code, value: result.toolScores[t.code] })),
            { label: 'รวม', value: result.total },
          ],
          thaiDigits,
        }),
      },
      {
        kind: 'image',
        alt: `แผนภูมิแท่งคะแนนรายตัวชี้วัด 10 ตัวชี้วัด ปี ${year}`,
        caption: 'แผนภูมิที่ 2 คะแนนรายตัวชี้วัด',
        svg: horizontalBarChart({
          title: chartText(`คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. ${year}`),
          bars: result.indicatorScores.map((i) => ({
            label: chartText(`${i.no} ${names.get(i.no)?.nameTh ?? ''}`),
            value: i.score,
          })),
          thaiDigits,
        }),
      },
    );
    const years = data.history.filter((r) => r.fiscalYear <= fiscalYear).slice(-3);
    if (years.length > 1) {
      sections.push({
        kind: 'image',
        alt: `แผนภูมิเปรียบเทียบคะแนนรายตัวชี้วัด ปี ${years.map((y) => y.fiscalYear).join(', ')}`,
        caption: 'แผนภูมิที่ 3 เปรียบเทียบคะแนนรายตัวชี้วัดย้อนหลัง',
        svg: groupedBarChart({
          title: 'คะแนนรายตัวชี้วัดเทียบปีก่อน',
          categories: framework.indicators.map((i) => chartText(String(i.no))),
          series: years.map((y) => ({
            name: chartText(`พ.ศ. ${y.fiscalYear}`),
            values: framework.indicators.map(
              (i) => y.indicatorScores.find((s) => s.no === i.no)?.score ?? 0,
            ),
          })),
          thaiDigits,
          width: 640,
        }),
      });
    }
  }
  sections.push(
    { kind: 'pageBreak' },
    { kind: 'heading', level: 2, text: '๑. การวิเคราะห์ผลการประเมินรายประเด็น' },
  );
  if (analysis?.overviewTh) sections.push(...paragraphs(analysis.overviewTh));
  for (const area of data.areas) {
    sections.push({ kind: 'heading', level: 3, text: `ประเด็นที่ ${area.no} ${area.nameTh}` });
    if (area.findingsTh.length > 0) {
      const [first, ...rest] = area.findingsTh;
      const isIntro = first !== undefined && !/^[ie]\d/.test(first);
      if (isIntro) sections.push({ kind: 'paragraph', text: first });
      const items = isIntro ? rest : area.findingsTh;
      if (items.length > 0) sections.push({ kind: 'list', ordered: false, items });
    }
    for (const text of area.improvementsTh) sections.push({ kind: 'paragraph', text });
  }
  const measureRows = data.areas.flatMap((area) =>
    area.measures.map((m) => [
      m.measureTh,
      m.methodsTh,
      m.stepsTh,
      m.responsibleUnitTh,
      m.timelineTh,
    ]),
  );
  sections.push(
    { kind: 'pageBreak' },
    { kind: 'heading', level: 2, text: '๒. แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ (มาตรการ)' },
  );
  if (measureRows.length > 0) {
    sections.push({
      kind: 'table',
      caption: 'ตารางที่ 2 มาตรการ',
      columns: MEASURE_COLUMNS,
      rows: measureRows,
    });
  } else {
    sections.push({ kind: 'paragraph', text: '(ยังไม่มีมาตรการ)' });
  }
  sections.push({ kind: 'heading', level: 2, text: '๓. ข้อจำกัดในการดำเนินการ' });
  sections.push(
    ...(analysis?.limitationsTh
      ? paragraphs(analysis.limitationsTh)
      : [{ kind: 'paragraph' as const, text: '(ยังไม่ได้ระบุ)' }]),
  );
  return {
    title: `รายงานการวิเคราะห์ผลการประเมิน ITA ${agency.nameTh} ปีงบประมาณ พ.ศ. ${year}`,
    author: agency.nameTh,
    thaiDigits,
    sections,
  };
}

/**
 * Renders the annual report of one agency and fiscal year as DOCX or PDF, from one
 * data-gathering read and one document model.
 */
export async function renderItaAnalysisReport(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  format: ReportFormat,
  options: ReportOptions = {},
): Promise<Buffer> {
  const model = buildItaAnalysisReport(await gatherReportData(db, agencyId, fiscalYear), options);
  return format === 'docx' ? buildOfficialDocx(model) : renderDocumentToPdf(model);
}

/** File name for a downloaded report, ASCII so every browser keeps it. */
export function reportFileName(slug: string, fiscalYear: number, format: ReportFormat): string {
  return `ita-analysis-${slug}-${fiscalYear}.${format}`;
}
