import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { agencies } from '../core/agencies/schema.js';
import { riskLevel, riskMatrixChart } from '../core/documents/charts.js';
import type { OfficialDocumentInput } from '../core/documents/document-model.js';
import { buildOfficialDocx } from '../core/documents/docx.js';
import { renderDocumentToPdf } from '../core/documents/pdf.js';
import { listRisks, type RiskRow, type FollowUpRow } from './risk-queries.js';

/** ระดับความเสี่ยง, lowest first (charts.ts riskLevel gives the index). */
export const RISK_LEVEL_NAMES = ['ต่ำ', 'ปานกลาง', 'สูง', 'สูงมาก'] as const;

export const riskReportTitle = (year: number) =>
  `รายงานการประเมินความเสี่ยงการทุจริตและการให้หรือรับสินบน ประจำปีงบประมาณ พ.ศ. ${year}`;

/** The 5 × 5 matrix of the year's risks, labelled R1, R2 … in register order. */
export function riskMatrixSvg(list: RiskRow[], year: number, thaiDigits = true): string {
  return riskMatrixChart({
    title: `ตารางความเสี่ยง (โอกาส × ผลกระทบ) ปีงบประมาณ พ.ศ. ${year}`,
    risks: list.map((r, i) => ({ likelihood: r.likelihood, impact: r.impact, label: `R${i + 1}` })),
    likelihoodLabel: 'โอกาสที่จะเกิด',
    impactLabel: 'ผลกระทบ',
    levelLabels: [...RISK_LEVEL_NAMES],
    thaiDigits,
  });
}

const level = (l: number, i: number) => `${RISK_LEVEL_NAMES[riskLevel(l, i)]} (${l * i})`;
const round = (f: FollowUpRow | undefined) =>
  f ? [`${level(f.likelihood, f.impact)}`, f.note] : ['ยังไม่ได้ติดตาม'];

/**
 * The assessment and its management report (OIT: the assessment item and the report on managing
 * the risks): the matrix, the register with controls and owners, then the 6- and 12-month rounds.
 */
export async function riskReportModel(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<OfficialDocumentInput> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  const list = await listRisks(db, agencyId, year);
  return {
    title: riskReportTitle(year),
    thaiDigits: true,
    author: agency?.nameTh,
    sections: [
      { kind: 'heading', level: 1, text: riskReportTitle(year) },
      { kind: 'paragraph', text: agency?.nameTh ?? '', align: 'center', indentFirstLine: false },
      {
        kind: 'paragraph',
        text: `${agency?.nameTh ?? ''}ได้ประเมินความเสี่ยงการทุจริตและการให้หรือรับสินบนในกระบวนงานของหน่วยงาน จำนวน ${list.length} ความเสี่ยง โดยพิจารณาโอกาสที่จะเกิดและผลกระทบ ระดับละ ๑ ถึง ๕ และกำหนดมาตรการควบคุมและผู้รับผิดชอบ ดังนี้`,
      },
      {
        kind: 'image',
        svg: riskMatrixSvg(list, year),
        alt: `ตารางความเสี่ยง ${list.length} ความเสี่ยง`,
        widthCm: 11,
      },
      {
        kind: 'table',
        caption: 'ทะเบียนความเสี่ยงและมาตรการควบคุม',
        columns: [
          { header: 'ที่', width: 0.6, align: 'center' },
          { header: 'กระบวนงาน', width: 2 },
          { header: 'ความเสี่ยง', width: 2.5 },
          { header: 'ระดับ', width: 1.2, align: 'center' },
          { header: 'มาตรการควบคุม', width: 3 },
          { header: 'ผู้รับผิดชอบ', width: 1.5 },
        ],
        rows: list.map((r, i) => [
          `R${i + 1}`,
          r.process,
          r.risk,
          level(r.likelihood, r.impact),
          r.controls.split('\n').filter(Boolean),
          r.owner,
        ]),
      },
      {
        kind: 'table',
        caption: 'ผลการติดตามการจัดการความเสี่ยง รอบ ๖ เดือน และ ๑๒ เดือน',
        columns: [
          { header: 'ที่', width: 0.6, align: 'center' },
          { header: 'รอบ ๖ เดือน', width: 4 },
          { header: 'รอบ ๑๒ เดือน', width: 4 },
        ],
        rows: list.map((r, i) => [
          `R${i + 1}`,
          round(r.followUps.find((f) => f.round === 6)),
          round(r.followUps.find((f) => f.round === 12)),
        ]),
      },
    ],
  };
}

/** The report as DOCX or PDF. */
export async function renderRiskReport(
  db: DbOrTx,
  agencyId: string,
  year: number,
  format: 'docx' | 'pdf',
): Promise<Buffer> {
  const model = await riskReportModel(db, agencyId, year);
  return format === 'pdf' ? renderDocumentToPdf(model) : buildOfficialDocx(model);
}
