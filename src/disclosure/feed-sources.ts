import type { DisclosedContent, DisclosureQuery, ModuleManifest } from '../core/module.js';
import { itemCodesForFeed } from './load-year-data.js';

/** Fed content of one fiscal year, keyed by the OIT item code it belongs to. */
export type FedContentByItem = Map<string, DisclosedContent[]>;

/**
 * Asks every module with a `disclosures()` feed for its content of the year and files it
 * under the year's item codes (feeds/fy<year>.json). A failing module is skipped so one broken
 * feed cannot take the public site down. `sources` defaults to the app's module list, loaded
 * lazily because src/modules.ts imports this module's manifest.
 */
export async function collectFedContent(
  query: DisclosureQuery,
  sources?: readonly ModuleManifest[],
): Promise<FedContentByItem> {
  const list = sources ?? (await import('../modules.js')).modules;
  const byItem: FedContentByItem = new Map();
  for (const module of list) {
    if (!module.disclosures) continue;
    let contents: DisclosedContent[];
    try {
      contents = await module.disclosures(query);
    } catch {
      continue;
    }
    for (const content of contents) {
      for (const code of itemCodesForFeed(query.fiscalYear, content.feed)) {
        byItem.set(code, [...(byItem.get(code) ?? []), content]);
      }
    }
  }
  return byItem;
}
