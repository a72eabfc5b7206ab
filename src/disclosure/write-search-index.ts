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

// Rows per statement: bounds the memory of one insert, not its parameters (two arrays).
const TERM_BATCH = 50_000;

function hashPage(page: IndexedPage): string {
  return createHash('sha256')
    .update(JSON.stringify([page.title, page.body, page.sectionKey, page.sortKey]))
    .digest('hex');
}

/** The distinct normalised words of a page, title and body together. */
export function pageWords(page: Pick<IndexedPage, 'title' | 'body'>): string[] {
  return [...new Set([...segmentWords(page.title), ...segmentWords(page.body)])];
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
        titleWords: segmentWords(page.title).join(' '),
        bodyWords: segmentWords(page.body).join(' '),
        contentHash: hash,
      })),
    );
  }
  const words: string[] = [];
  const wordHrefs: string[] = [];
  for (const { page } of changed) {
    for (const word of pageWords(page)) {
      words.push(word);
      wordHrefs.push(page.href);
    }
  }
  // Two array parameters instead of three per row: one statement whatever the page count.
  for (let i = 0; i < words.length; i += TERM_BATCH) {
    const batch = words.slice(i, i + TERM_BATCH);
    await db.execute(sql`
      insert into disclosure_search_terms (agency_id, word, href)
      select ${agencyId}::uuid, w, h
      from unnest(${sql.param(batch)}::text[], ${sql.param(wordHrefs.slice(i, i + TERM_BATCH))}::text[]) as t(w, h)`);
    await db.execute(sql`
      insert into disclosure_search_words (agency_id, word)
      select distinct ${agencyId}::uuid, w from unnest(${sql.param(batch)}::text[]) as t(w)
      on conflict do nothing`);
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
      set: {
        isStale: true,
        generation: sql`${disclosureSearchSources.generation} + 1`,
        updatedAt: sql`now()`,
      },
    });
}
