import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { closeBrowser } from '../core/documents/chromium.js';
import { docxToText, pdfToText } from '../core/documents/read-back.js';
import { saveManual } from './save-manual.js';
import { fileRequest } from './file-request.js';
import { takeRequest } from './take-request.js';
import { eserviceCommands } from './commands.js';

const reportCommand = eserviceCommands.find((c) => c.name === 'eservice report')!;

void describe('prongsai eservice report', () => {
  let t: TestContext;
  let dir: string;
  const err: string[] = [];
  const io = { out: () => undefined, err: (s: string) => void err.push(s) };
  const run = (values: Record<string, string>) =>
    reportCommand.run({ values, positionals: [] }, io, {
      openDb: () => Promise.resolve(t.database),
    });

  before(async () => {
    t = await createTestContext();
    dir = await mkdtemp(path.join(tmpdir(), 'eservice-report-'));
    const { service } = await saveManual(t.ctx, {
      code: 'signboard-tax',
      manual: {
        name: 'การชำระภาษีป้าย',
        steps: [{ title: 'รับชำระ', duration: 1, durationUnit: 'days' }],
      },
    });
    // 10 Nov 2026: fiscal year 2570, ไตรมาส 1. Two requests; the second is taken out of order.
    const at = (hour: number) => ({ ...t.ctx, now: () => new Date(`2026-11-10T0${hour}:00:00Z`) });
    const form = {
      requesterName: 'ผู้ยื่น',
      contactPhone: '0811111111',
      pdpaAcknowledged: 'on' as const,
    };
    await fileRequest(at(3), {
      serviceCode: 'signboard-tax',
      form,
      attachments: [],
      channel: 'counter',
      dataDir: '',
    });
    const second = await fileRequest(at(4), {
      serviceCode: 'signboard-tax',
      form,
      attachments: [],
      channel: 'counter',
      dataDir: '',
    });
    await takeRequest(at(5), service.id, { requestId: second.id, reason: 'ผู้สูงอายุรอนาน' });
  });
  after(async () => {
    await closeBrowser();
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  const args = (format: string) => ({
    agency: t.agency.slug,
    year: '๒๕๗๐',
    format,
    out: path.join(dir, `r.${format}`),
  });

  it('writes the statistics and the discretion report as XLSX', async () => {
    assert.equal(await run(args('xlsx')), 0, err.join(''));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(path.join(dir, 'r.xlsx'))) as never);
    assert.equal(workbook.worksheets.length, 4);
    const byService = workbook.worksheets[0]!;
    assert.deepEqual((byService.getRow(3).values as unknown[]).slice(1), [
      'การชำระภาษีป้าย',
      2,
      0,
      0,
      '—',
      '—',
    ]);
    const quarters = workbook.worksheets[1]!;
    assert.deepEqual((quarters.getRow(3).values as unknown[]).slice(1, 3), ['ไตรมาส 1', 2]);
    const months = workbook.worksheets[2]!;
    assert.deepEqual((months.getRow(4).values as unknown[]).slice(1, 3), ['พ.ย. 2569', 2]);
    const discretion = workbook.worksheets[3]!;
    assert.deepEqual((discretion.getRow(3).values as unknown[]).slice(1, 3), [
      'พ.ย. 2569',
      'รับงานข้ามคิว',
    ]);
    assert.equal(discretion.getRow(3).getCell(6).value, 1);
  });

  it('writes the same report as DOCX and PDF, read back', async () => {
    assert.equal(await run(args('docx')), 0, err.join(''));
    const docx = await docxToText(await readFile(path.join(dir, 'r.docx')));
    assert.match(docx, /สถิติการให้บริการ ปีงบประมาณ 2570/);
    assert.match(docx, /ไตรมาส 1/);
    assert.match(docx, /รับงานข้ามคิว/);
    assert.equal(await run(args('pdf')), 0, err.join(''));
    const pdf = await pdfToText(await readFile(path.join(dir, 'r.pdf')));
    assert.match(pdf, /การชำระภาษีป้าย/);
    assert.match(pdf, /พ\.ย\. 2569\s+2\s+0/);
    assert.match(pdf, /รับงานข้ามคิว/);
  });

  it('exits 2 with a Thai message for a bad year, format or agency', async () => {
    assert.equal(await run({ ...args('xlsx'), year: '2026x' }), 2);
    assert.match(err.at(-1)!, /ปีงบประมาณ พ\.ศ\./);
    assert.equal(await run({ ...args('odt') }), 2);
    assert.match(err.at(-1)!, /xlsx, docx หรือ pdf/);
    assert.equal(await run({ ...args('xlsx'), agency: 'nowhere' }), 2);
    assert.match(err.at(-1)!, /ไม่พบหน่วยงาน/);
  });
});
