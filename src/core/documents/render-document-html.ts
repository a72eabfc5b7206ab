/**
 * Print HTML of the official document model: what `renderDocumentToPdf` hands to Chromium. It uses
 * `@page` CSS for A4 and the official margins, page-margin boxes for Thai page numbers
 * (`counter(page, thai)`), `<thead>` so table headers repeat on each page, and embedded Sarabun at
 * the size that matches TH Sarabun New 16 pt (see fonts.ts).
 */
import {
  parseOfficialDocument,
  thaiDigitsInText,
  toRuns,
  type Alignment,
  type OfficialDocument,
  type OfficialDocumentInput,
  type RichText,
  type Section,
  type TableCell,
} from './document-model.js';
import { escapeXml } from './charts.js';
import {
  EMBEDDED_FONT_FAMILY,
  OFFICIAL_BODY_PT,
  OFFICIAL_LINE_HEIGHT_PT,
  sarabunFontFaceCss,
  sarabunPtFor,
} from './fonts.js';
import {
  DATE_LINE_INDENT_CM,
  OFFICIAL_MARGINS_CM,
  PARAGRAPH_INDENT_CM,
  SIGNATURE_INDENT_CM,
  TEXT_WIDTH_CM,
} from './page-setup.js';

const CSS_ALIGN: Record<Alignment, string> = {
  left: 'text-align:left',
  center: 'text-align:center',
  right: 'text-align:right',
  justify: 'text-align:justify',
  // Word's Thai distribution spreads space between characters. Plain justify in Chromium only
  // stretches spaces, which leaves holes in Thai lines that have one space; inter-character
  // matches Word and also keeps pdftotext from splitting a line at a stretched space.
  thaiDistribute: 'text-align:justify;text-justify:inter-character',
};

function pt(officialPt: number): string {
  return `${sarabunPtFor(officialPt)}pt`;
}

function stylesheet(model: OfficialDocument): string {
  const m = OFFICIAL_MARGINS_CM;
  const pageNumber = model.pageNumbers
    ? `@top-center{content:"- " counter(page${model.thaiDigits ? ', thai' : ''}) " -";` +
      `font-family:'${EMBEDDED_FONT_FAMILY}';font-size:${pt(OFFICIAL_BODY_PT)};vertical-align:bottom;padding-bottom:0.4cm}`
    : '';
  return `${sarabunFontFaceCss()}
@page{size:A4;margin:${m.top}cm ${m.right}cm ${m.bottom}cm ${m.left}cm;${pageNumber}}
@page:first{@top-center{content:none}}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-family:'${EMBEDDED_FONT_FAMILY}',sans-serif;font-size:${pt(OFFICIAL_BODY_PT)};
  line-height:${OFFICIAL_LINE_HEIGHT_PT}pt;color:#000;font-kerning:normal}
p{margin:0 0 6pt 0;orphans:2;widows:2}
/* Thai marks over a tall cluster (ชี้) ink above a tight line box; at the top of a page Chromium
   then also paints that ink at the foot of the previous page. Padding keeps the ink in the box. */
h1,h2,h3{font-weight:700;margin:12pt 0 6pt 0;padding-top:3pt;break-after:avoid;line-height:1.5}
h1{font-size:${pt(20)};text-align:center;margin-top:0}
h2{font-size:${pt(18)}}
h3{font-size:${pt(16)}}
ol,ul{margin:0 0 6pt 0;padding-left:1.25cm}
li{text-align:justify;text-justify:inter-character}
ol.thai{list-style-type:thai}
.cover{break-after:page;text-align:center;min-height:24cm;display:flex;flex-direction:column}
.cover .titles{margin-top:6cm}
.cover .titles p{font-weight:700;font-size:${pt(22)};line-height:1.6;margin:0}
.cover .titles p:first-child{font-size:${pt(26)}}
.cover .agency{margin-top:5cm}
.cover .agency p{font-size:${pt(18)};margin:0}
.cover .agency p:first-child{font-weight:700;font-size:${pt(22)}}
.cover img{width:3cm;margin:2cm auto 0 auto;display:block}
table{width:100%;border-collapse:collapse;margin:0 0 8pt 0;page-break-inside:auto}
thead{display:table-header-group}
tr{break-inside:avoid}
tbody tr:first-child{break-inside:auto} /* the header never ends a page alone */
td{orphans:2;widows:2}
th,td{border:0.75pt solid #000;padding:2pt 4pt;vertical-align:top}
th{background:#e7e6e6;font-weight:700;text-align:center;vertical-align:middle}
td p,th p{margin:0;text-indent:0}
caption{font-weight:700;padding-bottom:4pt}
figure{margin:6pt 0 10pt 0;text-align:center;break-inside:avoid}
figure svg,figure img{max-width:${TEXT_WIDTH_CM}cm;height:auto;display:block;margin:0 auto}
figcaption{font-size:${pt(14)}}
.page-break{break-after:page}
.emblem{text-align:center;margin:0 0 6pt 0}
.emblem img{display:inline-block}
.signature{break-inside:avoid;margin-top:${OFFICIAL_LINE_HEIGHT_PT}pt}
.signature .date{margin:0 0 0 ${DATE_LINE_INDENT_CM}cm;text-indent:0}
.signature .who{margin:${3 * OFFICIAL_LINE_HEIGHT_PT}pt 0 0 ${SIGNATURE_INDENT_CM}cm;text-align:center}
.signature .who p{margin:0}`;
}

class HtmlRenderer {
  private listCount = 0;
  constructor(private readonly model: OfficialDocument) {}

  text(s: string): string {
    const converted = this.model.thaiDigits ? thaiDigitsInText(s) : s;
    return escapeXml(converted).replace(/\n/g, '<br>');
  }

  rich(text: RichText): string {
    return toRuns(text)
      .map((run) => {
        let html = this.text(run.text);
        if (run.bold) html = `<strong>${html}</strong>`;
        if (run.italic) html = `<em>${html}</em>`;
        if (run.underline) html = `<u>${html}</u>`;
        return html;
      })
      .join('');
  }

  cell(cell: TableCell): string {
    const lines = typeof cell === 'string' ? [cell] : cell;
    return lines.map((line) => `<p>${this.text(line)}</p>`).join('');
  }

  section(section: Section): string {
    switch (section.kind) {
      case 'cover': {
        const logo = section.logoPng
          ? `<img alt="" src="data:image/png;base64,${Buffer.from(section.logoPng).toString('base64')}">`
          : '';
        return (
          `<section class="cover">${logo}<div class="titles">` +
          section.titleLines.map((l) => `<p>${this.text(l)}</p>`).join('') +
          `</div><div class="agency">` +
          section.agencyLines.map((l) => `<p>${this.text(l)}</p>`).join('') +
          `</div></section>`
        );
      }
      case 'heading':
        return `<h${section.level}>${this.text(section.text)}</h${section.level}>`;
      case 'paragraph': {
        const indent = section.indentFirstLine ? `text-indent:${PARAGRAPH_INDENT_CM}cm;` : '';
        return `<p style="${indent}${CSS_ALIGN[section.align]}">${this.rich(section.text)}</p>`;
      }
      case 'list': {
        this.listCount++;
        const tag = section.ordered ? 'ol' : 'ul';
        const cls = section.ordered && this.model.thaiDigits ? ' class="thai"' : '';
        return `<${tag}${cls}>${section.items.map((i) => `<li>${this.rich(i)}</li>`).join('')}</${tag}>`;
      }
      case 'table': {
        const total = section.columns.reduce((sum, c) => sum + c.width, 0);
        const cols = section.columns
          .map((c) => `<col style="width:${((100 * c.width) / total).toFixed(2)}%">`)
          .join('');
        const head = section.columns
          .map((c) => `<th scope="col">${this.cell(c.header)}</th>`)
          .join('');
        const body = section.rows
          .map(
            (row) =>
              `<tr>${row
                .map(
                  (cell, i) =>
                    `<td style="text-align:${section.columns[i]?.align ?? 'left'}">${this.cell(cell)}</td>`,
                )
                .join('')}</tr>`,
          )
          .join('');
        const caption = section.caption ? `<caption>${this.text(section.caption)}</caption>` : '';
        return `<table>${caption}<colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
      }
      case 'image': {
        const width = `${section.widthCm ?? TEXT_WIDTH_CM}cm`;
        const visual =
          section.svg !== undefined
            ? // Inline SVG stays vector in the PDF; the width attribute is overridden by CSS.
              section.svg.replace(/<svg\b/, `<svg style="width:${width}"`)
            : `<img style="width:${width}" alt="${escapeXml(section.alt)}" src="data:image/png;base64,${Buffer.from(section.png as Uint8Array).toString('base64')}">`;
        const caption = section.caption
          ? `<figcaption>${this.text(section.caption)}</figcaption>`
          : '';
        return `<figure>${visual}${caption}</figure>`;
      }
      case 'pageBreak':
        return '<div class="page-break"></div>';
      case 'emblem':
        return (
          `<p class="emblem"><img style="height:${section.heightCm}cm" alt="${escapeXml(section.alt)}" ` +
          `src="data:image/png;base64,${Buffer.from(section.png).toString('base64')}"></p>`
        );
      case 'signature': {
        // Three blank lines of room for the hand signature, then name and position (forms of
        // the ระเบียบงานสารบรรณ).
        const date = section.dateLine ? `<p class="date">${this.text(section.dateLine)}</p>` : '';
        const who = section.lines.map((l) => `<p>${this.text(l)}</p>`).join('');
        return `<div class="signature">${date}<div class="who">${who}</div></div>`;
      }
    }
  }
}

/**
 * Renders the document model to a self-contained print HTML page (fonts embedded as data URLs).
 * Charts keep their own digits: build them with a Thai-digit `formatValue` when `thaiDigits` is on.
 */
export function renderDocumentHtml(input: OfficialDocumentInput): string {
  const model = parseOfficialDocument(input);
  const renderer = new HtmlRenderer(model);
  return (
    `<!doctype html><html lang="th"><head><meta charset="utf-8">` +
    `<title>${escapeXml(model.title)}</title>` +
    (model.author ? `<meta name="author" content="${escapeXml(model.author)}">` : '') +
    `<style>${stylesheet(model)}</style></head><body>` +
    model.sections.map((s) => renderer.section(s)).join('\n') +
    `</body></html>`
  );
}
