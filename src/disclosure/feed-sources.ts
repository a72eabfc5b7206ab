import type { DisclosedContent, DisclosureQuery, ModuleManifest } from '../core/module.js';
import { itemCodesForFeed } from './load-year-data.js';

/** Fed content of one fiscal year, keyed by the OIT item code it belongs to. */
export type FedContentByItem = Map<string, DisclosedContent[]>;

/** A module whose `disclosures()` feed threw: staff see the module, the log has the error. */
export interface FeedFailure {
  module: string;
}

/** What every module's feed gave for one agency and fiscal year, and which feeds failed. */
export interface CollectedFeeds {
  contents: DisclosedContent[];
  /** `contents` filed under the year's OIT item codes (feeds/fy<year>.json). */
  byItem: FedContentByItem;
  failures: FeedFailure[];
}

/**
 * Asks every module with a `disclosures()` feed for its content of the year. The one failure
 * policy of the site: a feed that throws is left out, so the page shows what the other feeds
 * and the staff's own entries give (a citizen never gets a 500 for one module's bug); the error
 * is logged with the request id, and the failure is returned so staff pages can say which feed
 * failed. `modules` is the app's list, passed in from createApp (`c.get('modules')`) or the CLI.
 */
export async function collectFedContent(
  modules: readonly ModuleManifest[],
  query: DisclosureQuery,
  options: { requestId?: string | undefined } = {},
): Promise<CollectedFeeds> {
  const feeds = modules.filter((m) => m.disclosures);
  const settled = await Promise.allSettled(feeds.map((m) => m.disclosures!(query)));
  const contents: DisclosedContent[] = [];
  const failures: FeedFailure[] = [];
  settled.forEach((result, i) => {
    const module = feeds[i]!.name;
    if (result.status === 'fulfilled') {
      contents.push(...result.value);
      return;
    }
    failures.push({ module });
    const error = result.reason as unknown;
    console.error(
      JSON.stringify({
        level: 'error',
        requestId: options.requestId,
        message: 'disclosure feed failed',
        module,
        agencyId: query.agencyId,
        fiscalYear: query.fiscalYear,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
  });
  const byItem: FedContentByItem = new Map();
  for (const content of contents) {
    for (const code of itemCodesForFeed(query.fiscalYear, content.feed)) {
      byItem.set(code, [...(byItem.get(code) ?? []), content]);
    }
  }
  return { contents, byItem, failures };
}
