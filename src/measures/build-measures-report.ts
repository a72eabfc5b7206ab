import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { agencies } from '../core/agencies/schema.js';
import { NotFoundError } from '../core/errors.js';
import type { OfficialDocumentInput, SectionInput } from '../core/documents/document-model.js';
import { buildOfficialDocx } from '../core/documents/docx.js';
import { renderDocumentToPdf } from '../core/documents/pdf.js';
import { formatThaiDate } from '../core/i18n/thai-format.js';
import { analysisYearForPlan } from '../assessment/index.js';
import { progressUpdates } from './schema.js';
import type { ReportKind } from './schema.js';
import { listMeasuresOfYear } from './queries.js';
import { renderTimelineSvg } from './render-timeline.js';

const STATUS_TH = {
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังดำเนินการ',
  done: 'แล้วเสร็จ',
  cancelled: 'ยกเลิก',
  carried_over: 'ยกไปปีถัดไป',
};

export const REPORT_TITLES: Record<ReportKind, (year: number) => string> = {
  plan: (y) => `รายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใสและผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${y}`,
  'progress-report': (y) =>
    `รายงานความก้าวหน้าการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${y}`,
};

/**
 * The document model of a measures report, in the same Thai official style as the annual
 * analysis (documents model): 'plan' is the public report of the year's measures and results
 * (the seed's five-column measures table plus results); 'progress-report' goes to executives
 * with each action's status, approved progress and what is overdue.
 */
export async function buildMeasuresReport(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  kind: ReportKind,
  now: Date,
): Promise<OfficialDocumentInput> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw new NotFoundError();
  const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const list = await listMeasuresOfYear(db, agencyId, fiscalYear, today);
  // The report follows the plan's order, not the board's overdue-first order.
  list.sort((a, b) => a.sortOrder - b.sortOrder);
  for (const m of list) m.actions.sort((a, b) => a.sortOrder - b.sortOrder);
  const allActions = list.flatMap((m) => m.actions);
  const approved = allActions.length
    ? await scoped(db, agencyId).list(
        progressUpdates,
        and(
          inArray(
            progressUpdates.actionId,
            allActions.map((a) => a.id),
          ),
          eq(progressUpdates.state, 'approved'),
        ),
        [desc(progressUpdates.createdAt)],
      )
    : [];
  const latest = new Map<string, (typeof approved)[number]>();
  for (const u of approved) if (!latest.has(u.actionId)) latest.set(u.actionId, u);
  const done = allActions.filter((a) => a.status === 'done').length;
  const overdue = allActions.filter((a) => a.overdue);
  const title = REPORT_TITLES[kind](fiscalYear);
  const sections: SectionInput[] = [
    {
      kind: 'cover',
      titleLines:
        kind === 'plan'
          ? [
              'รายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
              'และผลการดำเนินงาน',
              `ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
            ]
          : [
              'รายงานความก้าวหน้า',
              'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
              `ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
            ],
      agencyLines: [
        agency.nameTh,
        [
          agency.districtTh && `อำเภอ${agency.districtTh}`,
          agency.provinceTh && `จังหวัด${agency.provinceTh}`,
        ]
          .filter(Boolean)
          .join(' '),
      ],
    },
    {
      kind: 'heading',
      level: 1,
      text: kind === 'plan' ? 'มาตรการและผลการดำเนินงาน' : 'สรุปความก้าวหน้า',
    },
    {
      kind: 'paragraph',
      text:
        `${agency.nameTh} ได้นำผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ` +
        // The measures of year N put the analysis of N-1's results into practice (analysis-year.ts).
        `(ITA) ประจำปีงบประมาณ พ.ศ. ${analysisYearForPlan(fiscalYear)} ไปสู่การปฏิบัติ โดยกำหนดมาตรการ ${list.length} มาตรการ รวม ${allActions.length} ขั้นตอน ` +
        `ณ วันที่ ${formatThaiDate(now)} ดำเนินการแล้วเสร็จ ${done} ขั้นตอน` +
        (overdue.length ? ` และเลยกำหนด ${overdue.length} ขั้นตอน` : ''),
    },
  ];
  if (kind === 'plan') {
    sections.push({
      kind: 'table',
      caption: `มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
      columns: [
        { header: 'มาตรการ', width: 2 },
        { header: 'วิธีการดำเนินการ', width: 3 },
        { header: 'ขั้นตอนการดำเนินการ', width: 4 },
        { header: 'หน่วยงานรับผิดชอบ', width: 1.5 },
        { header: 'การติดตามประเมินผล', width: 2 },
      ],
      rows: list.map((m) => [
        m.title,
        m.methodText ? m.methodText.split('\n') : ['-'],
        m.actions.length ? m.actions.map((a) => a.stepText) : ['-'],
        [...new Set(m.actions.map((a) => a.unitName))].join(', ') || '-',
        m.monitoringText || '-',
      ]),
    });
    sections.push(
      { kind: 'heading', level: 2, text: 'ผลการดำเนินงานตามมาตรการ' },
      {
        kind: 'table',
        columns: [
          { header: 'มาตรการ', width: 4 },
          { header: 'ขั้นตอนแล้วเสร็จ', width: 1.5, align: 'center' },
          { header: 'ร้อยละความก้าวหน้า', width: 1.5, align: 'center' },
        ],
        rows: list.map((m) => [
          m.title,
          `${m.actions.filter((a) => a.status === 'done').length}/${m.actions.length}`,
          String(m.percent),
        ]),
      },
    );
  } else {
    for (const m of list) {
      sections.push(
        { kind: 'heading', level: 2, text: m.title },
        {
          kind: 'table',
          columns: [
            { header: 'ขั้นตอน', width: 4 },
            { header: 'หน่วยงาน', width: 1.5 },
            { header: 'กำหนดเสร็จ', width: 1.6 },
            { header: 'ร้อยละ', width: 0.9, align: 'center' },
            { header: 'สถานะ / ผลการดำเนินงาน', width: 3 },
          ],
          rows: m.actions.map((a) => [
            a.stepText,
            a.unitName,
            formatThaiDate(new Date(`${a.dueDate}T12:00:00+07:00`), { style: 'medium' }),
            String(a.percent),
            [
              (a.overdue ? 'เลยกำหนด' : STATUS_TH[a.status]) ?? '',
              ...(latest.get(a.id) ? [latest.get(a.id)!.text] : []),
              ...(latest.get(a.id)?.reviewComment
                ? [`ความเห็นผู้บริหาร: ${latest.get(a.id)!.reviewComment}`]
                : []),
            ],
          ]),
        },
      );
    }
  }
  const svg = renderTimelineSvg(list, fiscalYear, { today });
  if (list.some((m) => m.actions.length)) {
    sections.push({
      kind: 'image',
      svg,
      alt: `แผนภูมิลำดับเวลามาตรการ ปีงบประมาณ พ.ศ. ${fiscalYear}`,
      caption: `ลำดับเวลาการดำเนินการตามมาตรการ ปีงบประมาณ พ.ศ. ${fiscalYear}`,
    });
  }
  return { title, thaiDigits: true, author: agency.nameTh, sections };
}

/** The report as DOCX or PDF bytes, through the shared document primitives. */
export async function renderMeasuresReport(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  kind: ReportKind,
  format: 'docx' | 'pdf',
  now: Date,
): Promise<Buffer> {
  const model = await buildMeasuresReport(db, agencyId, fiscalYear, kind, now);
  return format === 'docx' ? buildOfficialDocx(model) : renderDocumentToPdf(model);
}
