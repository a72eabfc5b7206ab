/**
 * Rasterises an SVG (a chart) to PNG with the shared Chromium, so Thai labels are shaped by
 * HarfBuzz with the embedded Sarabun exactly as in the PDF. Used for the DOCX fallback image.
 */
import { withBrowserContext } from './chromium.js';
import { svgSize } from './document-model.js';
import { sarabunFontFaceCss } from './fonts.js';

/**
 * Renders an SVG string to PNG bytes at `scale` × its own size (2 = sharp when printed at the
 * SVG's CSS size in a 16 cm text column).
 */
export async function renderSvgToPng(
  svg: string,
  options: { scale?: number } = {},
): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  const scale = options.scale ?? 2;
  return withBrowserContext(
    async (context) => {
      const page = await context.newPage();
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>${sarabunFontFaceCss()}` +
          `html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head>` +
          `<body>${svg}</body></html>`,
      );
      await page.evaluate('document.fonts.ready');
      return page.locator('svg').first().screenshot({ type: 'png' });
    },
    {
      viewport: { width: Math.ceil(width), height: Math.ceil(height) },
      deviceScaleFactor: scale,
    },
  );
}
