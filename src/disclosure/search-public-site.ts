import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import type { Locale } from '../core/context.js';
import { disclosureSearchDocuments } from './schema.js';
import { buildSearchIndexFromWords, searchSite, type SearchResult } from './search-site.js';
import { normalizeText, segmentWords } from './search-text.js';
import { toSearchDocument } from './collect-search-documents.js';

/** Query chunks (parts between spaces) looked at, as searchSite does. */
const MAX_CHUNKS = 8;
/** As searchSite: a chunk this long may also match inside a longer word. */
const MIN_SUBSTRING_CHUNK = 4;

/**
 * The pages that may match one chunk. A short chunk must be a run of words, so its pages hold
 * all its words (primary key of the terms). A long one may also sit inside longer words or
 * across them (ICU keeps ปีงบประมาณ and คอนกรีตเสริมเหล็ก whole in a page but cuts the queries
 * งบประมาณ and ถนนคอนกรีต apart), so its pages hold, for each of its words, a word containing it.
 */
function chunkCandidates(agencyId: string, chunk: string): SQL | null {
  const words = [...new Set(segmentWords(chunk))];
  if (words.length === 0) return null;
  if ([...chunk].length < MIN_SUBSTRING_CHUNK) {
    return sql`select href from disclosure_search_terms
      where agency_id = ${agencyId} and word in (${sql.join(
        words.map((w) => sql`${w}`),
        sql`, `,
      )})
      group by href having count(*) = ${words.length}`;
  }
  return sql.join(
    words.map(
      (word) => sql`(select t.href from disclosure_search_words v
        join disclosure_search_terms t on t.agency_id = v.agency_id and t.word = v.word
        where v.agency_id = ${agencyId} and strpos(v.word, ${word}) > 0)`,
    ),
    sql` intersect `,
  );
}

/**
 * Searches one agency's public site through the stored index: only the pages that can match
 * every chunk of the query are read (terms by primary key, words by substring for long chunks),
 * then matched, ranked and excerpted in memory exactly as the in-memory search does
 * (consecutive words, title above body). `base` is the site's path (`/a/<slug>`).
 * @example await searchPublicSite(db, agency.id, '/a/phothong', 'ภาษีที่ดิน', 'th')
 */
export async function searchPublicSite(
  db: DbOrTx,
  agencyId: string,
  base: string,
  query: string,
  locale: Locale,
  limit = 50,
): Promise<SearchResult[]> {
  const chunks = [...new Set(normalizeText(query).split(' ').filter(Boolean))].slice(0, MAX_CHUNKS);
  const perChunk = chunks.map((chunk) => chunkCandidates(agencyId, chunk));
  if (perChunk.length === 0 || perChunk.some((c) => c === null)) return [];
  const matching = sql.join(
    perChunk.map((c) => sql`(${c})`),
    sql` intersect `,
  );
  const candidates = await db
    .select({
      href: disclosureSearchDocuments.href,
      title: disclosureSearchDocuments.title,
      body: disclosureSearchDocuments.body,
      sectionKey: disclosureSearchDocuments.sectionKey,
      sortKey: disclosureSearchDocuments.sortKey,
      titleWords: disclosureSearchDocuments.titleWords,
      bodyWords: disclosureSearchDocuments.bodyWords,
    })
    .from(disclosureSearchDocuments)
    .where(
      and(
        eq(disclosureSearchDocuments.agencyId, agencyId),
        inArray(disclosureSearchDocuments.href, sql`(${matching})`),
      ),
    )
    .orderBy(sql`${disclosureSearchDocuments.sortKey} collate "C"`);
  const words = (text: string) => (text === '' ? [] : text.split(' '));
  const index = buildSearchIndexFromWords(
    candidates.map((page) => ({
      ...toSearchDocument(page, base, locale),
      titleWords: words(page.titleWords),
      bodyWords: words(page.bodyWords),
    })),
  );
  return searchSite(index, query, limit);
}
