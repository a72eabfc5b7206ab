import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowser } from './chromium.js';
import { buildOfficialDocx } from './docx.js';
import { docxPart, docxPartNames, docxToText } from './read-back.js';
import { SAMPLE_INDICATORS, SHAPING_SAMPLES, sampleItaReport } from './sample-document.js';
import { formatScore, toThaiDigits } from '../i18n/thai-format.js';

void describe('buildOfficialDocx', () => {
  let docx: Buffer;
  let text: string;
  before(async () => {
    docx = await buildOfficialDocx(sampleItaReport({ thaiDigits: true }));
    text = await docxToText(docx);
  });
  after(() => closeBrowser());

  void it('contains every indicator row, in Thai digits, cell by cell', () => {
    for (const i of SAMPLE_INDICATORS) {
      const row = [String(i.no), i.name, formatScore(i.score)].map(toThaiDigits).join('\t');
      assert.ok(text.split('\n').includes(row), `missing row: ${row}`);
    }
  });

  void it('keeps Thai text exactly, combining marks included', () => {
    for (const word of SHAPING_SAMPLES) assert.ok(text.includes(word), word);
    assert.ok(text.includes('รายงานผลการประเมินคุณธรรมและความโปร่งใส'));
    assert.ok(text.includes('ประเด็นที่ ๒๑ การต่อต้านการทุจริตและประพฤติมิชอบ (พ.ศ. ๒๕๖๑ – ๒๕๘๐)'));
  });

  void it('converts digits in text but not in URLs or e-mail addresses', () => {
    assert.ok(text.includes('http://www.phothong-roiet.go.th'));
    assert.ok(text.includes('saraband_05451607@dla.go.th'));
    assert.ok(text.includes('อย่างน้อยปีละ ๑ ครั้ง'));
    assert.ok(!/ตัวชี้วัดที่\t\d/.test(text));
  });

  void it('keeps multi-paragraph cells of the measures table', () => {
    assert.ok(text.includes('๑. จัดทำมาตรการตรวจสอบการใช้ดุลพินิจ ๒. จัดทำและปรับปรุงคู่มือการปฏิบัติงาน'));
  });

  void it('asks for TH Sarabun New 16 pt in every font slot, Thai (complex script) included', async () => {
    const styles = await docxPart(docx, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    for (const slot of ['ascii', 'hAnsi', 'cs', 'eastAsia']) {
      assert.match(defaults, new RegExp(`w:${slot}="TH Sarabun New"`), slot);
    }
    assert.match(defaults, /<w:sz w:val="32"\/>/);
    assert.match(defaults, /<w:szCs w:val="32"\/>/);
    assert.match(defaults, /w:bidi="th-TH"/);
  });

  void it('sets A4 with the official margins and Thai page numbers', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    // top 2.5 cm = 1417 twips, right 2 cm = 1134, bottom 2 cm = 1134, left 3 cm = 1701
    assert.match(xml, /<w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1701"/);
    assert.match(xml, /<w:pgNumType w:start="1" w:fmt="thaiNumbers"\/>/);
    assert.match(xml, /<w:titlePg\/>/);
  });

  void it('repeats table header rows and justifies body text the Thai way', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    const tables = xml.match(/<w:tbl>/g) ?? [];
    const headers = xml.match(/<w:tblHeader\/>/g) ?? [];
    assert.ok(tables.length >= 2);
    assert.equal(headers.length, tables.length);
    assert.match(xml, /<w:jc w:val="thaiDistribute"\/>/);
  });

  void it('embeds charts as SVG with a PNG fallback', async () => {
    const names = await docxPartNames(docx);
    assert.equal(names.filter((n) => /^word\/media\/.+\.svg$/.test(n)).length, 2);
    assert.equal(names.filter((n) => /^word\/media\/.+\.png$/.test(n)).length, 2);
  });

  void it('numbers ordered lists in Thai digits', async () => {
    const numbering = await docxPart(docx, 'word/numbering.xml');
    assert.match(numbering, /<w:numFmt w:val="thaiNumbers"\/>/);
  });

  void it('embeds Sarabun on request, at the size that matches TH Sarabun New 16 pt', async () => {
    const embedded = await buildOfficialDocx(sampleItaReport({ thaiDigits: true }), {
      embedFont: true,
    });
    const names = await docxPartNames(embedded);
    assert.equal(names.filter((n) => n.startsWith('word/fonts/')).length, 4);
    const styles = await docxPart(embedded, 'word/styles.xml');
    assert.match(styles, /w:cs="Sarabun"/);
    assert.match(styles, /<w:szCs w:val="21"\/>/);
    assert.ok(embedded.length > docx.length + 100_000, 'four faces cost more than 100 KB');
  });

  void it('writes ASCII digits when thaiDigits is off', async () => {
    const plain = await docxToText(await buildOfficialDocx(sampleItaReport({ thaiDigits: false })));
    assert.ok(plain.split('\n').includes('4\tการใช้ทรัพย์สินของราชการ\t99.02'));
    assert.ok(!/[๐-๙]/.test(plain));
  });

  void it('rejects a table row with the wrong number of cells', async () => {
    await assert.rejects(
      buildOfficialDocx({
        title: 't',
        sections: [{ kind: 'table', columns: [{ header: 'a' }, { header: 'b' }], rows: [['1']] }],
      }),
      { name: 'ZodError' },
    );
  });
});
