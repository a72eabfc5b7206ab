import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowser } from './chromium.js';
import { sarabunFontFaceCss } from './fonts.js';
import { renderDocumentToPdf, renderHtmlToPdf } from './pdf.js';
import {
  pdfFonts,
  pdfPageCount,
  pdfPageToGray,
  pdfPageToPng,
  pdfToText,
  type GrayImage,
} from './read-back.js';
import { SAMPLE_INDICATORS, SHAPING_SAMPLES, sampleItaReport } from './sample-document.js';

const DPI = 100;
const CM = DPI / 2.54;

/** Rows (y) of `image` with any pixel darker than mid-grey between columns x0 and x1. */
function inkRows(image: GrayImage, x0 = 0, x1 = image.width): number[] {
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, x1); x++) {
      if ((image.pixels[y * image.width + x] ?? 255) < 128) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

/** Share of pixels that differ by more than 64 grey levels. */
function differingShare(a: GrayImage, b: GrayImage): number {
  assert.equal(a.pixels.length, b.pixels.length);
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) > 64) differing++;
  }
  return differing / a.pixels.length;
}

function thaiLinePage(fontCss: string, family: string, extraStyle = ''): string {
  return (
    `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>${fontCss}` +
    `@page{size:A4;margin:2cm}body{font-family:${family};font-size:40pt;line-height:2}</style></head>` +
    `<body><p style="${extraStyle}">${SHAPING_SAMPLES.join(' ')}</p></body></html>`
  );
}

void describe('renderDocumentToPdf', () => {
  let pdf: Buffer;
  let text: string;
  before(async () => {
    pdf = await renderDocumentToPdf(sampleItaReport({ thaiDigits: true, repeat: 4 }));
    text = await pdfToText(pdf);
  });
  after(() => closeBrowser());

  void it('extracts Thai with its marks exactly (pdftotext)', () => {
    for (const word of ['ผู้บริหาร', 'ปู่', 'ญี่ปุ่น']) assert.ok(text.includes(word), word);
    // pdftotext may put a space inside a cluster whose marks sit wide (ฝั่ ง): compare unspaced.
    const unspaced = text.replace(/\s+/g, '');
    for (const word of SHAPING_SAMPLES) assert.ok(unspaced.includes(word), word);
    for (const i of SAMPLE_INDICATORS) assert.ok(unspaced.includes(i.name), i.name);
  });

  void it('embeds Sarabun and no other font', async () => {
    const fonts = await pdfFonts(pdf);
    assert.ok(fonts.length >= 2);
    for (const font of fonts) {
      assert.match(font.name, /\+Sarabun-(Regular|Bold)$/, font.name);
      assert.ok(font.isEmbedded, `${font.name} embedded`);
    }
  });

  void it('numbers pages from page 2, in Thai digits, at the top', async () => {
    const pages = text.split('\f');
    assert.ok(!/-\s*[๑1]\s*-/.test(pages[0] ?? ''));
    assert.match(pages[1] ?? '', /^\s*-\s*๒\s*-/);
    assert.match(pages[2] ?? '', /^\s*-\s*๓\s*-/);
  });

  void it('keeps the left 3 cm margin empty and puts text in the text area', async () => {
    const page = await pdfPageToGray(pdf, 2, DPI);
    assert.deepEqual(inkRows(page, 0, 3 * CM - 2), []);
    const body = inkRows(page, 3 * CM, page.width - 2 * CM).filter((y) => y > 2.5 * CM);
    assert.ok(body.length > 100, `ink rows in the text area: ${body.length}`);
  });

  void it('writes a PNG of a page', async () => {
    const png = await pdfPageToPng(pdf, 1, 50);
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
  });
});

void describe('renderHtmlToPdf', () => {
  after(() => closeBrowser());

  void it('repeats the table header on every page a long table spans', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [String(i + 1), `แถวที่ ${i + 1}`, '99.50']);
    const pdf = await renderDocumentToPdf({
      title: 'ตารางยาว',
      sections: [
        {
          kind: 'table',
          columns: [{ header: 'ลำดับ' }, { header: 'รายละเอียดตัวชี้วัด' }, { header: 'คะแนน' }],
          rows,
        },
      ],
    });
    const pages = (await pdfToText(pdf)).split('\f').filter((p) => p.trim() !== '');
    assert.ok((await pdfPageCount(pdf)) >= 2);
    for (const page of pages) assert.ok(page.includes('รายละเอียดตัวชี้วัด'), page.slice(0, 80));
  });

  void it('draws Thai with the embedded Sarabun, not a system fallback', async () => {
    // If the @font-face failed to load, Chromium would fall back to the same system font in both
    // renders and the images would match; a tofu or fallback rendering fails here.
    const withSarabun = await renderHtmlToPdf(thaiLinePage(sarabunFontFaceCss(), 'Sarabun'));
    const withFallback = await renderHtmlToPdf(thaiLinePage('', "'NoSuchFont'"));
    const a = await pdfPageToGray(withSarabun, 1, DPI);
    const b = await pdfPageToGray(withFallback, 1, DPI);
    assert.ok(inkRows(a).length > 40, 'Sarabun render has ink');
    assert.ok(differingShare(a, b) > 0.002, `share differing: ${differingShare(a, b)}`);
  });

  void it('shapes Thai marks: a tone mark over ป moves left of the tall stem', async () => {
    // Without OpenType shaping (pdf-lib) a tone mark sits at the same place after every base, so it
    // collides with the ascender of ป (ปู่ reads as ปู). With shaping, Sarabun moves it left over
    // tall consonants. Measure the mark's centre relative to the base's right edge, ป่ against ก่.
    const offset = await toneMarkOffset(['ป', 'ก']);
    assert.ok(offset[0]! < offset[1]! - 10, `mark offsets in px at 100 px: ${offset.join(', ')}`);
  });
});

/**
 * For each base letter, the horizontal distance (px, font size 100 px) from the base's rightmost
 * ink to the centre of the ink a following mai ek (่) adds.
 */
async function toneMarkOffset(bases: string[]): Promise<number[]> {
  const rowPx = 200;
  const lines = bases.flatMap((base, i) => [
    `<div style="top:${2 * i * rowPx}px">${base}</div>`,
    `<div style="top:${(2 * i + 1) * rowPx}px">${base}\u0e48</div>`,
  ]);
  const html =
    `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>${sarabunFontFaceCss()}` +
    `@page{size:A4;margin:0}body{margin:0;font-family:Sarabun;font-size:100px}` +
    `div{position:absolute;left:100px;line-height:${rowPx}px}</style></head><body>` +
    lines.join('') +
    `</body></html>`;
  // 96 dpi: one CSS pixel is one raster pixel.
  const image = await pdfPageToGray(await renderHtmlToPdf(html), 1, 96);
  const dark = (x: number, y: number) => (image.pixels[y * image.width + x] ?? 255) < 128;
  return bases.map((_, i) => {
    let baseRight = -1;
    let markSum = 0;
    let markCount = 0;
    for (let dy = 0; dy < rowPx; dy++) {
      for (let x = 0; x < image.width; x++) {
        const inBase = dark(x, 2 * i * rowPx + dy);
        const inMarked = dark(x, (2 * i + 1) * rowPx + dy);
        if (inBase) baseRight = Math.max(baseRight, x);
        if (inMarked && !inBase) {
          markSum += x;
          markCount++;
        }
      }
    }
    assert.ok(markCount > 20 && baseRight > 0, 'base and mark both drawn');
    return markSum / markCount - baseRight;
  });
}
