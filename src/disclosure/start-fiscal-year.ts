import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { typedInteger } from '../core/validation/typed-number.js';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { disclosureEntries } from './schema.js';
import { assertCan } from './permissions.js';
import { copyWeakQuestionSettingsForward } from '../assessment/index.js';
import { carryOverMeasures } from '../measures/index.js';
import { listOitItems, successorOfItem } from './oit-items.js';
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
  /** Last year's items with content that this year no longer asks (or has no successor for). */
  noLongerAsked: string[];
  /** Weak-question settings: copied (minus questions no longer asked), already there, or none. */
  weakQuestionSettings: 'copied' | 'existing' | 'none';
  /** Measures with unfinished actions carried into the year (ยกยอด). */
  measuresCarried: number;
}

/** The new-year page's button: the fiscal year (พ.ศ.) to open from the one before it. */
export const StartYearForm = z.object({ year: typedInteger() });

/**
 * Opens a new fiscal year: copies each of last year's entries to the item that continues it
 * in the new year. The NACC renumbers OIT items (o30 of 2566 is o25 in 2567), so the target
 * comes from the new year's item mapping (old code → new code or "no longer asked"), else an
 * item of identical name (see assessment's `mapItemCode`). Standing items (period `none`) carry
 * over as published; items that need evidence of a given year are copied as drafts flagged
 * `needsRenewal`. In the same transaction, the agency's weak-question settings (renamed through
 * the same mapping) and its unfinished measures are carried forward through their modules.
 * Idempotent: items, settings and measures that already exist are skipped.
 */
export async function startFiscalYear(
  ctx: AgencyContext,
  fiscalYear: number,
): Promise<StartFiscalYearResult> {
  assertCan(ctx, 'disclosure.manage');
  listOitItems(fiscalYear - 1); // NotFoundError (404) when last year has no framework
  const items = listOitItems(fiscalYear);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const previous = await q.list(
      disclosureEntries,
      eq(disclosureEntries.fiscalYear, fiscalYear - 1),
    );
    const current = await q.list(disclosureEntries, eq(disclosureEntries.fiscalYear, fiscalYear));
    const sourceOf = new Map<string, (typeof previous)[number]>();
    const noLongerAsked: string[] = [];
    for (const entry of previous) {
      const to = successorOfItem(fiscalYear, entry.itemCode);
      if (to === null || sourceOf.has(to)) noLongerAsked.push(entry.itemCode);
      else sourceOf.set(to, entry);
    }
    const result: StartFiscalYearResult = {
      carried: [],
      toRenew: [],
      notCopied: [],
      existing: [],
      noLongerAsked,
      weakQuestionSettings: 'none',
      measuresCarried: 0,
    };
    for (const item of items) {
      if (current.some((e) => e.itemCode === item.code)) {
        result.existing.push(item.code);
        continue;
      }
      const source = sourceOf.get(item.code);
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
    // The other modules' copies run in this transaction (their own become savepoints), so a
    // failure leaves the year as it was.
    const txCtx = { ...ctx, db: tx };
    result.weakQuestionSettings = (await copyWeakQuestionSettingsForward(txCtx, fiscalYear)).status;
    result.measuresCarried = (await carryOverMeasures(txCtx, fiscalYear - 1)).carried;
    return result;
  });
}
