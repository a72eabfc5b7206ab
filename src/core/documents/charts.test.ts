import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupedBarChart, horizontalBarChart } from './charts.js';
import { closeBrowser } from './chromium.js';
import { sarabunFontFaceCss } from './fonts.js';
import { renderHtmlToPdf } from './pdf.js';
import { pdfPageToGray } from './read-back.js';
import { renderSvgToPng } from './render-svg-to-png.js';

const bars = [
  { label: 'การปฏิบัติหน้าที่', value: 100 },
  { label: 'การใช้ทรัพย์สินของราชการ', value: 99.02 },
];

void describe('charts', () => {
  after(() => closeBrowser());

  void it('is an accessible image with a title and a text description of every value', () => {
    const svg = horizontalBarChart({ title: 'คะแนนรายตัวชี้วัด', bars });
    assert.match(svg, /^<svg [^>]*role="img"[^>]*aria-label="คะแนนรายตัวชี้วัด"/);
    assert.match(svg, /<title>คะแนนรายตัวชี้วัด<\/title>/);
    assert.match(svg, /<desc>การปฏิบัติหน้าที่: 100.00; การใช้ทรัพย์สินของราชการ: 99.02<\/desc>/);
    assert.match(svg, /font-family="Sarabun/);
  });

  void it('labels values and axis in Thai digits on request', () => {
    const svg = horizontalBarChart({ title: 't', bars, thaiDigits: true });
    assert.ok(svg.includes('>๙๙.๐๒<'));
    assert.ok(svg.includes('>๕๐<'));
    assert.ok(!/>\d/.test(svg));
  });

  void it('escapes markup in labels', () => {
    const svg = horizontalBarChart({ title: 'a<b', bars: [{ label: '"x" & <y>', value: 1 }] });
    assert.ok(!svg.includes('<b'));
    assert.ok(svg.includes('&quot;x&quot; &amp; &lt;y&gt;'));
  });

  void it('draws one bar per series and category, with a legend', () => {
    const svg = groupedBarChart({
      title: 'รายเครื่องมือ',
      categories: ['IIT', 'EIT', 'OIT'],
      series: [
        { name: 'พ.ศ. 2565', values: [90, 80, 70] },
        { name: 'พ.ศ. 2566', values: [99, 98, 100] },
      ],
    });
    assert.equal((svg.match(/<rect [^>]*><title>/g) ?? []).length, 6);
    assert.ok(svg.includes('>พ.ศ. 2566</text>'));
  });

  void it('leaves room above the title for Thai upper marks (nothing touches the top edge)', async () => {
    const svg = horizontalBarChart({ title: 'ผู้บริหารปู่ญี่ปุ่นตัวชี้วัดที่ดี๊', bars });
    const html =
      `<!doctype html><html><head><meta charset="utf-8"><style>${sarabunFontFaceCss()}` +
      `@page{size:A4;margin:0}body{margin:0}svg{display:block}</style></head><body>${svg}</body></html>`;
    const page = await pdfPageToGray(await renderHtmlToPdf(html), 1, 96);
    const rowHasInk = (y: number) => {
      for (let x = 0; x < 640; x++) if ((page.pixels[y * page.width + x] ?? 255) < 160) return true;
      return false;
    };
    const firstInk = Array.from({ length: 60 }, (_, y) => y).find(rowHasInk);
    assert.ok(firstInk !== undefined, 'the title is drawn');
    assert.ok(firstInk >= 3, `first ink row ${firstInk}`);
  });

  void it('rasterises to a PNG of twice the SVG size', async () => {
    const png = await renderSvgToPng(horizontalBarChart({ title: 'ก', bars, width: 300 }));
    assert.equal(png.readUInt32BE(16), 600);
  });
});
