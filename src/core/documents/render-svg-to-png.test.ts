import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { horizontalBarChart } from './charts.js';
import { closeBrowser } from './chromium.js';
import { pngSize } from './document-model.js';
import {
  clearSvgPngCache,
  renderSvgToPng,
  renderSvgsToPng,
  svgPngCacheStats,
} from './render-svg-to-png.js';

const chart = (title: string, width: number) =>
  horizontalBarChart({
    title,
    bars: [
      { label: 'การปฏิบัติหน้าที่', value: 100 },
      { label: 'การใช้อำนาจ', value: 87.5 },
    ],
    width,
  });

void describe('renderSvgsToPng', () => {
  beforeEach(() => clearSvgPngCache());
  after(() => closeBrowser());

  void it('draws every chart of a batch at its own size, in input order', async () => {
    const wide = chart('กว้าง', 500);
    const narrow = chart('แคบ', 300);
    const pngs = await renderSvgsToPng([wide, narrow, wide], { scale: 2 });
    assert.equal(pngs.length, 3);
    assert.equal(pngSize(pngs[0]!).width, 1000);
    assert.equal(pngSize(pngs[1]!).width, 600);
    assert.deepEqual(pngs[2], pngs[0]);
    // Stacked in one page, each chart is clipped alone: same pixels as drawn on its own.
    clearSvgPngCache();
    assert.deepEqual(await renderSvgToPng(narrow), pngs[1]);
  });

  void it('serves a repeated chart from the cache, and a caller cannot corrupt it', async () => {
    const svg = chart('แคช', 320);
    const first = await renderSvgToPng(svg);
    assert.equal(svgPngCacheStats().entries, 1);
    const copy = Buffer.from(first);
    first.fill(0);
    const second = await renderSvgToPng(svg);
    assert.deepEqual(second, copy);
    assert.equal(svgPngCacheStats().entries, 1);
    // Another scale is another picture.
    assert.equal(pngSize(await renderSvgToPng(svg, { scale: 1 })).width, 320);
    assert.equal(svgPngCacheStats().entries, 2);
  });

  void it('keeps working after the shared browser was closed', async () => {
    const svg = chart('เปิดใหม่', 300);
    const before = await renderSvgToPng(svg);
    await closeBrowser();
    clearSvgPngCache();
    assert.deepEqual(await renderSvgToPng(svg), before);
  });

  void it('renders concurrent batches without mixing their charts', async () => {
    const a = chart('ก', 300);
    const b = chart('ข', 400);
    const [[pa], [pb]] = await Promise.all([renderSvgsToPng([a]), renderSvgsToPng([b])]);
    assert.equal(pngSize(pa!).width, 600);
    assert.equal(pngSize(pb!).width, 800);
    clearSvgPngCache();
    assert.deepEqual(await renderSvgToPng(a), pa);
  });
});
