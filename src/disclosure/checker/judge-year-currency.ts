import { fiscalYearRange } from '../../core/i18n/thai-format.js';
import { normalizeThaiText } from './normalize-thai-text.js';

// Oct–Dec belong to the next fiscal year: "ธันวาคม 2565" is FY 2566 data.
const FY_START_MONTH =
  /(ตุลาคม|พฤศจิกายน|ธันวาคม|ต\.ค\.|พ\.ย\.|ธ\.ค\.)\s*(?:พ\.ศ\.\s*)?(25\d\d|\d\d)(?!\d)/g;
// "ปีงบประมาณ 66", "พ.ศ.66", "ปีงบฯ 66": the two-digit forms agencies use in titles.
const SHORT_YEAR = /(?:ปีงบประมาณ|ปีงบฯ|ปีงบ|พ\.ศ\.)\s*(?:พ\.ศ\.\s*)?(\d\d)(?!\d)/g;
const FULL_YEAR = /(?<!\d)(25\d\d)(?!\d)/g;

/** Which fiscal years a text names, reading Thai digits and Thai short forms. */
export function mentionedFiscalYears(text: string): Set<number> {
  const normal = normalizeThaiText(text);
  const years = new Set<number>();
  for (const m of normal.matchAll(FULL_YEAR)) years.add(Number(m[1]));
  for (const m of normal.matchAll(SHORT_YEAR)) years.add(2500 + Number(m[1]));
  for (const m of normal.matchAll(FY_START_MONTH)) {
    const raw = m[2] ?? '';
    const year = raw.length === 2 ? 2500 + Number(raw) : Number(raw);
    years.add(year + 1);
  }
  return years;
}

/**
 * Does this evidence look like information of `fiscalYear`? true when the text names the year
 * (2566, ๒๕๖๖, "พ.ศ. 2566", "ปีงบประมาณ 66", "ธันวาคม 2565") or the document is dated inside it;
 * false when it names only other recent years or is dated outside it; null when nothing says.
 */
export function judgeYearCurrency(
  texts: string[],
  fiscalYear: number,
  documentDate: Date | null,
): boolean | null {
  const years = mentionedFiscalYears(texts.join(' '));
  if (years.has(fiscalYear)) return true;
  if (documentDate) {
    const { start, end } = fiscalYearRange(fiscalYear);
    if (documentDate >= start && documentDate <= end) return true;
  }
  // Only years near the assessed one count: a "2500" in a phone number or a law's year
  // (พ.ร.บ. ... พ.ศ. 2540) says nothing about how fresh the page is.
  const nearby = [...years].filter((y) => y >= fiscalYear - 5 && y <= fiscalYear + 1);
  if (nearby.length > 0) return false;
  if (documentDate && documentDate < fiscalYearRange(fiscalYear).start) return false;
  return null;
}
