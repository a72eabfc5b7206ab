import type { DisclosedContent, ModuleManifest } from '../core/module.js';
import { openingFiscalYear } from '../core/i18n/thai-format.js';
import {
  getOitFramework as getFramework,
  listOitYears as listFrameworkYears,
} from './oit-items.js';
import type { PublicOitEntry, PublicQuery, PublicSiteContent } from './public-content.js';
import { collectFedContent, type FeedFailure } from './feed-sources.js';
import type { OitGroup, OitItemSummary } from './views/public-oit.js';
import { listOitItemStates } from './item-status.js';

/**
 * The fiscal year the OIT index shows by default: the current fiscal year when a framework
 * exists for it, else the latest framework year before it (the NACC publishes a year's
 * criteria late), else the earliest known.
 */
export function defaultOitYear(now: Date, years = listFrameworkYears()): number {
  return openingFiscalYear([], now, years);
}

/** Everything the public OIT pages of one fiscal year show. */
export interface PublicOitYear {
  fiscalYear: number;
  titleTh: string;
  groups: OitGroup[];
  entriesByCode: Map<string, PublicOitEntry[]>;
  fedByCode: Map<string, DisclosedContent[]>;
  /** Modules whose feed failed (logged); the pages show what the others gave. */
  failures: FeedFailure[];
}

/**
 * The site's own pages that answer basic-information items. They are matched to the year's
 * items by item name (stable across years, unlike the numbers) unless the feeds data maps
 * them explicitly.
 */
const SITE_FEED_ITEM_NAMES: Record<string, string> = {
  'disclosure.structure': 'โครงสร้าง',
  'disclosure.executives': 'ข้อมูลผู้บริหาร',
  'disclosure.duties': 'อำนาจหน้าที่',
  'disclosure.contact': 'ข้อมูลการติดต่อ',
  'disclosure.laws': 'กฎหมายที่เกี่ยวข้อง',
  'disclosure.news': 'ข่าวประชาสัมพันธ์',
  'disclosure.qa': 'Q&A',
  'disclosure.social': 'Social Network',
};

/**
 * Reads one fiscal year's OIT items with what is published for each: the staff's published
 * entries, the other modules' `disclosures()` feeds, and the site's own pages. Only published
 * content is read; drafts never reach this function's sources.
 * @throws UnknownFrameworkYearError when the year has no framework.
 */
export async function readPublicOitYear(
  q: PublicQuery,
  content: PublicSiteContent,
  modules: readonly ModuleManifest[],
  siteContent: DisclosedContent[],
  fiscalYear: number,
  options: { requestId?: string | undefined } = {},
): Promise<PublicOitYear> {
  const framework = getFramework(fiscalYear);
  const [entries, feedCodes, fed] = await Promise.all([
    content.listOitEntries(q, fiscalYear),
    content.feedCodes(fiscalYear),
    collectFedContent(
      modules,
      { db: q.db, agencyId: q.agencyId, agencySlug: q.agencySlug, fiscalYear },
      options,
    ),
  ]);
  const entriesByCode = new Map<string, PublicOitEntry[]>();
  for (const entry of entries) {
    entriesByCode.set(entry.code, [...(entriesByCode.get(entry.code) ?? []), entry]);
  }
  const codeByName = new Map(framework.oitItems.map((i) => [i.nameTh, i.code]));
  const fedByCode = new Map<string, DisclosedContent[]>();
  for (const item of [...fed.contents, ...siteContent]) {
    const siteName = SITE_FEED_ITEM_NAMES[item.feed];
    const byName = siteName ? codeByName.get(siteName) : undefined;
    const codes = feedCodes[item.feed] ?? (byName ? [byName] : []);
    for (const code of codes) fedByCode.set(code, [...(fedByCode.get(code) ?? []), item]);
  }
  // The one status function of the staff pages, fed the same content, so no page disagrees.
  const states = new Map(
    (await listOitItemStates(q.db, q.agencyId, fiscalYear, { fed: fedByCode })).map((s) => [
      s.itemCode,
      s,
    ]),
  );
  const hasAnyContent = (code: string) =>
    (entriesByCode.get(code)?.length ?? 0) + (fedByCode.get(code)?.length ?? 0) > 0;
  const groups: OitGroup[] = framework.oitSubIndicators.map((sub) => ({
    code: sub.code,
    nameTh: sub.nameTh,
    items: framework.oitItems
      .filter((i) => i.subIndicator === sub.code)
      // A placeholder holds the place of an item the year's list may have (the NACC manual
      // is not out yet): staff see it, citizens only once the agency published something there.
      .filter((i) => i.basis !== 'placeholder' || hasAnyContent(i.code))
      .map((i): OitItemSummary => {
        const own = entriesByCode.get(i.code) ?? [];
        const feeds = fedByCode.get(i.code) ?? [];
        const dates = [...own.map((e) => e.updatedAt), ...feeds.map((f) => f.updatedAt)];
        const hasContent = own.length + feeds.length > 0;
        return {
          code: i.code,
          nameTh: i.basis === 'placeholder' ? withoutPlaceholderNote(i.nameTh) : i.nameTh,
          subIndicator: i.subIndicator,
          requiredElements: i.requiredElements,
          period: i.period,
          hasContent,
          publicStatus: !hasContent
            ? 'missing'
            : states.get(i.code)?.status === 'outdated'
              ? 'outdated'
              : 'published',
          updatedAt: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null,
        };
      }),
  }));
  return {
    fiscalYear,
    titleTh: framework.titleTh,
    groups,
    entriesByCode,
    fedByCode,
    failures: fed.failures,
  };
}

/**
 * A placeholder's name as a citizen reads it: its note for staff ("(ยังไม่ยืนยันสำหรับปีนี้)",
 * "(รอคู่มือการประเมินปี …)") is about our knowledge of the criteria, not about the agency.
 */
function withoutPlaceholderNote(nameTh: string): string {
  return nameTh.replace(/\s*\([^()]*\)\s*$/u, '');
}
