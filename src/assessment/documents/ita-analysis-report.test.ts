import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { seedDemoAgency } from '../../core/agencies/seed-demo.js';
import { closeBrowser } from '../../core/documents/chromium.js';
import {
  docxToText,
  pdfFonts,
  pdfPageCount,
  pdfPageToGray,
  pdfToText,
  type GrayImage,
} from '../../core/documents/read-back.js';
import { modules } from '../../modules.js';
import { getFramework } from '../frameworks/load-frameworks.js';
import { findLibraryAnalysis } from '../library/load-library.js';
import { gatherReportData } from '../gather-report-data.js';
import { buildItaAnalysisReport, renderItaAnalysisReport } from './ita-analysis-report.js';

const SEED_SCORES = ['100.00', '100.00', '100.00', '99.02', '99.51', '98.41', '98.75', '98.72'];
const norm = (s: string) => s.replace(/\s+/g, '');

/** Rows (y) of a page image with any dark pixel, i.e. where something was drawn. */
function inkRows(image: GrayImage): number[] {
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) {
    const line = image.pixels.subarray(y * image.width, (y + 1) * image.width);
    if (line.some((p) => p < 128)) rows.push(y);
  }
  return rows;
}

void describe('the annual ITA analysis report of the demo agency', () => {
  let t: TestContext;
  let agencyId: string;
  let docxText: string;
  let pdf: Buffer;
  before(async () => {
    t = await createTestContext();
    await seedDemoAgency(t.systemCtx, modules);
    const [row] = await t.database.query<{ id: string }>(
      "select id from core_agencies where slug = 'phothong'",
    );
    agencyId = row!.id;
    const docx = await renderItaAnalysisReport(t.database.db, agencyId, 2566, 'docx', {
      thaiDigits: false,
    });
    docxText = await docxToText(docx);
    pdf = await renderItaAnalysisReport(t.database.db, agencyId, 2566, 'pdf');
  });
  after(async () => {
    await closeBrowser();
    await t.close();
  });

  void it('puts every indicator row of the seed in the DOCX with its score', () => {
    const text = norm(docxText);
    for (const indicator of getFramework(2566).indicators) {
      assert.ok(text.includes(norm(indicator.nameTh)), indicator.nameTh);
    }
    for (const score of SEED_SCORES) assert.ok(text.includes(score), score);
    assert.ok(text.includes('99.50'), 'total 99.50');
  });

  void it('puts every measure of the seed analysis in the DOCX, under the 5 column headers', () => {
    const shipped = findLibraryAnalysis('phothong', 2566)!;
    const text = norm(docxText);
    for (const header of [
      'มาตรการ',
      'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ',
      'ขั้นตอน/วิธีการปฏิบัติ',
      'ผู้รับผิดชอบ',
    ]) {
      assert.ok(text.includes(norm(header)), header);
    }
    assert.equal(shipped.measures.length, 7);
    for (const m of shipped.measures) {
      // Arabic-digit output leaves the Thai digits staff typed as they are.
      assert.ok(text.includes(norm(m.measureTh)), m.measureTh);
      assert.ok(text.includes(norm(m.stepsTh.at(-1)!)), m.stepsTh.at(-1));
      assert.ok(text.includes(norm(m.timelineTh)), m.timelineTh);
    }
  });

  void it('shows the stated ผ่านดี as the level and the computed one only as an estimate', () => {
    assert.match(
      docxText,
      /ระดับผลการประเมิน: ผ่านดี \(ระดับที่ระบบคำนวณ: ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี\)/,
    );
    assert.doesNotMatch(docxText, /ไม่ตรงกัน/);
  });

  void it('renders Thai in the PDF: text extractable, Sarabun embedded, Thai digits on the cover', async () => {
    const text = await pdfToText(pdf);
    assert.match(text, /เทศบาลตำบลโพธิ์ทอง/);
    assert.match(text, /ปีงบประมาณ พ\.ศ\. ๒๕๖๖/);
    assert.match(norm(text), /ข้อจำกัดในการดำเนินการ/);
    assert.ok(norm(text).includes('๙๙.๕๐'));
    for (const font of await pdfFonts(pdf)) assert.ok(font.isEmbedded, font.name);
    assert.ok((await pdfPageCount(pdf)) >= 8);
  });

  void it('draws the results page: the indicator table and text fill the page image', async () => {
    const pages = (await pdfToText(pdf)).split('\f');
    const resultsPage = pages.findIndex((p) => p.includes('ตารางที่ ๑')) + 1;
    assert.ok(resultsPage > 1, 'results page found');
    const image = await pdfPageToGray(pdf, resultsPage, 60);
    const rows = inkRows(image);
    assert.ok(rows.length > image.height * 0.3, `ink rows ${rows.length} of ${image.height}`);
  });

  void it('builds a model that says so when a year has no results or analysis', async () => {
    const data = await gatherReportData(t.database.db, t.agency.id, 2567);
    const model = buildItaAnalysisReport(data);
    const text = JSON.stringify(model.sections);
    assert.match(text, /ยังไม่ได้นำเข้าผลการประเมินของปีนี้/);
    assert.match(text, /ยังไม่มีมาตรการ/);
  });
});
