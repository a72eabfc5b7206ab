import { decodePageBody } from './decode-page-body.js';
import { extractHtmlPage } from './extract-html-page.js';
import { extractPdfText } from './extract-pdf-text.js';
import { normalizeCrawlUrl } from './normalize-crawl-url.js';
import type { CrawledDocument } from './crawl-types.js';

/** What one fetched page gave: its document and, for HTML, the links to follow; or the error. */
export type CrawledResponse =
  | { document: Omit<CrawledDocument, 'aliases'>; links: { url: string; text: string }[] | null }
  | { error: unknown };

/** Reads at most `maxBytes` of a body, then stops the download: a huge file is not waited for. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= maxBytes) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks);
}

/** The kind of a document by its Content-Type, else by its path's extension. */
function classify(contentType: string, url: string): CrawledDocument['kind'] {
  if (/html|xhtml/i.test(contentType)) return 'html';
  if (/pdf/i.test(contentType)) return 'pdf';
  if (/octet-stream|^$/.test(contentType) && /\.pdf$/i.test(new URL(url).pathname)) return 'pdf';
  if (contentType === '' && !/\.\w{2,4}$/.test(new URL(url).pathname)) return 'html';
  return 'other';
}

/** A file's name from its URL, decoded when it can be (Thai file names arrive %-encoded). */
function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Turns a fetched (2xx) response into a crawled document: an HTML page with its text and links,
 * a PDF with its text (pdftotext) and date, or any other file by name only. Warnings (a PDF
 * that cannot be read, pdftotext missing, said once per crawl) go to `options.warnings`.
 */
export async function readCrawledResponse(
  response: Response,
  fetched: { url: string; linkText: string },
  options: {
    maxBytes: number;
    pdfTimeoutMs: number;
    /** Shared by the crawl: set when pdftotext is found missing, so it is tried only once. */
    pdfTool: { isMissing: boolean };
    warnings: string[];
  },
): Promise<CrawledResponse> {
  const { url } = fetched;
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  const kind = classify(contentType, url);
  const lastModified = response.headers.get('last-modified');
  const headerDate = lastModified ? new Date(lastModified) : null;
  const served = headerDate && !Number.isNaN(headerDate.getTime()) ? headerDate : null;
  /** A file known by its name and lines of text (none for a file that is not a PDF). */
  const fileDocument = (lines: string[], documentDate: Date | null): CrawledResponse => ({
    links: null,
    document: {
      url,
      kind,
      title: fileName(url),
      // A PDF's first lines are its heading: agencies put the document name there.
      headings: lines.slice(0, 3),
      text: lines.join(' '),
      contentText: lines.join(' '),
      links: [],
      documentDate,
      linkText: fetched.linkText,
    },
  });
  if (kind === 'other') {
    await response.body?.cancel();
    return fileDocument([], served);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, options.maxBytes);
  } catch (error) {
    return { error };
  }
  if (kind === 'pdf') {
    const pdf = options.pdfTool.isMissing
      ? ({ ok: false, reason: 'missing-tool', documentDate: null } as const)
      : await extractPdfText(bytes, options.pdfTimeoutMs);
    if (!pdf.ok && pdf.reason === 'missing-tool' && !options.pdfTool.isMissing) {
      options.pdfTool.isMissing = true;
      options.warnings.push(
        'ไม่พบโปรแกรม pdftotext (poppler-utils) จึงอ่านข้อความใน PDF ไม่ได้ / pdftotext is missing: PDF text not read',
      );
    } else if (!pdf.ok && pdf.reason !== 'missing-tool') {
      options.warnings.push(`อ่าน PDF ไม่ได้: ${url} / Could not read PDF (${pdf.reason})`);
    }
    const text = pdf.ok ? pdf.text : '';
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    return fileDocument(lines, pdf.documentDate ?? served);
  }
  const page = extractHtmlPage(decodePageBody(bytes, contentType));
  const base = (page.baseHref && normalizeCrawlUrl(page.baseHref, url)) || url;
  const links: { url: string; text: string }[] = [];
  for (const link of page.links) {
    const target = normalizeCrawlUrl(link.href, base);
    if (!target) continue;
    links.push({ url: target, text: link.text });
  }
  return {
    links,
    document: {
      url,
      kind,
      title: page.title,
      headings: page.headings,
      text: page.text,
      contentText: page.contentText,
      links,
      documentDate: null,
      linkText: fetched.linkText,
    },
  };
}
