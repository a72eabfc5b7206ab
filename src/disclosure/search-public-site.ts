import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import type { Locale } from '../core/context.js';
import { disclosureSearchDocuments, disclosureSearchTerms } from './schema.js';
import { buildSearchIndex, searchSite, type SearchResult } from './search-site.js';
import { normalizeText, segmentWords } from './search-text.js';
import { toSearchDocument } from './collect-search-documents.js';

/** Query chunks (parts between spaces) looked at, as searchSite does. */
const MAX_CHUNKS = 8;

/**
 * Searches one agency's public site through the stored index: the documents holding every
 * word of the query come from the terms' primary key (agency, word, href); only those few are
 * matched, ranked and excerpted in memory (consecutive words, title above body).
 * `base` is the site's path (`/a/<slug>`), prefixed to the stored relative links.
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
  const words = [...new Set(chunks.flatMap((chunk) => segmentWords(chunk)))];
  if (words.length === 0) return [];
  const matching = db
    .select({ href: disclosureSearchTerms.href })
    .from(disclosureSearchTerms)
    .where(
      and(eq(disclosureSearchTerms.agencyId, agencyId), inArray(disclosureSearchTerms.word, words)),
    )
    .groupBy(disclosureSearchTerms.href)
    .having(sql`${count()} = ${words.length}`);
  const candidates = await db
    .select({
      href: disclosureSearchDocuments.href,
      title: disclosureSearchDocuments.title,
      body: disclosureSearchDocuments.body,
      sectionKey: disclosureSearchDocuments.sectionKey,
      sortKey: disclosureSearchDocuments.sortKey,
    })
    .from(disclosureSearchDocuments)
    .where(
      and(
        eq(disclosureSearchDocuments.agencyId, agencyId),
        inArray(disclosureSearchDocuments.href, matching),
      ),
    )
    .orderBy(sql`${disclosureSearchDocuments.sortKey} collate "C"`);
  const index = buildSearchIndex(candidates.map((page) => toSearchDocument(page, base, locale)));
  return searchSite(index, query, limit);
}
