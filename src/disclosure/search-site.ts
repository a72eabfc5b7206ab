import {
  normalizeText,
  queryTerms,
  segmentWords,
  highlight,
  type HighlightPart,
} from './search-text.js';

/** One searchable page of an agency's public site. */
export interface SearchDocument {
  href: string;
  title: string;
  /** Section label shown with the result (ข่าว, ข้อมูล OIT, โครงสร้าง…). */
  section: string;
  text: string;
  updatedAt?: Date | undefined;
}

/** A search hit with its excerpt split into marked and unmarked parts. */
export interface SearchResult {
  href: string;
  title: HighlightPart[];
  section: string;
  excerpt: HighlightPart[];
  score: number;
}

interface IndexedDocument {
  document: SearchDocument;
  titleText: string;
  bodyText: string;
  titleWords: string[];
  bodyWords: string[];
}

/** An in-memory word index of one agency's site, built from its published content. */
export interface SiteSearchIndex {
  documents: IndexedDocument[];
}

/** Builds the index: each document cut into words once (Intl.Segmenter, Thai dictionary). */
export function buildSearchIndex(documents: SearchDocument[]): SiteSearchIndex {
  return {
    documents: documents.map((document) => ({
      document,
      titleText: normalizeText(document.title),
      bodyText: normalizeText(document.text),
      titleWords: segmentWords(document.title),
      bodyWords: segmentWords(document.text),
    })),
  };
}

/**
 * Builds the index from documents already cut into words (the stored search index keeps
 * them), so the few candidates of a query are matched without segmenting them again.
 */
export function buildSearchIndexFromWords(
  documents: (SearchDocument & { titleWords: string[]; bodyWords: string[] })[],
): SiteSearchIndex {
  return {
    documents: documents.map(({ titleWords, bodyWords, ...document }) => ({
      document,
      titleText: normalizeText(document.title),
      bodyText: normalizeText(document.text),
      titleWords,
      bodyWords,
    })),
  };
}

/** True when `phrase` occurs in `words` as consecutive words. */
function hasWordRun(words: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

// A plain substring search in Thai finds ตา inside ตาม and ชา inside ชาติ; only longer chunks,
// where the segmenter may cut a compound differently in context, fall back to it.
const MIN_SUBSTRING_CHUNK = 4;

/**
 * Finds the documents that match every chunk of the query (the parts between spaces), best
 * first. A chunk matches when its words (Intl.Segmenter) occur consecutively in the document,
 * so "ร้องเรียน" finds "เรื่องร้องเรียนการทุจริต" but not "ร้องเพลง … เรียนเชิญ", and "ตา" does not
 * find "ตาม". Title hits rank above body hits.
 */
export function searchSite(index: SiteSearchIndex, query: string, limit = 50): SearchResult[] {
  const chunks = [...new Set(normalizeText(query).split(' ').filter(Boolean))].slice(0, 8);
  const chunkWords = chunks.map((chunk) => segmentWords(chunk));
  const terms = [...new Set([...chunks, ...queryTerms(query)])];
  if (chunks.length === 0) return [];
  const results: SearchResult[] = [];
  for (const doc of index.documents) {
    let score = 0;
    let isEveryChunkFound = true;
    chunks.forEach((chunk, i) => {
      if (!isEveryChunkFound) return;
      const words = chunkWords[i] ?? [];
      const isLong = [...chunk].length >= MIN_SUBSTRING_CHUNK;
      const inTitle =
        hasWordRun(doc.titleWords, words) || (isLong && doc.titleText.includes(chunk));
      const inBody = hasWordRun(doc.bodyWords, words) || (isLong && doc.bodyText.includes(chunk));
      if (!inTitle && !inBody) isEveryChunkFound = false;
      score += (inTitle ? 10 : 0) + (inBody ? 3 : 0);
    });
    if (!isEveryChunkFound) continue;
    results.push({
      href: doc.document.href,
      title: highlight(doc.document.title, terms, 200),
      section: doc.document.section,
      excerpt: highlight(doc.document.text, terms),
      score,
    });
  }
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}
