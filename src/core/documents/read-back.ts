/**
 * Reads produced documents back for tests: text of a DOCX or PDF, a PDF page as PNG, the fonts a
 * PDF uses. Tests assert on what a reader would see, not on how we built it.
 * Needs poppler-utils (pdftotext, pdftoppm, pdffonts).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
// jszip is a dependency of docx, so it is always installed with it.
import JSZip from 'jszip';

const run = promisify(execFile);

const XML_ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-f]+);/gi, (entity) => {
    if (entity[1] === '#') {
      const hex = entity[2] === 'x' || entity[2] === 'X';
      return String.fromCodePoint(parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10));
    }
    return XML_ENTITIES[entity] ?? entity;
  });
}

/** One part of a DOCX package as a string, e.g. 'word/document.xml' or 'word/fontTable.xml'. */
export async function docxPart(buffer: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(path);
  if (!file) throw new Error(`DOCX has no ${path}`);
  return file.async('string');
}

/** Names of all parts in a DOCX package (word/media/…, word/fonts/…). */
export async function docxPartNames(buffer: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  return Object.keys(zip.files);
}

/**
 * The text of a DOCX body: one line per paragraph, table cells separated by tabs, one line per row.
 * Headers/footers are not included.
 */
export async function docxToText(buffer: Uint8Array): Promise<string> {
  const xml = await docxPart(buffer, 'word/document.xml');
  const lines: string[] = [];
  // Paragraphs inside a cell join with a space, cells with a tab, so one row reads as one line.
  const rowText = (rowXml: string) =>
    [...rowXml.matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)]
      .map((cell) => paragraphs(cell[0]).join(' '))
      .join('\t');
  const paragraphs = (fragment: string) =>
    [...fragment.matchAll(/<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(br|tab)\b[^>]*\/>/g)]
        .map((m) => (m[2] === 'br' ? '\n' : m[2] === 'tab' ? '\t' : decodeXml(m[1] ?? '')))
        .join(''),
    );
  const body = xml.replace(/^[\s\S]*?<w:body>/, '').replace(/<\/w:body>[\s\S]*$/, '');
  // Walk the body: tables become rows, everything else paragraphs.
  for (const block of body.matchAll(
    /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g,
  )) {
    if (block[0].startsWith('<w:tbl>')) {
      for (const row of block[0].matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)) lines.push(rowText(row[0]));
    } else {
      lines.push(...paragraphs(block[0]));
    }
  }
  return lines.join('\n');
}

async function withPdfFile<T>(buffer: Uint8Array, fn: (path: string, dir: string) => Promise<T>) {
  const dir = await mkdtemp(join(tmpdir(), 'prongsai-pdf-'));
  try {
    const path = join(dir, 'in.pdf');
    await writeFile(path, buffer);
    return await fn(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as pdftotext extracts it (reading order, `-layout` off; pages split by \f). */
export async function pdfToText(
  buffer: Uint8Array,
  options: { layout?: boolean } = {},
): Promise<string> {
  return withPdfFile(buffer, async (path) => {
    const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-'];
    const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
}

/** Number of pages of a PDF (pdfinfo). */
export async function pdfPageCount(buffer: Uint8Array): Promise<number> {
  return withPdfFile(buffer, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
  });
}

/** Renders one PDF page (1-based) to PNG bytes at `dpi` (default 100). */
export async function pdfPageToPng(buffer: Uint8Array, page: number, dpi = 100): Promise<Buffer> {
  return withPdfFile(buffer, async (path, dir) => {
    const out = join(dir, 'page');
    const p = String(page);
    await run('pdftoppm', ['-f', p, '-l', p, '-r', String(dpi), '-png', '-singlefile', path, out]);
    return readFile(`${out}.png`);
  });
}

/** A font row of `pdffonts`. */
export interface PdfFont {
  /** Name as written in the PDF, with its subset tag, e.g. "AAAAAA+Sarabun-Regular". */
  name: string;
  type: string;
  isEmbedded: boolean;
  isSubset: boolean;
}

/** Fonts a PDF uses, as pdffonts lists them. */
export async function pdfFonts(buffer: Uint8Array): Promise<PdfFont[]> {
  return withPdfFile(buffer, async (path) => {
    const { stdout } = await run('pdffonts', [path]);
    // Columns: name type encoding emb sub uni object ID; name has no spaces, type may ("CID TrueType").
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const match =
          /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
        if (!match) throw new Error(`Unexpected pdffonts line: ${line}`);
        return {
          name: match[1] ?? '',
          type: match[2] ?? '',
          isEmbedded: match[4] === 'yes',
          isSubset: match[5] === 'yes',
        };
      });
  });
}

/** An 8-bit greyscale raster: `pixels[y * width + x]`, 0 = black, 255 = white. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/**
 * Renders one PDF page (1-based) to greyscale pixels (pdftoppm's PGM output, parsed here), so
 * tests can measure ink without a PNG decoder.
 */
export async function pdfPageToGray(
  buffer: Uint8Array,
  page: number,
  dpi = 100,
): Promise<GrayImage> {
  return withPdfFile(buffer, async (path, dir) => {
    const out = join(dir, 'page');
    const p = String(page);
    await run('pdftoppm', ['-f', p, '-l', p, '-r', String(dpi), '-gray', '-singlefile', path, out]);
    const pgm = await readFile(`${out}.pgm`);
    // Header: "P5\n<width> <height>\n<maxval>\n", then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a binary PGM');
    const width = Number(header[1]);
    const height = Number(header[2]);
    return {
      width,
      height,
      pixels: new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height)),
    };
  });
}
