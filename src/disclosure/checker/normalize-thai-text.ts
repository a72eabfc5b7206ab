/** Thai digits ๐–๙ occupy U+0E50–U+0E59; agencies write years both ways (๒๕๖๖ = 2566). */
const THAI_ZERO = 0x0e50;

// Zero-width space/joiners and the BOM: editors paste them into Thai text to force line breaks,
// and they silently split words that keywords must match.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Brings Thai text to one comparable form: NFC, no zero-width characters, Arabic digits,
 * "ํา" (nikhahit + sara aa, a common typing of "ำ") folded to "ำ", collapsed whitespace, and
 * Latin letters lower-cased.
 */
export function normalizeThaiText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Character offsets where a Thai word starts or ends, from ICU's dictionary segmenter.
 * Thai has no spaces between words, so a short keyword (แผน) found by plain substring search
 * may sit inside another word (แผนที่); callers check both ends of a hit against this set.
 */
export function wordBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  for (const { index, segment } of segmenter.segment(text)) {
    boundaries.add(index);
    boundaries.add(index + segment.length);
  }
  return boundaries;
}

/** Keywords longer than this are matched as plain substrings: they rarely hide inside words. */
const SHORT_KEYWORD_LENGTH = 6;

/**
 * Finds `phrase` (already normalised) in `text` (already normalised) and returns the offset of
 * the first hit that respects Thai word boundaries, or -1.
 */
export function findPhrase(text: string, phrase: string, boundaries?: Set<number>): number {
  if (phrase.length === 0) return -1;
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return -1;
    if (phrase.length > SHORT_KEYWORD_LENGTH) return at;
    const marks = boundaries ?? wordBoundaries(text);
    if (marks.has(at) && marks.has(at + phrase.length)) return at;
    boundaries = marks;
    from = at + 1;
  }
}
