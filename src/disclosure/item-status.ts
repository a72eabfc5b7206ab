import { eq } from 'drizzle-orm';
import type { DisclosedContent } from '../core/module.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { fiscalYearOf as fiscalYearOfDate } from '../core/i18n/thai-format.js';
import { disclosureDocuments, disclosureEntries } from './schema.js';
import { listOitItems, type OitItem } from './oit-items.js';
import type { FedContentByItem } from './feed-sources.js';

/**
 * สถานะของข้อ OIT, the one status every page shows (staff list, readiness, public index):
 * - `published`: the public sees current content (an approved version or another module's feed);
 * - `outdated`: the public sees content, but older than the item's period demands or carried
 *   forward from last year and not renewed;
 * - `in_review` / `draft`: nothing public yet, a version is awaiting approval / being written;
 * - `missing`: nothing at all.
 * A published item being re-edited stays `published` (that is what the public sees); the
 * change on its way is `pendingChange`.
 */
export type OitItemStatus = 'missing' | 'draft' | 'in_review' | 'published' | 'outdated';

export interface OitItemState {
  itemCode: string;
  status: OitItemStatus;
  /** The public sees content for the item (published or outdated). */
  isPublished: boolean;
  /** A newer version of a published item, not yet approved. */
  pendingChange: 'draft' | 'in_review' | null;
  isFed: boolean;
  /** Why the item is outdated, as i18n keys. */
  reasons: string[];
  needsRenewal: boolean;
  entryId: string | null;
  responsibleUnitId: string | null;
  reviewComment: string | null;
  updatedAt: Date | null;
}

type Entry = typeof disclosureEntries.$inferSelect;
type Doc = typeof disclosureDocuments.$inferSelect;

/** The ISO date's fiscal year (พ.ศ.), read at noon in Bangkok so the day never shifts. */
const fiscalYearOfIso = (isoDate: string) =>
  fiscalYearOfDate(new Date(`${isoDate}T12:00:00+07:00`));

/** The status of one item from its entry, the entry's documents and the feeds that fill it. */
export function oitItemStatus(input: {
  item: OitItem;
  fiscalYear: number;
  entry: Entry | null;
  documentById: Map<string, Doc>;
  fed: DisclosedContent[];
}): OitItemState {
  const { item, fiscalYear, entry } = input;
  const fed = input.fed.filter((f) => f.fiscalYear === fiscalYear);
  const published = entry?.published ?? null;
  const reasons: string[] = [];
  if (published && item.period !== 'none') {
    const minYear = item.period === 'previous' ? fiscalYear - 1 : fiscalYear;
    const checkYear = item.period === 'current' || item.period === 'previous';
    if (checkYear && published.publishDate && fiscalYearOfIso(published.publishDate) < minYear) {
      reasons.push('disclosure.readiness.reasons.oldPublishDate');
    }
    const oldDoc = published.documentIds
      .map((id) => input.documentById.get(id))
      .some((d) => checkYear && d?.documentYear != null && d.documentYear < minYear);
    if (oldDoc) reasons.push('disclosure.readiness.reasons.oldDocument');
  }
  if (entry?.needsRenewal) reasons.push('disclosure.readiness.reasons.needsRenewal');
  const isPublished = Boolean(published) || fed.length > 0;
  let status: OitItemStatus;
  if (published && reasons.length > 0) status = 'outdated';
  else if (isPublished) status = 'published';
  else if (entry && entry.status !== 'published') status = entry.status;
  else status = 'missing';
  const pendingChange = isPublished && entry && entry.status !== 'published' ? entry.status : null;
  return {
    itemCode: item.code,
    status,
    isPublished,
    pendingChange,
    isFed: fed.length > 0,
    reasons,
    needsRenewal: entry?.needsRenewal ?? false,
    entryId: entry?.id ?? null,
    responsibleUnitId: entry?.responsibleUnitId ?? null,
    reviewComment: entry?.reviewComment ?? null,
    updatedAt: entry?.updatedAt ?? null,
  };
}

/**
 * The status of every OIT item of a fiscal year, in framework order. Pass the same `fed`
 * (other modules' feeds and the site's own pages) the public index files under each item.
 */
export async function listOitItemStates(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  options: { fed?: FedContentByItem } = {},
): Promise<OitItemState[]> {
  const q = scoped(db, agencyId);
  const entries = await q.list(disclosureEntries, eq(disclosureEntries.fiscalYear, fiscalYear));
  const documents = entries.length ? await q.list(disclosureDocuments) : [];
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const byCode = new Map(entries.map((e) => [e.itemCode, e]));
  return listOitItems(fiscalYear).map((item) =>
    oitItemStatus({
      item,
      fiscalYear,
      entry: byCode.get(item.code) ?? null,
      documentById,
      fed: options.fed?.get(item.code) ?? [],
    }),
  );
}
