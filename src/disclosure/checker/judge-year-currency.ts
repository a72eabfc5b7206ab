import { fiscalYearRange } from '../../core/i18n/thai-format.js';
import { normalizeThaiText } from './normalize-thai-text.js';

// A span of years: "2561-2565", "๒๕๖๑ – ๒๕๖๕", "พ.ศ. 2561 ถึง พ.ศ. 2565", "2561-65". A
// multi-year plan covers each year of its span, and only those (issue 14 §3).
const YEAR_RANGE =
  /(?<!\d)(25\d\d)\s*(?:-|–|—|ถึง|to)\s*(?:ปี\s*)?(?:พ\.ศ\.\s*)?(25\d\d|\d\d)(?!\d)/g;
// Oct–Dec belong to the next fiscal year: "ธันวาคม 2565" is FY 2566 data.
const FY_START_MONTH =
  /(ตุลาคม|พฤศจิกายน|ธันวาคม|ต\.ค\.|พ\.ย\.|ธ\.ค\.)\s*(?:พ\.ศ\.\s*)?(25\d\d|\d\d)(?!\d)/g;
// "ปีงบประมาณ 66", "พ.ศ.66", "ปีงบฯ 66": the two-digit forms agencies use in titles.
const SHORT_YEAR = /(?:ปีงบประมาณ|ปีงบฯ|ปีงบ|พ\.ศ\.)\s*(?:พ\.ศ\.\s*)?(\d\d)(?!\d)/g;
const FULL_YEAR = /(?<!\d)(25\d\d)(?!\d)/g;

/** Fiscal years a piece of text speaks of, as read: `from`–`to` and the words it came from. */
export interface YearSpan {
  from: number;
  to: number;
  /** The words read, digits in Arabic form ("2561-2565", "ธันวาคม 2565"). */
  text: string;
}

const twoOrFour = (raw: string) => (raw.length === 2 ? 2500 + Number(raw) : Number(raw));

/**
 * Every year or span of years a text names, in reading order: ranges first (so "2561-2565"
 * is one span, not two loose years), then Oct–Dec dates (next fiscal year), short and full
 * years. Thai digits and Thai short forms are read.
 */
export function readYearSpans(text: string): YearSpan[] {
  let rest = normalizeThaiText(text);
  const spans: { at: number; span: YearSpan }[] = [];
  const take = (pattern: RegExp, toSpan: (m: RegExpMatchArray) => YearSpan | null) => {
    rest = rest.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpMatchArray;
      const at = args.at(-2) as number;
      const span = toSpan(match);
      if (!span) return match[0]!;
      spans.push({ at, span });
      return ' '.repeat(match[0]!.length);
    });
  };
  take(YEAR_RANGE, (m) => {
    const from = Number(m[1]);
    const to = twoOrFour(m[2]!);
    return to > from && to - from <= 10 ? { from, to, text: m[0]!.trim() } : null;
  });
  take(FY_START_MONTH, (m) => {
    const year = twoOrFour(m[2]!) + 1;
    return { from: year, to: year, text: m[0]!.trim() };
  });
  take(SHORT_YEAR, (m) => {
    const year = 2500 + Number(m[1]);
    return { from: year, to: year, text: m[0]!.trim() };
  });
  take(FULL_YEAR, (m) => ({ from: Number(m[1]), to: Number(m[1]), text: m[0]! }));
  return spans.sort((a, b) => a.at - b.at).map((s) => s.span);
}

/** Which fiscal years a text names, reading Thai digits, Thai short forms and ranges. */
export function mentionedFiscalYears(text: string): Set<number> {
  const years = new Set<number>();
  for (const span of readYearSpans(text)) {
    for (let y = span.from; y <= span.to; y++) years.add(y);
  }
  return years;
}

/**
 * Only years near the assessed one say how fresh evidence is: a "2500" in a phone number or a
 * law's year (พ.ร.บ. ... พ.ศ. 2540) does not. A span counts when it reaches into the last ten
 * years (a 5-year plan), a single year within five.
 */
function isNearby(span: YearSpan, fiscalYear: number): boolean {
  const window = span.from === span.to ? 5 : 10;
  return span.to >= fiscalYear - window && span.from <= fiscalYear + 1;
}

/** Where a currency verdict was read: link or heading text, the target's title, its body, its date. */
export type CurrencySource = 'label' | 'title' | 'text' | 'date';

/** A currency verdict with what it rests on. */
export interface CurrencyReading {
  isCurrent: boolean | null;
  source: CurrencySource | null;
  /** The years as read ("2561-2565", "2566"), or the document's date (ISO day). */
  read: string | null;
}

/**
 * Does this evidence look like information of `fiscalYear`? Reads the texts level by level,
 * most specific first (the words that name the item, then the document's own title, then its
 * body), and decides at the first level that names a nearby year: current when one of its
 * years or spans covers the assessed year. So a "แผน 2561-2565" title is not made current by a
 * 2566 news date in the page's sidebar, and last year's report is not this year's. With no year
 * anywhere, the document's date (PDF or Last-Modified) decides; else unknown.
 */
export function readCurrency(
  levels: { source: Exclude<CurrencySource, 'date'>; texts: string[] }[],
  fiscalYear: number,
  documentDate: Date | null,
): CurrencyReading {
  for (const level of levels) {
    const spans = level.texts.flatMap(readYearSpans).filter((s) => isNearby(s, fiscalYear));
    if (spans.length === 0) continue;
    const covering = spans.find((s) => s.from <= fiscalYear && fiscalYear <= s.to);
    const shown = covering ?? spans[0]!;
    return { isCurrent: covering !== undefined, source: level.source, read: shown.text };
  }
  if (documentDate) {
    const { start, end } = fiscalYearRange(fiscalYear);
    const day = documentDate.toISOString().slice(0, 10);
    if (documentDate >= start && documentDate <= end) {
      return { isCurrent: true, source: 'date', read: day };
    }
    if (documentDate < start) return { isCurrent: false, source: 'date', read: day };
  }
  return { isCurrent: null, source: null, read: null };
}

/**
 * Does this evidence look like information of `fiscalYear`? true when the text names the year
 * (2566, ๒๕๖๖, "พ.ศ. 2566", "ปีงบประมาณ 66", "ธันวาคม 2565", a span "2565-2567") or the
 * document is dated inside it; false when it names only other recent years or is dated
 * before it; null when nothing says.
 */
export function judgeYearCurrency(
  texts: string[],
  fiscalYear: number,
  documentDate: Date | null,
): boolean | null {
  return readCurrency([{ source: 'text', texts }], fiscalYear, documentDate).isCurrent;
}
