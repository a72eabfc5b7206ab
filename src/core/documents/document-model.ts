/**
 * The one document model that both renderers accept: a module builds it once and gets an editable
 * DOCX (`buildOfficialDocx`) and a print PDF (`renderDocumentToPdf`) with the same content.
 * The model is plain data (no functions), so it can be logged, snapshotted and validated with zod.
 */
import { z } from 'zod';

/** Paragraph alignment; 'thaiDistribute' is Word's Thai justification (กระจายแบบไทย). */
export const Alignment = z.enum(['left', 'center', 'right', 'justify', 'thaiDistribute']);
export type Alignment = z.infer<typeof Alignment>;

/** A run of text with optional emphasis, for mixing bold labels into a paragraph. */
export const TextRun = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
export type TextRun = z.infer<typeof TextRun>;

/** Plain text or runs; either way newlines inside are kept as line breaks. */
export const RichText = z.union([z.string(), z.array(TextRun).min(1)]);
export type RichText = z.infer<typeof RichText>;

/** ปก: the cover page, followed by a page break. */
export const CoverSection = z.object({
  kind: z.literal('cover'),
  /** Title lines, largest first ("รายงานผลการประเมินคุณธรรมและความโปร่งใส", "ปีงบประมาณ พ.ศ. 2566"). */
  titleLines: z.array(z.string().min(1)).min(1),
  /** Agency name and address lines, printed lower on the page. */
  agencyLines: z.array(z.string()).default([]),
  /** Agency seal/logo as PNG bytes, printed above the title. */
  logoPng: z.instanceof(Uint8Array).optional(),
});

export const HeadingSection = z.object({
  kind: z.literal('heading'),
  text: z.string().min(1),
  /** 1 = chapter title (centred, larger), 2 = section, 3 = sub-section. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
});

export const ParagraphSection = z.object({
  kind: z.literal('paragraph'),
  text: RichText,
  align: Alignment.default('thaiDistribute'),
  /** ย่อหน้า: Thai official paragraphs indent their first line 2.5 cm. */
  indentFirstLine: z.boolean().default(true),
});

export const ListSection = z.object({
  kind: z.literal('list'),
  ordered: z.boolean().default(true),
  items: z.array(RichText).min(1),
});

/** A table cell: text, or several paragraphs (the seed report's measure table has lists in cells). */
export const TableCell = z.union([z.string(), z.array(z.string())]);
export type TableCell = z.infer<typeof TableCell>;

export const TableColumn = z.object({
  header: z.string(),
  /** Relative width; columns share the text width in proportion. */
  width: z.number().positive().default(1),
  align: z.enum(['left', 'center', 'right']).default('left'),
});
export type TableColumn = z.input<typeof TableColumn>;

export const TableSection = z
  .object({
    kind: z.literal('table'),
    caption: z.string().optional(),
    columns: z.array(TableColumn).min(1),
    rows: z.array(z.array(TableCell)),
  })
  .refine((t) => t.rows.every((r) => r.length === t.columns.length), {
    message: 'ทุกแถวต้องมีจำนวนช่องเท่ากับจำนวนคอลัมน์ / every row needs one cell per column',
  });

export const ImageSection = z
  .object({
    kind: z.literal('image'),
    /** An SVG chart (see charts.ts); DOCX gets it as SVG with a PNG fallback rendered by Chromium. */
    svg: z.string().optional(),
    png: z.instanceof(Uint8Array).optional(),
    /** Text alternative, required: screen readers and the DOCX alt text read it. */
    alt: z.string().min(1),
    caption: z.string().optional(),
    /** Printed width; height follows the image's aspect ratio. Defaults to the text width. */
    widthCm: z.number().positive().max(16).optional(),
  })
  .refine((i) => (i.svg === undefined) !== (i.png === undefined), {
    message: 'รูปต้องมี svg หรือ png อย่างใดอย่างหนึ่ง / an image needs exactly one of svg or png',
  });

export const PageBreakSection = z.object({ kind: z.literal('pageBreak') });

/**
 * ตราครุฑ/ตราหน่วยงาน at the top centre of a ประกาศ or คำสั่ง. ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงาน
 * สารบรรณ (แบบประกาศ, แบบคำสั่ง) prints the Garuda 3 cm high, centred above the heading; the
 * agency's uploaded emblem takes the same size and place.
 */
export const EmblemSection = z.object({
  kind: z.literal('emblem'),
  png: z.instanceof(Uint8Array),
  heightCm: z.number().positive().max(5).default(3),
  alt: z.string().min(1),
});

/**
 * The close of an official notice: the date line ("ประกาศ ณ วันที่ …", indented toward the centre
 * as in the forms), room for the hand signature, then the signer's name in parentheses and
 * position, centred on the right half of the page.
 */
export const SignatureSection = z.object({
  kind: z.literal('signature'),
  dateLine: z.string().optional(),
  /** "(นายสมชาย ใจดี)", "นายกเทศมนตรีตำบลโพธิ์ทอง", … */
  lines: z.array(z.string()).min(1),
});

export const Section = z.union([
  CoverSection,
  HeadingSection,
  ParagraphSection,
  ListSection,
  TableSection,
  ImageSection,
  PageBreakSection,
  EmblemSection,
  SignatureSection,
]);
export type Section = z.infer<typeof Section>;
/** What callers write: defaults (align, level…) may be left out. */
export type SectionInput = z.input<typeof Section>;

export const OfficialDocument = z.object({
  /** Document title (file metadata and PDF title). */
  title: z.string().min(1),
  /** Write every number as Thai digits (๐–๙), except inside URLs and e-mail addresses. */
  thaiDigits: z.boolean().default(false),
  /** Page numbers at the top centre ("- ๒ -"), from page 2 on, as Thai official documents do. */
  pageNumbers: z.boolean().default(true),
  author: z.string().optional(),
  sections: z.array(Section).min(1),
});
export type OfficialDocument = z.infer<typeof OfficialDocument>;
export type OfficialDocumentInput = z.input<typeof OfficialDocument>;

/** Validates a document model and fills its defaults; throws a ZodError naming the bad field. */
export function parseOfficialDocument(input: OfficialDocumentInput): OfficialDocument {
  return OfficialDocument.parse(input);
}

// Digits inside URLs and e-mail addresses must stay ASCII or the link stops working.
const UNCONVERTIBLE = /(https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

/**
 * Converts the digits of running text to Thai digits, leaving URLs and e-mail addresses intact.
 * @example thaiDigitsInText('โทร 043-123456 www: http://a.go.th/2566') // 'โทร ๐๔๓-๑๒๓๔๕๖ www: http://a.go.th/2566'
 */
export function thaiDigitsInText(text: string): string {
  return text
    .split(UNCONVERTIBLE)
    .map((piece, i) =>
      i % 2 === 1 ? piece : piece.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d))),
    )
    .join('');
}

/** Flattens rich text to runs so renderers have one shape to handle. */
export function toRuns(text: RichText): TextRun[] {
  return typeof text === 'string' ? [{ text }] : text;
}

/** Width and height of an SVG from its root attributes (charts.ts always writes both). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)`).exec(root)?.[1]);
  let width = attr('width');
  let height = attr('height');
  if (!(width > 0 && height > 0)) {
    const viewBox = /viewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(root);
    width = Number(viewBox?.[1]);
    height = Number(viewBox?.[2]);
  }
  if (!(width > 0 && height > 0)) throw new Error('SVG has no width/height or viewBox');
  return { width, height };
}

/** Width and height in pixels of a PNG, read from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(12) !== 0x49484452) throw new Error('Not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
