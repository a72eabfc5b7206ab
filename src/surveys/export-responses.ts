import ExcelJS from 'exceljs';
import type { DbOrTx } from '../core/db/client.js';
import { and, eq } from 'drizzle-orm';
import type { Campaign } from './campaigns.js';
import { surveyResponses } from './schema.js';
import { surveyShape } from './survey-pages.js';
import { scoreCampaign, type CampaignScore } from './score-campaign.js';

/** Header + rows of anonymous answers: date, channel, one column per (sub-)question. No ids. */
export async function responseTable(db: DbOrTx, campaign: Campaign): Promise<string[][]> {
  const shape = surveyShape(campaign.fiscalYear, campaign.tool, campaign.extraQuestions);
  const columns: { header: string; pick: (a: Record<string, string | string[]>) => string }[] = [];
  for (const q of shape.questions) {
    if (q.subItems.length === 0)
      columns.push({ header: q.code, pick: (a) => String(a[q.code] ?? '') });
    q.subItems.forEach((_, i) =>
      columns.push({
        header: `${q.code}.${i + 1}`,
        pick: (a) => (Array.isArray(a[q.code]) ? ((a[q.code] as string[])[i] ?? '') : ''),
      }),
    );
  }
  const extra = campaign.extraQuestions;
  const rows = await db
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.agencyId, campaign.agencyId),
        eq(surveyResponses.campaignId, campaign.id),
      ),
    )
    .orderBy(surveyResponses.answeredOn);
  // Shuffled within a day would add nothing: rows carry no time, and ids are not exported.
  return [
    ['answeredOn', 'channel', ...columns.map((c) => c.header), ...extra.map((e) => e.code)],
    ...rows.map((r) => [
      r.answeredOn,
      r.channel,
      ...columns.map((c) => c.pick(r.answers)),
      ...extra.map((e) => r.extraAnswers[e.code] ?? ''),
    ]),
  ];
}

const csvCell = (v: string) => {
  // A leading =,+,-,@ would run as a formula in spreadsheet programs (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV with a UTF-8 BOM so that Excel shows Thai correctly. */
export function toCsv(table: string[][]): string {
  return '\uFEFF' + table.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One-sheet XLSX of the same table. */
export async function toXlsx(table: string[][], sheetName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The scored result as a table: tool, indicators, questions. */
export function scoreTable(score: CampaignScore): string[][] {
  return [
    ['level', 'code', 'score'],
    ['tool', score.tool, score.toolScore.toFixed(2)],
    ...score.indicators.map((i) => ['indicator', String(i.no), i.score.toFixed(2)]),
    ...score.questions.map((q) => ['question', q.code, q.score.toFixed(2)]),
    ['respondents', '', String(score.respondents)],
  ];
}

/** A campaign's answers or its scores as a table to export (scores: a header alone when none). */
export async function exportTable(
  db: DbOrTx,
  campaign: Campaign,
  what: 'answers' | 'results',
): Promise<string[][]> {
  if (what === 'answers') return responseTable(db, campaign);
  const score = await scoreCampaign(db, campaign);
  return score ? scoreTable(score) : [['level', 'code', 'score']];
}
