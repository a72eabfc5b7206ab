import { and, eq } from 'drizzle-orm';
import { disclosureSearchSources } from './schema.js';
import { collectSitePages, type SiteSource } from './collect-search-documents.js';
import { writeSearchPages } from './write-search-index.js';

/**
 * How long the `site` pages are trusted without a look. They are computed when read from rows
 * this module does not write (core units and contact details, other modules' `disclosures()`
 * feeds), so no write of ours can keep them current; the search re-reads them at most this
 * often per agency and re-indexes only pages whose hash changed. Disclosure's own writes mark
 * them stale in their transaction, which skips the wait.
 */
export const SITE_RECHECK_MS = 60_000;

/**
 * Brings the agency's `site` pages in the search index up to date when they are stale, were
 * never built, or were last checked more than SITE_RECHECK_MS ago (or always, with `force`).
 * `includePosts` also indexes news and Q&A here, for content sources whose posts are not
 * indexed on write (test fixtures).
 * @returns true when the pages were re-read.
 */
export async function refreshSiteSearch(
  source: SiteSource,
  options: { includePosts: boolean; force?: boolean },
): Promise<boolean> {
  const { db, agencyId } = source.q;
  const key = and(
    eq(disclosureSearchSources.agencyId, agencyId),
    eq(disclosureSearchSources.source, 'site'),
  );
  const [state] = await db.select().from(disclosureSearchSources).where(key);
  const isFresh =
    state !== undefined &&
    !state.isStale &&
    state.checkedAt !== null &&
    source.now.getTime() - state.checkedAt.getTime() < SITE_RECHECK_MS;
  if (isFresh && !options.force) return false;
  const pages = await collectSitePages(source, { includePosts: options.includePosts });
  await db.transaction(async (tx) => {
    await writeSearchPages(tx, agencyId, 'site', pages, { isWholeSource: true });
    if (!state) {
      await tx
        .insert(disclosureSearchSources)
        .values({ agencyId, source: 'site', isStale: false, checkedAt: source.now })
        .onConflictDoNothing();
      return;
    }
    // A write that marked the pages stale while we were reading them bumped the generation:
    // leave its mark, so the next search reads again.
    await tx
      .update(disclosureSearchSources)
      .set({ isStale: false, checkedAt: source.now })
      .where(and(key, eq(disclosureSearchSources.generation, state.generation)));
  });
  return true;
}
