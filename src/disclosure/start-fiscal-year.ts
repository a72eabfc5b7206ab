import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { disclosureEntries } from './schema.js';
import { assertCan } from './permissions.js';
import { listOitItems } from './oit-items.js';
import { writeEntryVersion } from './write-entry-version.js';
import { markSiteSearchStale } from './write-search-index.js';

export interface StartFiscalYearResult {
  /** Items copied from the previous year as published content (standing information). */
  carried: string[];
  /** Items copied as drafts that must get this year's evidence (period current/previous). */
  toRenew: string[];
  /** Items with no entry last year under the same name. */
  notCopied: string[];
  /** Items that already had an entry this year (left alone). */
  existing: string[];
}

/**
 * Opens a new fiscal year: copies each of last year's entries to the same-named item of the
 * new year (the NACC renumbers, so items match by name, then by code). Standing items
 * (period `none`) carry over as published; items that need evidence of a given year are copied
 * as drafts flagged `needsRenewal`. Idempotent: items that already exist are skipped.
 */
export async function startFiscalYear(
  ctx: AgencyContext,
  fiscalYear: number,
): Promise<StartFiscalYearResult> {
  assertCan(ctx, 'disclosure.manage');
  const previousItems = listOitItems(fiscalYear - 1);
  const items = listOitItems(fiscalYear);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const previous = await q.list(
      disclosureEntries,
      eq(disclosureEntries.fiscalYear, fiscalYear - 1),
    );
    const current = await q.list(disclosureEntries, eq(disclosureEntries.fiscalYear, fiscalYear));
    const prevByCode = new Map(previous.map((e) => [e.itemCode, e]));
    const result: StartFiscalYearResult = { carried: [], toRenew: [], notCopied: [], existing: [] };
    for (const item of items) {
      if (current.some((e) => e.itemCode === item.code)) {
        result.existing.push(item.code);
        continue;
      }
      const sameName = previousItems.find((p) => p.nameTh === item.nameTh);
      const source = prevByCode.get(sameName?.code ?? item.code);
      if (!source) {
        result.notCopied.push(item.code);
        continue;
      }
      const isStanding = item.period === 'none';
      const base = source.published ?? {
        contentHtml: source.contentHtml,
        links: source.links,
        table: source.table,
        responsibleUnitId: source.responsibleUnitId,
        publishDate: source.publishDate,
        documentIds: source.documentIds,
        version: 1,
      };
      const canPublish = isStanding && source.published !== null;
      const [row] = await q.insert(disclosureEntries, {
        fiscalYear,
        itemCode: item.code,
        contentHtml: base.contentHtml,
        links: base.links,
        table: isStanding ? base.table : null,
        responsibleUnitId: base.responsibleUnitId,
        publishDate: canPublish ? base.publishDate : null,
        // Documents of last year prove last year: only standing items keep them.
        documentIds: isStanding ? base.documentIds : [],
        status: canPublish ? 'published' : 'draft',
        version: 1,
        published: canPublish ? { ...base, version: 1 } : null,
        publishedAt: canPublish ? ctx.now() : null,
        publishedByUserId: canPublish ? (source.publishedByUserId ?? null) : null,
        carriedFromYear: fiscalYear - 1,
        needsRenewal: !isStanding,
        isDemo: source.isDemo,
      });
      await writeEntryVersion(tx, ctx, 'carry-forward', null, row!);
      (isStanding ? result.carried : result.toRenew).push(item.code);
    }
    if (result.carried.length > 0) await markSiteSearchStale(tx, ctx.agencyId);
    return result;
  });
}
