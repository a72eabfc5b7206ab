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
import { findLibraryAnalysis, getRecommendationLibrary } from '../library/load-library.js';
import { DEVELOPER_TEXT } from '../officer-text.js';
import { importOfficialResults } from '../import-official-results.js';
import { startAnalysis } from '../start-analysis.js';
import { createAgency } from '../../core/agencies/create-agency.js';
import { readFileSync } from 'node:fs';
import { gatherReportData } from '../gather-report-data.js';
import { buildItaAnalysisReport, renderItaAnalysisReport } from './ita-analysis-report.js';

const SEED_SCORES = ['100.00', '100.00', '100.00', '99.02', '99.51', '98.41', '98.75', '98.72'];
const norm = (s: string) => s.replace(/\s+/g, '');
const MEASURE_HEADER = ['มาตรการ', 'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', 'ขั้นตอน/วิธีการปฏิบัติ'];

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

  void it('states the official level ผ่านดี only, with no note on rules or their sources', () => {
    assert.match(docxText, /อยู่ในระดับผ่านดีและบรรลุค่าเป้าหมาย/);
    assert.doesNotMatch(docxText, /ผ่านดีเยี่ยม|ไม่ตรงกัน|ระดับที่ระบุ/);
    assert.doesNotMatch(docxText, DEVELOPER_TEXT);
    assert.doesNotMatch(docxText, /University of Phayao|ยังไม่ยืนยัน/);
  });

  void it('writes chart titles and years in Thai digits and never ends a page on a table header', async () => {
    const text = await pdfToText(pdf);
    assert.doesNotMatch(text, DEVELOPER_TEXT);
    assert.match(norm(text), /คะแนนตามเครื่องมือปีงบประมาณพ\.ศ\.๒๕๖๖/);
    assert.doesNotMatch(text, /25[0-9]{2}/, 'an Arabic-digit year in a Thai-digit report');
    // The header's cells wrap over several lines, so its words are removed one by one.
    const headerWords = ['การกำกับ', 'ติดตาม', 'ระยะเวลา', 'วิธีการนำผลการ', 'วิเคราะห์ไปสู่การปฏิบัติ'];
    const pages = text.split('\f').filter((p) => norm(p).includes('ขั้นตอน/วิธีการปฏิบัติ'));
    assert.ok(pages.length > 0, 'the measures table is in the PDF');
    for (const page of pages) {
      let rest = norm(page).replace(/^.*\(มาตรการ\)/, '');
      for (const w of [...MEASURE_HEADER, ...headerWords, 'ผู้รับผิด', 'ชอบ', 'ตารางที่๒']) {
        rest = rest.replace(w, '');
      }
      rest = rest.replace(/[-/๐-๙0-9]/g, '');
      assert.ok(rest.length > 40, `a page holds only the table header: ${page.slice(0, 300)}`);
    }
  });

  void it('reads proof-read: ทัศนคติ, and every list of steps numbered once each', () => {
    assert.ok(!docxText.includes('ทศนคติ'));
    for (const m of findLibraryAnalysis('phothong', 2566)!.measures) {
      for (const list of [m.methodsTh, m.stepsTh]) {
        const numbers = list.map((x) => /^([๐-๙0-9]+)\./.exec(x)?.[1]).filter(Boolean);
        assert.equal(new Set(numbers).size, numbers.length, list.join(' | '));
      }
    }
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

void describe('the analysis an อบต. starts from the library', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  void it('names its staff as an อบต. does and invents no measure for an area without weak questions', async () => {
    const agency = await createAgency(
      { ...t.systemCtx, actor: { ...t.systemCtx.actor, isInstanceAdmin: true } },
      { slug: 'nongkhai-sao', nameTh: 'องค์การบริหารส่วนตำบลหนองไข่', kindTh: 'องค์การบริหารส่วนตำบล' },
    );
    const ctx = { ...t.ctx, agencyId: agency.id };
    await importOfficialResults(ctx, {
      fiscalYear: 2566,
      fileName: 'questions.csv',
      bytes: new Uint8Array(
        readFileSync(new URL('../fixtures/phothong-2566-questions-example.csv', import.meta.url)),
      ),
    });
    await startAnalysis(ctx, { fiscalYear: 2566 });
    const data = await gatherReportData(t.database.db, agency.id, 2566);
    const weak = new Map(data.weak.areas.map((a) => [a.code, a.questions.length]));
    assert.ok(data.areas.length > 0);
    let withMeasures = 0;
    for (const area of data.areas) {
      if ((weak.get(area.areaCode) ?? 0) === 0) assert.deepEqual(area.measures, [], area.areaCode);
      else withMeasures += area.measures.length;
    }
    assert.ok(withMeasures > 0, 'areas with weak questions get the library measure');
    const text = JSON.stringify(buildItaAnalysisReport(data).sections);
    assert.doesNotMatch(text, /พนักงานเทศบาล|\{\{|ทศนคติ/);
    const library = JSON.stringify(getRecommendationLibrary());
    assert.match(library, /\{\{staffTitle\}\}/, 'the library words staff by agency type');
  });
});
