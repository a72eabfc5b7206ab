import { readCurrency, type CurrencyReading, type CurrencySource } from './judge-year-currency.js';
import type { OitItemForCheck } from './oit-item-for-check.js';
import { findPhrase, normalizeThaiText, wordBoundaries } from './normalize-thai-text.js';

/** The parts of a crawled page or document the matcher reads. */
export interface MatchableDocument {
  url: string;
  title: string;
  headings: string[];
  text: string;
  links: { url: string; text: string }[];
  documentDate: Date | null;
  linkText: string;
  /** The page's own words, without menus and link texts; `text` when absent. */
  contentText?: string;
  /** URLs that redirect to this one. */
  aliases?: string[];
}

/** Where an item was seen and how strongly. */
export interface ItemEvidence {
  url: string;
  text: string;
  /** link: a link's text named the item; heading: a page/PDF title or heading; text: body text. */
  source: 'link' | 'heading' | 'text';
  score: number;
  isCurrent: boolean | null;
  /** What the currency rests on: the years read and where (see readCurrency). */
  yearRead: string | null;
  yearSource: CurrencySource | null;
  /** The link target answered with an error, so an assessor following it would find nothing. */
  isBroken: boolean;
}

/** พบ / ไม่พบ / ไม่แน่ใจ */
export type ItemStatus = 'found' | 'not_found' | 'uncertain';

/** The checker's answer for one OIT item. */
export interface ItemMatch {
  code: string;
  nameTh: string;
  subIndicator: string;
  mustBeCurrentYear: boolean;
  status: ItemStatus;
  /** true = current fiscal year, false = outdated, null = unknown or nothing found. */
  isCurrent: boolean | null;
  confidence: number;
  /** The evidence the currency verdict rests on: which year or span it read, where, at which URL. */
  currency: { url: string; read: string; source: CurrencySource } | null;
  /** The verdict in words, Thai then English: what was found, which year was read, from where. */
  reason: string;
  evidence: {
    url: string;
    text: string;
    source: ItemEvidence['source'];
    isCurrent: boolean | null;
    yearRead: string | null;
    yearSource: CurrencySource | null;
    isBroken: boolean;
  }[];
}

export interface MatchOitItemsInput {
  documents: MatchableDocument[];
  items: OitItemForCheck[];
  fiscalYear: number;
  brokenUrls?: Iterable<string>;
}

const SOURCE_RANK: Record<ItemEvidence['source'], number> = { link: 0, heading: 1, text: 2 };

const WHERE: Record<CurrencySource, [string, string]> = {
  label: ['ข้อความลิงก์หรือหัวข้อ', 'link text or heading'],
  title: ['ชื่อเอกสาร', 'document title'],
  text: ['เนื้อหา', 'page text'],
  date: ['วันที่ของไฟล์', 'file date'],
};

/** One sentence per verdict, Thai then English, naming the year read and where it was read. */
function reasonOf(
  status: ItemStatus,
  basis: ItemEvidence | undefined,
  best: ItemEvidence | undefined,
  fiscalYear: number,
): string {
  if (status === 'not_found' || !best) {
    return 'ไม่พบหลักฐานในหน้าที่ตรวจ / no evidence on the pages checked';
  }
  const seen = `${status === 'found' ? 'พบ' : 'อาจพบ'} "${best.text}" ที่ ${best.url}${best.isBroken ? ' (ลิงก์เสีย)' : ''}`;
  const seenEn = `${status === 'found' ? 'found' : 'maybe found'} at ${best.url}${best.isBroken ? ' (broken link)' : ''}`;
  if (!basis?.yearRead || !basis.yearSource) {
    return `${seen}; ไม่พบปีในหลักฐาน / ${seenEn}; no year in the evidence`;
  }
  const [whereTh, whereEn] = WHERE[basis.yearSource];
  const verdictTh = basis.isCurrent ? `ตรงปีงบประมาณ ${fiscalYear}` : `ไม่ใช่ปีงบประมาณ ${fiscalYear}`;
  const verdictEn = basis.isCurrent ? `covers FY ${fiscalYear}` : `not FY ${fiscalYear}`;
  return (
    `${seen}; อ่านได้ "${basis.yearRead}" จาก${whereTh} ${basis.url}: ${verdictTh} / ` +
    `${seenEn}; read "${basis.yearRead}" in the ${whereEn} of ${basis.url}: ${verdictEn}`
  );
}

/** At or above: found. Between this and FOUND: uncertain. */
export const FOUND_SCORE = 0.6;
export const UNCERTAIN_SCORE = 0.3;
const MAX_EVIDENCE = 3;

interface Phrases {
  name: string;
  keywords: string[];
  code: RegExp;
}

function phrasesOf(item: OitItemForCheck): Phrases {
  const name = normalizeThaiText(item.nameTh);
  const keywords = [...new Set(item.keywords.map(normalizeThaiText))].filter((k) => k !== name);
  const letter = item.code[0]!.toLowerCase();
  const number = Number(item.code.slice(1));
  // "O1", "o.1", "O01" but not "O10" and not inside a word like "video1".
  const code = new RegExp(`(?<![a-z0-9])${letter}\\s*[.-]?\\s*0*${number}(?![0-9])`);
  return { name, keywords, code };
}

/** Text where the item's own name would be written: link labels, titles, headings. */
function labelScore(label: string, phrases: Phrases, boundaries: () => Set<number>): number {
  if (label === '') return 0;
  const hasCode = phrases.code.test(label);
  if (findPhrase(label, phrases.name, boundaries()) >= 0) return 1;
  if (phrases.keywords.some((k) => findPhrase(label, k, boundaries()) >= 0)) {
    return hasCode ? 1 : 0.8;
  }
  return hasCode ? 0.6 : 0;
}

/** Body text is weaker evidence: menus and news repeat names on unrelated pages. */
function textScore(
  text: string,
  phrases: Phrases,
  boundaries: () => Set<number>,
): { score: number; at: number } {
  const nameAt = findPhrase(text, phrases.name, boundaries());
  if (nameAt >= 0) return { score: 0.5, at: nameAt };
  let firstAt = -1;
  let hits = 0;
  for (const keyword of phrases.keywords) {
    const at = findPhrase(text, keyword, boundaries());
    if (at < 0) continue;
    hits++;
    if (firstAt < 0) firstAt = at;
  }
  return hits === 0
    ? { score: 0, at: -1 }
    : { score: Math.min(0.5, 0.2 + 0.1 * hits), at: firstAt };
}

function snippet(text: string, at: number): string {
  const start = Math.max(0, at - 40);
  const end = Math.min(text.length, at + 80);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * Decides, for every OIT item, whether the crawled site shows evidence of it, where, how sure
 * we are, and whether the evidence is of the assessed fiscal year. Pure: same input, same answer.
 */
export function matchOitItems(input: MatchOitItemsInput): ItemMatch[] {
  const broken = new Set(input.brokenUrls ?? []);
  const byUrl = new Map(input.documents.map((d) => [d.url, d]));
  // A link to `/go?id=9` is judged on the PDF it redirects to.
  for (const doc of input.documents) {
    for (const alias of doc.aliases ?? []) if (!byUrl.has(alias)) byUrl.set(alias, doc);
  }
  const boundaryCache = new Map<string, Set<number>>();
  const boundariesOf = (text: string) => () => {
    let marks = boundaryCache.get(text);
    if (!marks) {
      marks = wordBoundaries(text);
      boundaryCache.set(text, marks);
    }
    return marks;
  };

  // Menus repeat on every page: score each distinct (target, label) once.
  const links = new Map<string, { url: string; text: string; label: string }>();
  for (const doc of input.documents) {
    for (const link of doc.links) {
      const key = `${link.url}\n${link.text}`;
      if (!links.has(key)) links.set(key, { ...link, label: normalizeThaiText(link.text) });
    }
  }
  const docs = input.documents.map((doc) => ({
    doc,
    labels: [doc.title, ...doc.headings, doc.linkText]
      .map((raw) => ({ raw, label: normalizeThaiText(raw) }))
      .filter((l) => l.label !== ''),
    text: normalizeThaiText(doc.text),
  }));

  // Most specific words first: the label that named the item, the target's own title and
  // headings, then its body; the first that names a nearby year decides (issue 14 §3).
  const currencyOf = (url: string, label: string[]): CurrencyReading => {
    const target = byUrl.get(url);
    return readCurrency(
      [
        { source: 'label', texts: label },
        { source: 'title', texts: target ? [target.title, ...target.headings] : [] },
        { source: 'text', texts: target ? [target.contentText ?? target.text] : [] },
      ],
      input.fiscalYear,
      target?.documentDate ?? null,
    );
  };

  return input.items.map((item) => {
    const phrases = phrasesOf(item);
    const found = new Map<string, ItemEvidence>();
    const consider = (
      evidence: Omit<ItemEvidence, 'isCurrent' | 'isBroken' | 'yearRead' | 'yearSource'>,
      label: string[],
    ) => {
      const isBroken = broken.has(evidence.url);
      const score = isBroken ? evidence.score / 2 : evidence.score;
      const previous = found.get(evidence.url);
      // Ties go to the stronger kind of evidence, then the smaller text: the same answer
      // whatever order the pages were read in.
      if (
        previous &&
        (previous.score > score ||
          (previous.score === score &&
            (SOURCE_RANK[previous.source] < SOURCE_RANK[evidence.source] ||
              (previous.source === evidence.source && previous.text <= evidence.text))))
      ) {
        return;
      }
      const currency = currencyOf(evidence.url, label);
      found.set(evidence.url, {
        ...evidence,
        score,
        isBroken,
        isCurrent: currency.isCurrent,
        yearRead: currency.read,
        yearSource: currency.source,
      });
    };

    for (const link of links.values()) {
      const score = labelScore(link.label, phrases, boundariesOf(link.label));
      if (score > 0)
        consider({ url: link.url, text: link.text, source: 'link', score }, [link.text]);
    }
    for (const { doc, labels, text } of docs) {
      for (const { raw, label } of labels) {
        const score = labelScore(label, phrases, boundariesOf(label));
        if (score > 0) consider({ url: doc.url, text: raw, source: 'heading', score }, [raw]);
      }
      const hit = textScore(text, phrases, boundariesOf(text));
      if (hit.score > 0) {
        consider(
          { url: doc.url, text: snippet(text, hit.at), source: 'text', score: hit.score },
          [],
        );
      }
    }

    const ranked = [...found.values()].sort(
      (a, b) => b.score - a.score || a.url.localeCompare(b.url),
    );
    const confidence = ranked[0]?.score ?? 0;
    const status: ItemStatus =
      confidence >= FOUND_SCORE
        ? 'found'
        : confidence >= UNCERTAIN_SCORE
          ? 'uncertain'
          : 'not_found';
    // Judge currency on the evidence that decided the status, not on weak mentions elsewhere.
    const deciding = ranked.filter(
      (e) => e.score >= (status === 'found' ? FOUND_SCORE : UNCERTAIN_SCORE),
    );
    const basis =
      status === 'not_found'
        ? undefined
        : (deciding.find((e) => e.isCurrent === true) ??
          deciding.find((e) => e.isCurrent === false));
    const isCurrent = basis ? basis.isCurrent : null;
    return {
      code: item.code,
      nameTh: item.nameTh,
      subIndicator: item.subIndicator,
      mustBeCurrentYear: item.mustBeCurrentYear,
      status,
      isCurrent,
      confidence: Math.round(confidence * 100) / 100,
      currency:
        basis?.yearRead && basis.yearSource
          ? { url: basis.url, read: basis.yearRead, source: basis.yearSource }
          : null,
      reason: reasonOf(status, basis, ranked[0], input.fiscalYear),
      evidence: ranked
        .slice(0, MAX_EVIDENCE)
        .map(({ url, text, source, isCurrent: c, yearRead, yearSource, isBroken }) => ({
          url,
          text,
          source,
          isCurrent: c,
          yearRead,
          yearSource,
          isBroken,
        })),
    };
  });
}
