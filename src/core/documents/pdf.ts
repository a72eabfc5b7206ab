/**
 * PDF rendering with the shared Chromium: HarfBuzz shapes Thai marks correctly and ICU breaks Thai
 * lines at word boundaries, which no JS PDF library on this stack does (stack-probe rows 4–5).
 */
import { withBrowserContext } from './chromium.js';
import type { OfficialDocumentInput } from './document-model.js';
import { OFFICIAL_MARGINS_CM } from './page-setup.js';
import { renderDocumentHtml } from './render-document-html.js';

export interface PdfMargins {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

export interface RenderPdfOptions {
  format?: 'A4';
  /** CSS lengths. Leave out to let the page's `@page` rule decide (what `renderDocumentToPdf` does). */
  margins?: PdfMargins;
  /** Landscape pages, e.g. for a wide measures table. */
  landscape?: boolean;
}

/** The official margins as CSS lengths, for callers printing their own HTML. */
export const OFFICIAL_PDF_MARGINS: PdfMargins = {
  top: `${OFFICIAL_MARGINS_CM.top}cm`,
  right: `${OFFICIAL_MARGINS_CM.right}cm`,
  bottom: `${OFFICIAL_MARGINS_CM.bottom}cm`,
  left: `${OFFICIAL_MARGINS_CM.left}cm`,
};

/**
 * Prints a self-contained HTML page to PDF. External URLs are not fetched (fonts and images must be
 * embedded as data URLs), so a template cannot make the server call out while rendering.
 * @example const pdf = await renderHtmlToPdf('<p>สวัสดี</p>', { margins: OFFICIAL_PDF_MARGINS });
 */
export async function renderHtmlToPdf(
  html: string,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  return withBrowserContext(
    async (context) => {
      await context.route(/^(?!data:|about:)/, (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // Fonts in @font-face load lazily, on first use during layout; print only once they are in.
      await page.evaluate('document.fonts.ready');
      return page.pdf({
        format: options.format ?? 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        preferCSSPageSize: options.margins === undefined,
        ...(options.margins ? { margin: options.margins } : {}),
        tagged: true,
        outline: true,
      });
    },
    { javaScriptEnabled: false },
  );
}

/**
 * Renders the official document model to an A4 PDF: embedded Sarabun, official margins, header rows
 * repeated on each page, page numbers from page 2 (in Thai digits when `thaiDigits`).
 */
export async function renderDocumentToPdf(model: OfficialDocumentInput): Promise<Buffer> {
  return renderHtmlToPdf(renderDocumentHtml(model));
}
