/**
 * Server-side SVG charts for reports and web pages, with no dependency: plain strings, Thai labels,
 * accessible (`role="img"`, `<title>`, `<desc>`, aria-label) and drawn in Sarabun. Text is placed
 * with generous padding because Thai stacks marks above and below the line (ปู่, ญี่ปุ่น) and a
 * tight box clips them. Widths of labels are estimated, not measured: keep labels short or let
 * them wrap at the estimate.
 */
import { toThaiDigits } from '../i18n/thai-format.js';
import { EMBEDDED_FONT_FAMILY } from './fonts.js';

/** One bar: a label and a value on a 0–max scale. */
export interface BarDatum {
  label: string;
  value: number;
}

export interface HorizontalBarChartInput {
  /** Chart title, also the accessible name. */
  title: string;
  bars: BarDatum[];
  /** Scale maximum; ITA scores are 0–100. */
  max?: number;
  /** Write value and axis labels in Thai digits (๙๙.๕๐), to match a `thaiDigits` document. */
  thaiDigits?: boolean;
  /** Formats value labels; default two decimals, as ITA scores are published. */
  formatValue?: (value: number) => string;
  width?: number;
  color?: string;
}

export interface GroupedBarChartInput {
  title: string;
  /** Category labels along the x axis (e.g. indicators, or IIT/EIT/OIT). */
  categories: string[];
  /** One series per legend entry (e.g. one per fiscal year), each with a value per category. */
  series: { name: string; values: number[]; color?: string }[];
  max?: number;
  thaiDigits?: boolean;
  formatValue?: (value: number) => string;
  width?: number;
  height?: number;
}

/** Colours chosen to stay distinguishable in greyscale print and for common colour-blindness. */
export const CHART_PALETTE = ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#7030a0', '#2e75b6'];

const FONT = `${EMBEDDED_FONT_FAMILY}, 'TH Sarabun New', sans-serif`;
const LABEL_PX = 14;
// Sarabun's line box is 1.3 em; marks above ก reach ~1.0 em, below ~0.35 em. Pad by a line box.
const LINE_PX = Math.ceil(LABEL_PX * 1.6);

/** Escapes text for SVG content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Rough advance width of a label in Sarabun: Thai marks take no width, other letters ~0.55 em. */
export function estimateTextWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Above/below vowels and tone marks (ั ิ-ฺ ็-๎) combine with the previous consonant.
    if (cp === 0x0e31 || (cp >= 0x0e34 && cp <= 0x0e3a) || (cp >= 0x0e47 && cp <= 0x0e4e)) continue;
    em += ch === ' ' ? 0.25 : 0.56;
  }
  return em * fontPx;
}

function digits(text: string, thaiDigits: boolean | undefined): string {
  return thaiDigits ? toThaiDigits(text) : text;
}

function valueFormat(input: { thaiDigits?: boolean; formatValue?: (v: number) => string }) {
  return input.formatValue ?? ((v: number) => digits(v.toFixed(2), input.thaiDigits));
}

/** Axis ticks are whole numbers (0, 25, 50…) whatever the value format. */
function tickFormat(input: { thaiDigits?: boolean }) {
  return (v: number) => digits(String(Math.round(v)), input.thaiDigits);
}

function svgOpen(width: number, height: number, title: string, desc: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" ` +
    `font-family="${escapeXml(FONT)}" font-size="${LABEL_PX}">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(desc)}</desc>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`
  );
}

function titleText(width: number, title: string): string {
  // The baseline sits a full line below the top edge so tone marks over the title are not clipped.
  return (
    `<text x="${width / 2}" y="${LINE_PX + 6}" text-anchor="middle" font-size="${LABEL_PX + 4}" ` +
    `font-weight="700">${escapeXml(title)}</text>`
  );
}

/**
 * A horizontal bar chart, one bar per label (e.g. score per indicator, 0–100), value at the bar's end.
 * @example horizontalBarChart({ title: 'คะแนนรายตัวชี้วัด', bars: [{ label: 'การปฏิบัติหน้าที่', value: 100 }] })
 */
export function horizontalBarChart(input: HorizontalBarChartInput): string {
  const max = input.max ?? 100;
  const format = valueFormat(input);
  const tick = tickFormat(input);
  const width = input.width ?? 640;
  const color = input.color ?? CHART_PALETTE[0];
  const labelWidth = Math.min(
    width * 0.45,
    Math.max(...input.bars.map((b) => estimateTextWidth(b.label, LABEL_PX)), 40) + 16,
  );
  const valueWidth = estimateTextWidth(format(max), LABEL_PX) + 16;
  const top = LINE_PX * 2 + 12;
  const rowHeight = LINE_PX + 10;
  const plotX = labelWidth + 8;
  const plotWidth = width - plotX - valueWidth - 8;
  const height = top + rowHeight * input.bars.length + LINE_PX + 12;
  const desc = input.bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ');
  const parts = [svgOpen(width, height, input.title, desc), titleText(width, input.title)];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const x = plotX + plotWidth * t;
    parts.push(
      `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + rowHeight * input.bars.length}" ` +
        `stroke="#d0d0d0" stroke-width="1"/>`,
      `<text x="${x}" y="${top + rowHeight * input.bars.length + LINE_PX}" text-anchor="middle" ` +
        `fill="#404040">${escapeXml(tick(max * t))}</text>`,
    );
  }
  input.bars.forEach((bar, i) => {
    const y = top + rowHeight * i;
    const barWidth = Math.max(0, Math.min(1, bar.value / max)) * plotWidth;
    const middle = y + rowHeight / 2;
    parts.push(
      `<text x="${labelWidth}" y="${middle}" text-anchor="end" dominant-baseline="central">` +
        `${escapeXml(bar.label)}</text>`,
      `<rect x="${plotX}" y="${y + 4}" width="${barWidth.toFixed(1)}" height="${rowHeight - 8}" ` +
        `fill="${color}"><title>${escapeXml(`${bar.label}: ${format(bar.value)}`)}</title></rect>`,
      `<text x="${(plotX + barWidth + 6).toFixed(1)}" y="${middle}" dominant-baseline="central">` +
        `${escapeXml(format(bar.value))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/**
 * A vertical bar chart with one group per category and one bar per series, plus a legend:
 * scores by tool (IIT/EIT/OIT), or per indicator year over year.
 * @example groupedBarChart({ title: 'เปรียบเทียบ', categories: ['IIT', 'EIT'], series: [{ name: '2566', values: [99, 98] }] })
 */
export function groupedBarChart(input: GroupedBarChartInput): string {
  const max = input.max ?? 100;
  const format = valueFormat(input);
  const tick = tickFormat(input);
  const width = input.width ?? 640;
  const height = input.height ?? 360;
  const seriesCount = Math.max(1, input.series.length);
  const top = LINE_PX * 3 + 12; // title + legend
  const axisWidth = estimateTextWidth(tick(max), LABEL_PX) + 14;
  const plotX = axisWidth + 6;
  const plotWidth = width - plotX - 10;
  const bottom = height - LINE_PX * 2 - 8; // category labels below, with room for lower marks
  const plotHeight = bottom - top;
  const groupWidth = plotWidth / Math.max(1, input.categories.length);
  const barWidth = Math.min(48, (groupWidth * 0.8) / seriesCount);
  const colors = input.series.map((s, i) => s.color ?? CHART_PALETTE[i % CHART_PALETTE.length]);
  const desc = input.categories
    .map(
      (category, c) =>
        `${category}: ` +
        input.series.map((s) => `${s.name} ${format(s.values[c] ?? 0)}`).join(', '),
    )
    .join('; ');
  const parts = [svgOpen(width, height, input.title, desc), titleText(width, input.title)];

  // Legend, centred under the title.
  const legendItems = input.series.map((s) => estimateTextWidth(s.name, LABEL_PX) + 34);
  let legendX = (width - legendItems.reduce((a, b) => a + b, 0)) / 2;
  const legendY = LINE_PX * 2 + 6;
  input.series.forEach((s, i) => {
    parts.push(
      `<rect x="${legendX.toFixed(1)}" y="${legendY - 6}" width="14" height="14" fill="${colors[i]}"/>`,
      `<text x="${(legendX + 20).toFixed(1)}" y="${legendY + 1}" dominant-baseline="central">` +
        `${escapeXml(s.name)}</text>`,
    );
    legendX += legendItems[i] ?? 0;
  });

  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const y = bottom - plotHeight * t;
    parts.push(
      `<line x1="${plotX}" y1="${y}" x2="${plotX + plotWidth}" y2="${y}" stroke="#d0d0d0"/>`,
      `<text x="${axisWidth}" y="${y}" text-anchor="end" dominant-baseline="central" fill="#404040">` +
        `${escapeXml(tick(max * t))}</text>`,
    );
  }
  input.categories.forEach((category, c) => {
    const groupX = plotX + groupWidth * c + (groupWidth - barWidth * seriesCount) / 2;
    input.series.forEach((s, i) => {
      const value = s.values[c] ?? 0;
      const barHeight = Math.max(0, Math.min(1, value / max)) * plotHeight;
      const x = groupX + barWidth * i;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${(bottom - barHeight).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" ` +
          `height="${barHeight.toFixed(1)}" fill="${colors[i]}"><title>` +
          `${escapeXml(`${category} ${s.name}: ${format(value)}`)}</title></rect>`,
        `<text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(bottom - barHeight - 6).toFixed(1)}" ` +
          `text-anchor="middle" font-size="${LABEL_PX - 2}">${escapeXml(format(value))}</text>`,
      );
    });
    parts.push(
      `<text x="${(plotX + groupWidth * (c + 0.5)).toFixed(1)}" y="${bottom + LINE_PX}" ` +
        `text-anchor="middle">${escapeXml(category)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A risk placed on the matrix: its likelihood and impact (1–5) and a short label ("R1"). */
export interface RiskPoint {
  likelihood: number;
  impact: number;
  label: string;
}

export interface RiskMatrixInput {
  title: string;
  risks: RiskPoint[];
  /** Axis names, e.g. "โอกาส" / "ผลกระทบ". */
  likelihoodLabel: string;
  impactLabel: string;
  /** Legend text for the four levels, lowest first (ต่ำ, ปานกลาง, สูง, สูงมาก). */
  levelLabels: [string, string, string, string];
  thaiDigits?: boolean;
}

/**
 * The level of a likelihood × impact score on the 5 × 5 matrix: 1–4 low, 5–9 medium, 10–16 high,
 * 17–25 very high (0–3). Four bands as in the NACC's bribery-risk assessment guidance and the
 * agencies' risk reports that follow it; one place to change if an agency's manual differs.
 */
export function riskLevel(likelihood: number, impact: number): 0 | 1 | 2 | 3 {
  const score = likelihood * impact;
  return score <= 4 ? 0 : score <= 9 ? 1 : score <= 16 ? 2 : 3;
}

/** Fill colours of the four levels: green, yellow, orange, red (print-safe tints). */
export const RISK_LEVEL_COLORS = ['#a9d18e', '#ffe699', '#f4b183', '#ff7c80'] as const;

/**
 * ตารางความเสี่ยง 5 × 5: likelihood up the side (5 at the top), impact along the bottom, each cell
 * coloured by its level, the risks' labels written in their cells.
 */
export function riskMatrixChart(input: RiskMatrixInput): string {
  const digits = (s: string) => (input.thaiDigits ? toThaiDigits(s) : s);
  const cell = 72;
  const left = 70;
  const top = 40;
  const size = cell * 5;
  const legendY = top + size + 60;
  const width = left + size + 20;
  const height = legendY + LINE_PX + 10;
  const parts: string[] = [];
  for (let l = 1; l <= 5; l++) {
    for (let i = 1; i <= 5; i++) {
      const x = left + (i - 1) * cell;
      const y = top + (5 - l) * cell;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${RISK_LEVEL_COLORS[riskLevel(l, i)]}" stroke="#000" stroke-width="1"/>`,
      );
      const here = input.risks.filter((r) => r.likelihood === l && r.impact === i);
      here.slice(0, 3).forEach((r, k) => {
        parts.push(
          `<text x="${x + cell / 2}" y="${y + 20 + k * 18}" text-anchor="middle" font-size="${LABEL_PX}">${escapeXml(digits(r.label))}</text>`,
        );
      });
      if (here.length > 3) {
        parts.push(
          `<text x="${x + cell / 2}" y="${y + cell - 6}" text-anchor="middle" font-size="12">${escapeXml(digits(`+${here.length - 3}`))}</text>`,
        );
      }
    }
    parts.push(
      `<text x="${left - 10}" y="${top + (5 - l) * cell + cell / 2 + 5}" text-anchor="end" font-size="${LABEL_PX}">${digits(String(l))}</text>`,
    );
    parts.push(
      `<text x="${left + (l - 1) * cell + cell / 2}" y="${top + size + 20}" text-anchor="middle" font-size="${LABEL_PX}">${digits(String(l))}</text>`,
    );
  }
  parts.push(
    `<text x="${left + size / 2}" y="${top + size + 42}" text-anchor="middle" font-size="${LABEL_PX}" font-weight="700">${escapeXml(input.impactLabel)}</text>`,
    `<text transform="translate(22 ${top + size / 2}) rotate(-90)" text-anchor="middle" font-size="${LABEL_PX}" font-weight="700">${escapeXml(input.likelihoodLabel)}</text>`,
  );
  input.levelLabels.forEach((label, i) => {
    const x = left + i * (size / 4);
    parts.push(
      `<rect x="${x}" y="${legendY - 12}" width="14" height="14" fill="${RISK_LEVEL_COLORS[i]}" stroke="#000"/>`,
      `<text x="${x + 20}" y="${legendY}" font-size="${LABEL_PX}">${escapeXml(label)}</text>`,
    );
  });
  const title = escapeXml(input.title);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" font-family="${FONT}">` +
    `<title>${title}</title><desc>${escapeXml(input.risks.map((r) => `${r.label}: ${r.likelihood}×${r.impact}`).join(', '))}</desc>` +
    parts.join('') +
    `</svg>`
  );
}
