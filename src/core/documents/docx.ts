/**
 * DOCX renderer of the official document model: A4, official margins, "TH Sarabun New" 16 pt,
 * Thai justification, numbered lists, tables whose header row repeats on every page, optional Thai
 * page numbers. The DOCX is the editable copy agencies revise in Word or LibreOffice.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell as DocxTableCell,
  TableRow,
  TextRun as DocxTextRun,
  WidthType,
  type FileChild,
  type IRunOptions,
} from 'docx';
import {
  parseOfficialDocument,
  pngSize,
  svgSize,
  thaiDigitsInText,
  toRuns,
  type Alignment,
  type OfficialDocument,
  type OfficialDocumentInput,
  type RichText,
  type Section,
  type TableCell,
} from './document-model.js';
import {
  EMBEDDED_FONT_FAMILY,
  OFFICIAL_BODY_PT,
  OFFICIAL_FONT_NAME,
  sarabunFontBytes,
  sarabunPtFor,
} from './fonts.js';
import {
  A4_MM,
  DATE_LINE_INDENT_CM,
  OFFICIAL_MARGINS_CM,
  PARAGRAPH_INDENT_CM,
  SIGNATURE_INDENT_CM,
  TEXT_WIDTH_CM,
  cmToTwips,
} from './page-setup.js';
import { renderSvgsToPng } from './render-svg-to-png.js';

export interface BuildDocxOptions {
  /**
   * Embed Sarabun in the file and use it instead of "TH Sarabun New", so the document looks right
   * on a machine without the official font. Costs ~300 KB per file (measured: README), and Word
   * then shows "Sarabun" in the font box, which officials will change back; off by default.
   */
  embedFont?: boolean;
}

const PX_PER_CM = 96 / 2.54;
const ORDERED_LIST = 'prongsai-ordered';
const BULLET_LIST = 'prongsai-bullet';

interface Typeface {
  name: string;
  /** Converts an official (TH Sarabun New) size in pt to half-points of this face. */
  halfPoints: (officialPt: number) => number;
}

const ALIGN: Record<Alignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
  thaiDistribute: AlignmentType.THAI_DISTRIBUTE,
};

/**
 * Builds a Thai official DOCX from the document model.
 * @example
 * const docx = await buildOfficialDocx({
 *   title: 'รายงานผลการประเมิน ITA', thaiDigits: true,
 *   sections: [{ kind: 'heading', text: 'คำนำ', level: 1 }, { kind: 'paragraph', text: '…' }],
 * });
 */
export async function buildOfficialDocx(
  input: OfficialDocumentInput,
  options: BuildDocxOptions = {},
): Promise<Buffer> {
  const model = parseOfficialDocument(input);
  const typeface: Typeface = options.embedFont
    ? { name: EMBEDDED_FONT_FAMILY, halfPoints: (pt) => Math.round(sarabunPtFor(pt) * 2) }
    : { name: OFFICIAL_FONT_NAME, halfPoints: (pt) => Math.round(pt * 2) };
  // Every chart's PNG fallback is drawn in one Chromium page, started now so it runs while the
  // rest of the document is built (per chart, one context each, it cost ~0.7 s: docs/benchmarks.md).
  const svgs = [
    ...new Set(
      model.sections.flatMap((s) => (s.kind === 'image' && s.svg !== undefined ? [s.svg] : [])),
    ),
  ];
  const fallbacks =
    svgs.length === 0
      ? Promise.resolve(new Map<string, Buffer>())
      : renderSvgsToPng(svgs, { scale: 2 }).then(
          (pngs) => new Map(svgs.map((svg, i) => [svg, pngs[i]!])),
        );
  // Marks the promise handled, so a build that fails before reaching a chart reports its own error
  // rather than an unhandled rejection; the chart still awaits (and rethrows) it.
  fallbacks.catch(() => undefined);
  const renderer = new DocxRenderer(model, typeface, fallbacks);
  const children = await renderer.render();

  const document = new Document({
    title: model.title,
    creator: model.author ?? 'Prongsai',
    styles: {
      default: {
        document: {
          run: {
            // Thai is a complex script: Word takes the cs font and size for it, so every slot is set.
            font: {
              ascii: typeface.name,
              hAnsi: typeface.name,
              cs: typeface.name,
              eastAsia: typeface.name,
            },
            size: typeface.halfPoints(OFFICIAL_BODY_PT),
            sizeComplexScript: typeface.halfPoints(OFFICIAL_BODY_PT),
            language: { value: 'th-TH', bidirectional: 'th-TH' },
          },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: ORDERED_LIST,
          levels: [
            {
              level: 0,
              format: model.thaiDigits ? LevelFormat.THAI_NUMBERS : LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: cmToTwips(1.25), hanging: cmToTwips(0.75) } } },
            },
          ],
        },
        {
          reference: BULLET_LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: cmToTwips(1.25), hanging: cmToTwips(0.5) } } },
            },
          ],
        },
      ],
    },
    ...(options.embedFont
      ? {
          fonts: [
            {
              name: EMBEDDED_FONT_FAMILY,
              data: sarabunFontBytes('regular'),
              bold: sarabunFontBytes('bold'),
              italic: sarabunFontBytes('italic'),
              boldItalic: sarabunFontBytes('boldItalic'),
            },
          ],
        }
      : {}),
    sections: [
      {
        properties: {
          titlePage: model.pageNumbers,
          page: {
            size: { width: cmToTwips(A4_MM.width / 10), height: cmToTwips(A4_MM.height / 10) },
            margin: {
              top: cmToTwips(OFFICIAL_MARGINS_CM.top),
              bottom: cmToTwips(OFFICIAL_MARGINS_CM.bottom),
              left: cmToTwips(OFFICIAL_MARGINS_CM.left),
              right: cmToTwips(OFFICIAL_MARGINS_CM.right),
              header: cmToTwips(1.25),
              footer: cmToTwips(1),
            },
            pageNumbers: {
              start: 1,
              formatType: model.thaiDigits ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL,
            },
          },
        },
        headers: model.pageNumbers
          ? {
              // Thai official documents number pages at the top centre, "- ๒ -", from page 2.
              default: new Header({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [new DocxTextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })],
                  }),
                ],
              }),
              first: new Header({ children: [] }),
            }
          : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

class DocxRenderer {
  private listInstance = 0;

  constructor(
    private readonly model: OfficialDocument,
    private readonly typeface: Typeface,
    /** PNG fallback of each SVG chart of the model, keyed by the SVG text. */
    private readonly fallbacks: Promise<ReadonlyMap<string, Buffer>>,
  ) {}

  async render(): Promise<FileChild[]> {
    const out: FileChild[] = [];
    for (const section of this.model.sections) out.push(...(await this.section(section)));
    return out;
  }

  private text(s: string): string {
    return this.model.thaiDigits ? thaiDigitsInText(s) : s;
  }

  /** Runs for rich text; "\n" becomes a line break inside the same paragraph. */
  private runs(text: RichText, extra: Partial<IRunOptions> = {}): DocxTextRun[] {
    return toRuns(text).flatMap((run) =>
      this.text(run.text)
        .split('\n')
        .map(
          (line, i) =>
            new DocxTextRun({
              text: line,
              break: i > 0 ? 1 : undefined,
              bold: run.bold,
              boldComplexScript: run.bold,
              italics: run.italic,
              italicsComplexScript: run.italic,
              underline: run.underline ? {} : undefined,
              ...extra,
            }),
        ),
    );
  }

  private sized(officialPt: number): Partial<IRunOptions> {
    const size = this.typeface.halfPoints(officialPt);
    return { size, sizeComplexScript: size };
  }

  private async section(section: Section): Promise<FileChild[]> {
    switch (section.kind) {
      case 'cover':
        return this.cover(section);
      case 'heading':
        return [
          new Paragraph({
            heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][
              section.level - 1
            ],
            alignment: section.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
            keepNext: true,
            spacing: { before: section.level === 1 ? 0 : 240, after: 120 },
            children: this.runs(section.text, {
              bold: true,
              boldComplexScript: true,
              color: '000000',
              ...this.sized(section.level === 1 ? 20 : section.level === 2 ? 18 : 16),
            }),
          }),
        ];
      case 'paragraph':
        return [
          new Paragraph({
            alignment: ALIGN[section.align],
            indent: section.indentFirstLine
              ? { firstLine: cmToTwips(PARAGRAPH_INDENT_CM) }
              : undefined,
            spacing: { after: 120 },
            children: this.runs(section.text),
          }),
        ];
      case 'list': {
        const instance = ++this.listInstance; // each list restarts at 1
        return section.items.map(
          (item) =>
            new Paragraph({
              alignment: AlignmentType.THAI_DISTRIBUTE,
              numbering: {
                reference: section.ordered ? ORDERED_LIST : BULLET_LIST,
                level: 0,
                instance,
              },
              children: this.runs(item),
            }),
        );
      }
      case 'table':
        return this.table(section);
      case 'image':
        return this.image(section);
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      case 'emblem': {
        const { width, height } = pngSize(section.png);
        const heightPx = section.heightCm * PX_PER_CM;
        return [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [
              new ImageRun({
                type: 'png',
                data: section.png,
                transformation: { width: (heightPx * width) / height, height: heightPx },
                altText: { name: 'emblem', description: section.alt, title: section.alt },
              }),
            ],
          }),
        ];
      }
      case 'signature': {
        const out: FileChild[] = [new Paragraph({ children: [] })];
        if (section.dateLine) {
          out.push(
            new Paragraph({
              indent: { left: cmToTwips(DATE_LINE_INDENT_CM) },
              keepNext: true,
              children: this.runs(section.dateLine),
            }),
          );
        }
        // Room for the hand signature: three empty lines, kept on the page with the name.
        for (let i = 0; i < 3; i++) out.push(new Paragraph({ keepNext: true, children: [] }));
        section.lines.forEach((line, i) =>
          out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              indent: { left: cmToTwips(SIGNATURE_INDENT_CM) },
              keepNext: i < section.lines.length - 1,
              children: this.runs(line),
            }),
          ),
        );
        return out;
      }
    }
  }

  private async cover(section: Extract<Section, { kind: 'cover' }>): Promise<FileChild[]> {
    const out: FileChild[] = [];
    if (section.logoPng) {
      const { width, height } = pngSize(section.logoPng);
      const widthPx = 3 * PX_PER_CM;
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: cmToTwips(2), after: cmToTwips(1) },
          children: [
            new ImageRun({
              type: 'png',
              data: section.logoPng,
              transformation: { width: widthPx, height: (widthPx * height) / width },
              altText: { name: 'logo', description: section.agencyLines[0] ?? 'ตราหน่วยงาน' },
            }),
          ],
        }),
      );
    }
    section.titleLines.forEach((line, i) => {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: i === 0 && !section.logoPng ? cmToTwips(6) : 120 },
          children: this.runs(line, {
            bold: true,
            boldComplexScript: true,
            ...this.sized(i === 0 ? 26 : 22),
          }),
        }),
      );
    });
    section.agencyLines.forEach((line, i) => {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: i === 0 ? cmToTwips(5) : 60 },
          children: this.runs(line, {
            bold: i === 0,
            boldComplexScript: i === 0,
            ...this.sized(i === 0 ? 22 : 18),
          }),
        }),
      );
    });
    out.push(new Paragraph({ children: [new PageBreak()] }));
    return out;
  }

  private cellParagraphs(
    cell: TableCell,
    align: Alignment,
    bold = false,
    keepNext = false,
  ): Paragraph[] {
    const lines = typeof cell === 'string' ? [cell] : cell.length > 0 ? cell : [''];
    return lines.map(
      (line) =>
        new Paragraph({
          alignment: ALIGN[align],
          keepNext,
          children: this.runs(line, bold ? { bold: true, boldComplexScript: true } : {}),
        }),
    );
  }

  private table(section: Extract<Section, { kind: 'table' }>): FileChild[] {
    const textWidth = cmToTwips(TEXT_WIDTH_CM);
    const totalWeight = section.columns.reduce((sum, c) => sum + c.width, 0);
    const widths = section.columns.map((c) => Math.round((textWidth * c.width) / totalWeight));
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const borders = { top: border, bottom: border, left: border, right: border };
    const margins = { left: 80, right: 80, top: 40, bottom: 40 };
    const header = new TableRow({
      tableHeader: true, // Word repeats this row at the top of every page the table spans
      cantSplit: true,
      children: section.columns.map(
        (column, i) =>
          new DocxTableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            borders,
            margins,
            shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' },
            // keep-with-next on the header's paragraphs: Word never leaves it alone at a page end
            children: this.cellParagraphs(column.header, 'center', true, true),
          }),
      ),
    });
    const rows = section.rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell, i) =>
              new DocxTableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders,
                margins,
                children: this.cellParagraphs(cell, section.columns[i]?.align ?? 'left'),
              }),
          ),
        }),
    );
    const out: FileChild[] = [];
    if (section.caption) {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 120, after: 60 },
          children: this.runs(section.caption, { bold: true, boldComplexScript: true }),
        }),
      );
    }
    out.push(
      new Table({
        width: { size: textWidth, type: WidthType.DXA },
        columnWidths: widths,
        rows: [header, ...rows],
      }),
    );
    // An empty paragraph after a table stops Word from gluing the next table onto it.
    out.push(new Paragraph({ children: [] }));
    return out;
  }

  private async image(section: Extract<Section, { kind: 'image' }>): Promise<FileChild[]> {
    const widthCm = section.widthCm ?? TEXT_WIDTH_CM;
    const widthPx = widthCm * PX_PER_CM;
    const altText = {
      name: section.caption ?? 'chart',
      description: section.alt,
      title: section.alt,
    };
    let run: ImageRun;
    if (section.svg !== undefined) {
      const { width, height } = svgSize(section.svg);
      // Word 2019+/365 draws the SVG as vectors; LibreOffice and older Word show the PNG fallback.
      const fallback = (await this.fallbacks).get(section.svg)!;
      run = new ImageRun({
        type: 'svg',
        data: Buffer.from(section.svg, 'utf8'),
        fallback: { type: 'png', data: fallback },
        transformation: { width: widthPx, height: (widthPx * height) / width },
        altText,
      });
    } else {
      const png = section.png as Uint8Array;
      const { width, height } = pngSize(png);
      run = new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: widthPx, height: (widthPx * height) / width },
        altText,
      });
    }
    const out: FileChild[] = [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: !!section.caption,
        children: [run],
      }),
    ];
    if (section.caption) {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 120 },
          children: this.runs(section.caption, this.sized(14)),
        }),
      );
    }
    return out;
  }
}
