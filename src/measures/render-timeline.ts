import { escapeXml, estimateTextWidth } from '../core/documents/charts.js';
import { fiscalMonthStart } from './fiscal-dates.js';
import type { MeasureView } from './queries.js';

const THAI_MONTHS = [
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
];

function truncate(text: string, px: number, fontPx: number): string {
  if (estimateTextWidth(text, fontPx) <= px) return text;
  const chars = [...text];
  while (chars.length > 1 && estimateTextWidth(`${chars.join('')}…`, fontPx) > px) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * The fiscal year's plan as a Gantt-like SVG (server-rendered, no script): a column per month
 * from ต.ค. to ก.ย. with Buddhist-era years, a row per measure and, if asked, per action; the
 * bar's dark part is the approved percentage, red marks overdue work, a line marks today.
 */
export function renderTimelineSvg(
  list: readonly MeasureView[],
  fiscalYear: number,
  options: { today: string; includeActions?: boolean; title?: string },
): string {
  const width = 960;
  const labelWidth = 300;
  const top = options.title ? 64 : 40;
  const rowHeight = 26;
  const rows: {
    label: string;
    start: string;
    due: string;
    percent: number;
    overdue: boolean;
    measure: boolean;
  }[] = [];
  for (const m of list) {
    if (m.actions.length === 0) continue;
    rows.push({
      label: m.title,
      start: m.actions.reduce(
        (s, a) => (a.startDate < s ? a.startDate : s),
        m.actions[0]!.startDate,
      ),
      due: m.actions.reduce((s, a) => (a.dueDate > s ? a.dueDate : s), m.actions[0]!.dueDate),
      percent: m.percent,
      overdue: m.overdueCount > 0,
      measure: true,
    });
    if (options.includeActions) {
      for (const a of m.actions) {
        rows.push({
          label: a.stepText,
          start: a.startDate,
          due: a.dueDate,
          percent: a.percent,
          overdue: a.overdue,
          measure: false,
        });
      }
    }
  }
  const height = top + Math.max(1, rows.length) * rowHeight + 16;
  const yearStart = Date.parse(`${fiscalMonthStart(fiscalYear, 0)}T00:00:00Z`);
  const yearEnd = Date.parse(`${fiscalMonthStart(fiscalYear + 1, 0)}T00:00:00Z`);
  const plotWidth = width - labelWidth - 10;
  const x = (iso: string, endOfDay = false) => {
    const t = Date.parse(`${iso}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0);
    const clamped = Math.min(yearEnd, Math.max(yearStart, t));
    return labelWidth + ((clamped - yearStart) / (yearEnd - yearStart)) * plotWidth;
  };
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Sarabun, 'TH Sarabun New', sans-serif" role="img">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (options.title) {
    out.push(
      `<text x="${width / 2}" y="24" text-anchor="middle" font-size="18" font-weight="bold">${escapeXml(options.title)}</text>`,
    );
  }
  for (let i = 0; i < 12; i++) {
    const start = fiscalMonthStart(fiscalYear, i);
    const x0 = x(start);
    const x1 = x(
      fiscalMonthStart(fiscalYear, i + 1) > start && i < 11
        ? fiscalMonthStart(fiscalYear, i + 1)
        : fiscalMonthStart(fiscalYear + 1, 0),
    );
    const be = Number(start.slice(0, 4)) + 543;
    out.push(
      `<rect x="${x0.toFixed(1)}" y="${top - 24}" width="${(x1 - x0).toFixed(1)}" height="${height - top + 8}" fill="${i % 2 ? '#f4f6f9' : '#ffffff'}"/>`,
      `<text x="${((x0 + x1) / 2).toFixed(1)}" y="${top - 8}" text-anchor="middle" font-size="12">${THAI_MONTHS[i]} ${String(be).slice(2)}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const fontPx = r.measure ? 13 : 12;
    const label = truncate(r.label, labelWidth - (r.measure ? 12 : 24), fontPx);
    out.push(
      `<text x="${r.measure ? 6 : 18}" y="${y + 17}" font-size="${fontPx}"${r.measure ? ' font-weight="bold"' : ''}><title>${escapeXml(r.label)}</title>${escapeXml(label)}</text>`,
    );
    const x0 = x(r.start);
    const x1 = Math.max(x0 + 2, x(r.due, true));
    const barH = r.measure ? 16 : 12;
    const by = y + (rowHeight - barH) / 2;
    const color = r.overdue ? '#c00000' : r.percent >= 100 ? '#548235' : '#1f4e79';
    out.push(
      `<rect x="${x0.toFixed(1)}" y="${by}" width="${(x1 - x0).toFixed(1)}" height="${barH}" fill="${color}" fill-opacity="0.25" stroke="${color}"/>`,
      `<rect x="${x0.toFixed(1)}" y="${by}" width="${(((x1 - x0) * r.percent) / 100).toFixed(1)}" height="${barH}" fill="${color}"/>`,
      `<text x="${(x1 + 4).toFixed(1)}" y="${y + 17}" font-size="11">${r.percent}%</text>`,
    );
  });
  const today = Date.parse(`${options.today}T00:00:00Z`);
  if (today >= yearStart && today < yearEnd) {
    const tx = x(options.today);
    out.push(
      `<line x1="${tx.toFixed(1)}" y1="${top - 24}" x2="${tx.toFixed(1)}" y2="${height - 8}" stroke="#c55a11" stroke-dasharray="4 3"/>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}
