import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedDisclosure } from './seed.js';
import { buildLinkSheet, linkSheetCsv, linkSheetXlsx } from './export-link-sheet.js';
import { saveEntry } from './save-entry.js';

void describe('OIT link sheet', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  void it('lists every item with its public URL once published (CSV with BOM, XLSX read back)', async () => {
    const empty = await buildLinkSheet(t.database.db, t.agency, 2566, {
      baseUrl: 'https://x.example',
    });
    assert.equal(empty.length, 43);
    assert.ok(empty.every((r) => r.urls.length === 0 && !r.isPublished));

    await seedDisclosure(t.ctx);
    // A draft of a new year never reaches the sheet.
    await saveEntry(t.ctx, { fiscalYear: 2567, itemCode: 'o1', contentHtml: 'ร่าง' });
    const rows = await buildLinkSheet(t.database.db, t.agency, 2566, {
      baseUrl: 'https://x.example/',
    });
    assert.equal(rows[0]!.urls[0], `https://x.example/a/${t.agency.slug}/oit/2566/o1`);
    assert.ok(rows.every((r) => r.isPublished));
    const draftYear = await buildLinkSheet(t.database.db, t.agency, 2567, {
      baseUrl: 'https://x.example',
    });
    assert.equal(draftYear.find((r) => r.itemCode === 'o1')!.urls.length, 0);

    const csv = linkSheetCsv(rows);
    assert.ok(csv.startsWith('\uFEFFข้อ,ตัวชี้วัดย่อย,ชื่อข้อมูล,สถานะ,URL\r\n'));
    assert.match(csv, /\r\no1,9\.1,โครงสร้าง,เผยแพร่แล้ว,https:\/\/x\.example\/a\//);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await linkSheetXlsx(rows, 2566)) as never);
    const sheet = workbook.getWorksheet('OIT 2566')!;
    assert.equal(sheet.getCell('A1').value, 'ข้อ');
    assert.equal(sheet.getCell('C2').value, 'โครงสร้าง');
    assert.equal(sheet.rowCount, 44);
    const url = sheet.getCell('E2').value as { hyperlink: string };
    assert.equal(url.hyperlink, rows[0]!.urls[0]);
  });

  void it('neutralises formula injection in CSV cells', () => {
    const csv = linkSheetCsv([
      {
        itemCode: 'o1',
        subIndicator: '9.1',
        nameTh: '=HYPERLINK("x")',
        urls: [],
        isPublished: false,
      },
    ]);
    assert.match(csv, /"'=HYPERLINK\(""x""\)"/);
  });
});
