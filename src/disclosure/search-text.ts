/**
 * Thai-aware text helpers for the site search. Thai is written without spaces between
 * words, so a query is cut into words with Intl.Segmenter (ICU's dictionary), never split
 * on spaces alone.
 */

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
// Zero-width characters copied from Word or LINE break both matching and segmentation.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, lower case, no zero-width characters, runs of spaces made one. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The words of a text (ประโยค → คำ) with Intl.Segmenter, normalised, punctuation dropped.
 * @example segmentWords('ข้อมูลการติดต่อหน่วยงาน') // ['ข้อมูล', 'การ', 'ติดต่อ', 'หน่วย', 'งาน']
 */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(normalizeText(text))) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}

/**
 * The terms a query looks for: its words, without one-letter Latin noise, de-duplicated.
 * Single Thai syllables stay: "งบ" alone is a meaningful query.
 */
export function queryTerms(query: string): string[] {
  const terms = segmentWords(query).filter((w) => !/^[a-z0-9]$/.test(w));
  return [...new Set(terms)].slice(0, 12);
}

/** A run of text, marked when it matches a query term (rendered as <mark>). */
export interface HighlightPart {
  text: string;
  isMatch: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An excerpt of `text` around the first match, cut to about `length` characters, split into
 * parts so the view can mark matches without building HTML from user text.
 */
export function highlight(text: string, terms: string[], length = 180): HighlightPart[] {
  const clean = text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (terms.length === 0) return [{ text: clean.slice(0, length), isMatch: false }];
  const pattern = new RegExp(
    [...terms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'giu',
  );
  const first = clean.search(pattern);
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 3));
  // Never start inside a Thai word: back up to the nearest word boundary.
  if (start > 0) {
    const before = [...segmenter.segment(clean.slice(Math.max(0, start - 30), start + 30))];
    let offset = Math.max(0, start - 30);
    for (const s of before) {
      if (offset + s.segment.length > start) break;
      offset += s.segment.length;
    }
    start = offset;
  }
  const end = Math.min(clean.length, start + length);
  const excerpt = clean.slice(start, end);
  const parts: HighlightPart[] = [];
  if (start > 0) parts.push({ text: '… ', isMatch: false });
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    const at = match.index;
    if (at > last) parts.push({ text: excerpt.slice(last, at), isMatch: false });
    parts.push({ text: match[0], isMatch: true });
    last = at + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: excerpt.slice(last), isMatch: false });
  if (end < clean.length) parts.push({ text: ' …', isMatch: false });
  return parts;
}
