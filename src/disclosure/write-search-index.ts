import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import {
  disclosureNews,
  disclosureQuestions,
  disclosureSearchDocuments,
  disclosureSearchSources,
  disclosureSearchTerms,
} from './schema.js';
import { segmentWords } from './search-text.js';
import {
  newsSearchPage,
  questionSearchPage,
  type IndexedPage,
} from './collect-search-documents.js';
import { toNewsItem } from './read-public-content.js';

/** How a stored page is kept current (see the schema's comment). */
export type SearchSource = 'site' | 'news' | 'qa';

// 3 parameters a row; PostgreSQL allows 65,535 parameters a statement.
const TERM_BATCH = 5000;

function hashPage(page: IndexedPage): string {
  return createHash('sha256')
    .update(JSON.stringify([page.title, page.body, page.sectionKey, page.sortKey]))
    .digest('hex');
}

const THAI = /[\u0E00-\u0E7F]/;
const MAX_CACHED_WORDS = 50_000;
const innerWordsCache = new Map<string, string[]>();

/**
 * The words hidden inside a Thai word: ICU keeps ปีงบประมาณ whole in a sentence but cuts the
 * query งบประมาณ into งบ|ประมาณ, and the in-memory search found it by substring. Indexing the
 * words of every prefix and suffix of a word (cut alone) lets the lookup find such pages too;
 * the exact match is still decided in memory, so extra words only widen the candidates.
 */
function innerWords(word: string): string[] {
  const cached = innerWordsCache.get(word);
  if (cached) return cached;
  const found = new Set<string>();
  const chars = [...word];
  if (chars.length >= 3 && THAI.test(word)) {
    for (let i = 1; i < chars.length; i++) {
      for (const w of segmentWords(chars.slice(i).join(''))) found.add(w);
      for (const w of segmentWords(chars.slice(0, i).join(''))) found.add(w);
    }
  }
  found.delete(word);
  const words = [...found];
  if (innerWordsCache.size >= MAX_CACHED_WORDS) innerWordsCache.clear();
  innerWordsCache.set(word, words);
  return words;
}

/**
 * The distinct normalised words of a page, title and body together, with the words inside
 * each Thai word (see innerWords).
 */
export function pageWords(page: Pick<IndexedPage, 'title' | 'body'>): string[] {
  const words = new Set([...segmentWords(page.title), ...segmentWords(page.body)]);
  for (const word of [...words]) for (const inner of innerWords(word)) words.add(inner);
  return [...words];
}

async function removePages(db: DbOrTx, agencyId: string, hrefs: string[]): Promise<void> {
  if (hrefs.length === 0) return;
  await db
    .delete(disclosureSearchTerms)
    .where(
      and(eq(disclosureSearchTerms.agencyId, agencyId), inArray(disclosureSearchTerms.href, hrefs)),
    );
  await db
    .delete(disclosureSearchDocuments)
    .where(
      and(
        eq(disclosureSearchDocuments.agencyId, agencyId),
        inArray(disclosureSearchDocuments.href, hrefs),
      ),
    );
}

/**
 * Writes pages of one source into the index, re-segmenting only those whose content hash
 * changed. With `isWholeSource`, pages of that source missing from `pages` are removed.
 * Run it in the transaction of the write that changed the pages, so the index never
 * disagrees with what the public sees.
 * @returns how many pages were (re)written and removed.
 */
export async function writeSearchPages(
  db: DbOrTx,
  agencyId: string,
  source: SearchSource,
  pages: IndexedPage[],
  options: { isWholeSource: boolean },
): Promise<{ written: number; removed: number }> {
  const hrefs = pages.map((p) => p.href);
  const stored = await db
    .select({ href: disclosureSearchDocuments.href, hash: disclosureSearchDocuments.contentHash })
    .from(disclosureSearchDocuments)
    .where(
      options.isWholeSource
        ? and(
            eq(disclosureSearchDocuments.agencyId, agencyId),
            eq(disclosureSearchDocuments.source, source),
          )
        : hrefs.length === 0
          ? sql`false`
          : and(
              eq(disclosureSearchDocuments.agencyId, agencyId),
              inArray(disclosureSearchDocuments.href, hrefs),
            ),
    );
  const hashByHref = new Map(stored.map((s) => [s.href, s.hash]));
  const changed = pages
    .map((page) => ({ page, hash: hashPage(page) }))
    .filter(({ page, hash }) => hashByHref.get(page.href) !== hash);
  const wanted = new Set(hrefs);
  const gone = options.isWholeSource ? stored.filter((s) => !wanted.has(s.href)) : [];
  await removePages(db, agencyId, [...changed.map((c) => c.page.href), ...gone.map((s) => s.href)]);
  for (let i = 0; i < changed.length; i += 500) {
    await db.insert(disclosureSearchDocuments).values(
      changed.slice(i, i + 500).map(({ page, hash }) => ({
        agencyId,
        source,
        href: page.href,
        sectionKey: page.sectionKey,
        sortKey: page.sortKey,
        title: page.title,
        body: page.body,
        contentHash: hash,
      })),
    );
  }
  const terms = changed.flatMap(({ page }) =>
    pageWords(page).map((word) => ({ agencyId, word, href: page.href })),
  );
  for (let i = 0; i < terms.length; i += TERM_BATCH) {
    await db.insert(disclosureSearchTerms).values(terms.slice(i, i + TERM_BATCH));
  }
  return { written: changed.length, removed: gone.length };
}

/**
 * Re-indexes news posts and questions of the agency from the disclosure tables: the given
 * ids (a post just written or deleted), or all of them. Called inside the writing transaction.
 */
export async function indexPosts(
  db: DbOrTx,
  agencyId: string,
  only?: { newsIds?: string[]; questionIds?: string[] },
): Promise<void> {
  const newsIds = only?.newsIds;
  const questionIds = only?.questionIds;
  if (!only || newsIds) {
    const rows = await db
      .select()
      .from(disclosureNews)
      .where(
        newsIds
          ? and(eq(disclosureNews.agencyId, agencyId), inArray(disclosureNews.id, newsIds))
          : eq(disclosureNews.agencyId, agencyId),
      );
    const pages = rows.map((r) => newsSearchPage(toNewsItem(r), r.createdAt));
    if (newsIds) {
      const kept = new Set(pages.map((p) => p.href));
      await removePages(
        db,
        agencyId,
        newsIds.map((id) => `/news/${encodeURIComponent(id)}`).filter((h) => !kept.has(h)),
      );
    }
    await writeSearchPages(db, agencyId, 'news', pages, { isWholeSource: !newsIds });
  }
  if (!only || questionIds) {
    const rows = await db
      .select()
      .from(disclosureQuestions)
      .where(
        questionIds
          ? and(
              eq(disclosureQuestions.agencyId, agencyId),
              inArray(disclosureQuestions.id, questionIds),
            )
          : eq(disclosureQuestions.agencyId, agencyId),
      );
    // The public Q&A page shows answered questions only; so does the search.
    const pages = rows
      .filter((r) => r.answerTh.trim() !== '')
      .map((r) =>
        questionSearchPage({
          id: r.id,
          question: r.questionTh,
          answer: r.answerTh,
          askedAt: new Date(`${r.askedOn}T12:00:00+07:00`),
        }),
      );
    if (questionIds) {
      const kept = new Set(pages.map((p) => p.href));
      await removePages(
        db,
        agencyId,
        questionIds.map((id) => `/qa#q-${id}`).filter((h) => !kept.has(h)),
      );
    }
    await writeSearchPages(db, agencyId, 'qa', pages, { isWholeSource: !questionIds });
  }
}

/**
 * Marks the lazily rebuilt `site` pages stale in the caller's transaction: the next search
 * rebuilds them before answering, so an approval is searchable at once.
 */
export async function markSiteSearchStale(db: DbOrTx, agencyId: string): Promise<void> {
  await db
    .insert(disclosureSearchSources)
    .values({ agencyId, source: 'site', isStale: true })
    .onConflictDoUpdate({
      target: [disclosureSearchSources.agencyId, disclosureSearchSources.source],
      set: { isStale: true, updatedAt: sql`now()` },
    });
}
