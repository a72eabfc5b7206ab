/**
 * Rasterises SVGs (charts) to PNG with the shared Chromium, so Thai labels are shaped by
 * HarfBuzz with the embedded Sarabun exactly as in the PDF. Used for the DOCX fallback image.
 *
 * Speed: a fresh context + page that parses ~450 KB of embedded font CSS cost ~0.8 s per chart, so
 * one chart page per scale stays open with the fonts loaded, all charts of a document are put in it
 * at once and clipped out one screenshot each (~0.2 s for 3 charts); PNGs are also kept in a bounded in-memory LRU keyed by SHA-256 of (scale, SVG), since
 * an agency's charts only change when its scores do.
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { getBrowser } from './chromium.js';
import { svgSize } from './document-model.js';
import { sarabunFontFaceCss } from './fonts.js';

export interface RenderSvgOptions {
  /** Device pixels per CSS pixel; 2 = sharp when printed at the SVG's CSS size in a 16 cm column. */
  scale?: number;
}

/** At most this many PNGs (a few agencies' reports) and bytes stay cached. */
const CACHE_MAX_ENTRIES = 64;
const CACHE_MAX_BYTES = 16 * 1024 * 1024;

// Map iteration order is insertion order: re-inserting on a hit makes the first key the least
// recently used.
const cache = new Map<string, Buffer>();
let cacheBytes = 0;

function cacheKey(svg: string, scale: number): string {
  return createHash('sha256').update(`${scale}\0${svg}`).digest('hex');
}

function cacheGet(key: string): Buffer | undefined {
  const png = cache.get(key);
  if (png) {
    cache.delete(key);
    cache.set(key, png);
  }
  return png;
}

function cachePut(key: string, png: Buffer): void {
  if (png.length > CACHE_MAX_BYTES) return;
  const old = cache.get(key);
  if (old) {
    cache.delete(key);
    cacheBytes -= old.length;
  }
  cache.set(key, png);
  cacheBytes += png.length;
  for (const [oldest, bytes] of cache) {
    if (cache.size <= CACHE_MAX_ENTRIES && cacheBytes <= CACHE_MAX_BYTES) break;
    cache.delete(oldest);
    cacheBytes -= bytes.length;
  }
}

interface ChartPage {
  context: BrowserContext;
  page: Page;
}

// One page per device scale factor (a context property); in practice only scale 2.
const chartPages = new Map<number, Promise<ChartPage>>();
// Batches take turns: they share the page's DOM and viewport.
let queue: Promise<unknown> = Promise.resolve();

async function openChartPage(scale: number): Promise<ChartPage> {
  const browser = await getBrowser();
  // JavaScript off: a chart is data, and must not run code that lingers into another agency's
  // charts (Playwright's own evaluate still works).
  const context = await browser.newContext({
    deviceScaleFactor: scale,
    javaScriptEnabled: false,
    viewport: { width: 800, height: 600 },
  });
  try {
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${sarabunFontFaceCss()}` +
        `html,body{margin:0;padding:0;background:#fff}svg{display:block}` +
        `.chart{overflow:hidden}</style></head><body></body></html>`,
    );
    return { context, page };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

async function chartPage(scale: number): Promise<ChartPage> {
  const pending = chartPages.get(scale);
  if (pending) {
    const open = await pending.catch(() => undefined);
    // closeBrowser() (tests, shutdown) kills the page with the browser: open a new one.
    if (open && !open.page.isClosed() && open.context.browser()?.isConnected()) return open;
    chartPages.delete(scale);
  }
  const opening = openChartPage(scale);
  chartPages.set(scale, opening);
  return opening;
}

async function discardChartPage(scale: number): Promise<void> {
  const pending = chartPages.get(scale);
  chartPages.delete(scale);
  const open = await pending?.catch(() => undefined);
  await open?.context.close().catch(() => undefined);
}

/** Draws `svgs` stacked in the chart page and screenshots each one's box. */
function drawInChartPage(scale: number, svgs: readonly string[]): Promise<Buffer[]> {
  const run = async (): Promise<Buffer[]> => {
    const sizes = svgs.map((svg) => {
      const { width, height } = svgSize(svg);
      return { width: Math.ceil(width), height: Math.ceil(height) };
    });
    // Each chart sits in a box of whole CSS pixels at x = 0, so it is drawn on the same pixel
    // grid as when it was rendered alone in a viewport of its own size.
    const html = svgs
      .map(
        (svg, i) =>
          `<div class="chart" style="width:${sizes[i]!.width}px;height:${sizes[i]!.height}px">` +
          `${svg}</div>`,
      )
      .join('');
    const { page } = await chartPage(scale);
    try {
      await page.setViewportSize({
        width: Math.max(...sizes.map((s) => s.width)),
        height: sizes.reduce((sum, s) => sum + s.height, 0),
      });
      await page.evaluate(async (markup) => {
        document.body.innerHTML = markup;
        await document.fonts.ready;
      }, html);
      const pngs: Buffer[] = [];
      let y = 0;
      for (const { width, height } of sizes) {
        pngs.push(await page.screenshot({ type: 'png', clip: { x: 0, y, width, height } }));
        y += height;
      }
      return pngs;
    } catch (error) {
      await discardChartPage(scale);
      throw error;
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** Empties the PNG cache (benchmarks and tests that must measure or exercise real rendering). */
export function clearSvgPngCache(): void {
  cache.clear();
  cacheBytes = 0;
}

/** How many PNGs and bytes the cache holds now. */
export function svgPngCacheStats(): { entries: number; bytes: number } {
  return { entries: cache.size, bytes: cacheBytes };
}

/**
 * Renders several SVG strings to PNG bytes at `scale` × their own size, in one browser page.
 * Returns one PNG per input, in input order (duplicates are drawn once).
 * @example const [bars, pie] = await renderSvgsToPng([barSvg, pieSvg], { scale: 2 });
 */
export async function renderSvgsToPng(
  svgs: readonly string[],
  options: RenderSvgOptions = {},
): Promise<Buffer[]> {
  const scale = options.scale ?? 2;
  const keys = svgs.map((svg) => cacheKey(svg, scale));
  // Hits are taken out first: caching this batch's new PNGs may evict them.
  const found = new Map<string, Buffer>();
  const missing = new Map<string, string>(); // key → svg, one per distinct SVG not cached
  keys.forEach((key, i) => {
    const hit = found.has(key) ? undefined : cacheGet(key);
    if (hit) found.set(key, hit);
    else if (!found.has(key)) missing.set(key, svgs[i]!);
  });

  if (missing.size > 0) {
    const todo = [...missing];
    const pngs = await drawInChartPage(
      scale,
      todo.map(([, svg]) => svg),
    );
    todo.forEach(([key], i) => {
      found.set(key, pngs[i]!);
      cachePut(key, pngs[i]!);
    });
  }

  // Copies, so a caller that writes into its buffer cannot corrupt the cached PNG.
  return keys.map((key) => Buffer.from(found.get(key)!));
}

/**
 * Renders one SVG string to PNG bytes at `scale` × its own size (2 = sharp when printed at the
 * SVG's CSS size in a 16 cm text column).
 */
export async function renderSvgToPng(svg: string, options: RenderSvgOptions = {}): Promise<Buffer> {
  const [png] = await renderSvgsToPng([svg], options);
  return png!;
}
