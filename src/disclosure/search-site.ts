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
  words: Map<string, number>;
  titleWords: Set<string>;
}

/** An in-memory word index of one agency's site, built from its published content. */
export interface SiteSearchIndex {
  documents: IndexedDocument[];
}

/** Builds the index: each document's words counted once (Intl.Segmenter, Thai dictionary). */
export function buildSearchIndex(documents: SearchDocument[]): SiteSearchIndex {
  return {
    documents: documents.map((document) => {
      const words = new Map<string, number>();
      for (const w of segmentWords(`${document.title} ${document.text}`)) {
        words.set(w, (words.get(w) ?? 0) + 1);
      }
      return {
        document,
        titleText: normalizeText(document.title),
        bodyText: normalizeText(document.text),
        words,
        titleWords: new Set(segmentWords(document.title)),
      };
    }),
  };
}

/**
 * Finds the documents that contain every term of the query, best first. A term matches a
 * whole word, or a substring when the segmenter cut the document differently (ICU splits
 * "ร้องเรียน" inside some compounds); whole words and title hits rank higher.
 */
export function searchSite(index: SiteSearchIndex, query: string, limit = 50): SearchResult[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const results: SearchResult[] = [];
  for (const doc of index.documents) {
    let score = 0;
    let isEveryTermFound = true;
    for (const term of terms) {
      const wordCount = doc.words.get(term) ?? 0;
      const inTitle = doc.titleWords.has(term) || doc.titleText.includes(term);
      const inBody = wordCount > 0 || doc.bodyText.includes(term);
      if (!inTitle && !inBody) {
        isEveryTermFound = false;
        break;
      }
      score += (inTitle ? 5 : 0) + Math.min(wordCount, 5) + (inBody ? 1 : 0);
    }
    if (!isEveryTermFound) continue;
    if (doc.titleText.includes(normalizeText(query))) score += 10;
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
