import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { docxToText, pdfToText } from '../core/documents/read-back.js';
import { currentFiscalYear, toThaiDigits } from '../core/i18n/thai-format.js';
import { complaintsCommands } from './commands.js';
import { fileComplaint } from './file-complaint.js';

describe('prongsai complaints report', () => {
  let t: TestContext;
  let dir: string;
  const year = currentFiscalYear(new Date());

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'complaints-report-'));
    t = await createTestContext({ dataDir: dir });
    for (let i = 0; i < 4; i++) {
      await fileComplaint(
        {
          db: t.database.db,
          agencyId: t.agency.id,
          dataDir: dir,
          now: new Date(),
          channel: i < 3 ? 'web' : 'gov1111',
          channelReference: i < 3 ? null : 'REF-1111-9',
          actor: t.ctx.actor,
        },
        {
          kind: 'grievance',
          conductType: 'infrastructure',
          subject: `ถนนชำรุด ${i}`,
          details: 'ถนนเป็นหลุมลึกหน้าโรงเรียน',
          location: '',
          accusedText: '',
          isAnonymous: true,
          name: '',
          phone: '',
          email: '',
          address: '',
        },
      );
    }
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(args: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await complaintsCommands[0]!.run(
      { values: args, positionals: [] },
      { out: (s) => out.push(s), err: (s) => err.push(s) },
      { openDb: () => Promise.resolve(t.database) },
    );
    return { code, out: out.join(''), err: err.join('') };
  }

  it('writes the year report as DOCX, PDF and XLSX with the figures, small cells suppressed', async () => {
    const base = { agency: t.agency.slug, year: String(year), period: 'year' };
    const docx = path.join(dir, 'r.docx');
    assert.equal((await run({ ...base, format: 'docx', out: docx })).code, 0);
    const text = await docxToText(readFileSync(docx));
    assert.match(text, /รายงานสรุปผลการจัดการเรื่องร้องเรียน/);
    assert.ok(text.includes(`เรื่องที่ได้รับ`) && text.includes(toThaiDigits('4')), text.slice(0, 400));
    assert.match(text, /น้อยกว่า ๓/, 'the single 1111 case is suppressed');
    assert.equal(text.includes('ถนนชำรุด'), false, 'no case detail in the report');
    const pdf = path.join(dir, 'r.pdf');
    assert.equal((await run({ ...base, format: 'pdf', out: pdf })).code, 0);
    assert.match(await pdfToText(readFileSync(pdf)), /เรื่องที่ได้รับ/);
    const xlsx = path.join(dir, 'r.xlsx');
    assert.equal((await run({ ...base, format: 'xlsx', out: xlsx })).code, 0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const values = book.worksheets[0]!.getSheetValues().flat().map(String);
    assert.ok(values.includes('4'), values.join('|'));
  });

  it('refuses a bad period or format with exit code 2', async () => {
    const base = { agency: t.agency.slug, year: String(year), out: path.join(dir, 'x') };
    assert.equal((await run({ ...base, period: 'q5', format: 'docx' })).code, 2);
    assert.equal((await run({ ...base, period: 'q1', format: 'odt' })).code, 2);
    assert.equal((await run({ ...base, agency: 'no-such', period: 'q1', format: 'docx' })).code, 1);
  });
});
