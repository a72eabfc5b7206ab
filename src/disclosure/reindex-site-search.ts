import { count, eq } from 'drizzle-orm';
import { disclosureSearchDocuments } from './schema.js';
import type { SiteSource } from './collect-search-documents.js';
import { refreshSiteSearch } from './refresh-site-search.js';
import { indexPosts } from './write-search-index.js';

/**
 * Rebuilds one agency's search index from what its public site shows: news and Q&A from the
 * disclosure tables, then the computed pages (OIT items with every module's feeds, structure,
 * contact…). Unchanged pages keep their rows (content hash), so running it twice is cheap.
 * @returns how many pages the agency's index holds afterwards.
 */
export async function reindexSiteSearch(source: SiteSource): Promise<number> {
  const { db, agencyId } = source.q;
  const isPostsOnWrite = source.content.arePostsIndexedOnWrite === true;
  if (isPostsOnWrite) await db.transaction((tx) => indexPosts(tx, agencyId));
  await refreshSiteSearch(source, { includePosts: !isPostsOnWrite, force: true });
  const [row] = await db
    .select({ n: count() })
    .from(disclosureSearchDocuments)
    .where(eq(disclosureSearchDocuments.agencyId, agencyId));
  return row?.n ?? 0;
}
