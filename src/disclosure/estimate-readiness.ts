import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { fiscalYearOf } from '../core/i18n/thai-format.js';
import { disclosureDocuments, disclosureEntries } from './schema.js';
import { listOitItems, scoreOitItems, type OitItem } from './oit-items.js';
import { findDisclosureYearData } from './load-year-data.js';
import type { FedContentByItem } from './feed-sources.js';

/** สถานะความพร้อม of one item on the readiness dashboard. */
export type ReadinessStatus = 'missing' | 'draft' | 'in_review' | 'published' | 'outdated';

export interface ItemReadiness {
  item: OitItem;
  status: ReadinessStatus;
  /** Published evidence exists (possibly with a newer draft being edited). */
  isPublished: boolean;
  /** Filled by another module's feed (ITA analysis, measures…). */
  isFed: boolean;
  /** Why an item is outdated, as i18n keys. */
  reasons: string[];
  /** i18n key of what to do next. */
  nextStep: string;
  entryId: string | null;
  responsibleUnitId: string | null;
}

export interface Readiness {
  fiscalYear: number;
  items: ItemReadiness[];
  counts: Record<ReadinessStatus, number>;
  /** Expected OIT score if assessed today: published and current items score 100, others 0. */
  estimate: { oit: number; indicators: { no: number; score: number }[] };
  /** Days until the assessment window opens/closes (negative = past); null if unknown. */
  deadline: { opensOn: string; closesOn: string; daysToOpen: number; daysToClose: number } | null;
}

/** Fiscal year (พ.ศ.) of a publish date (a Bangkok calendar day, `YYYY-MM-DD`). */
const fiscalYearOfDay = (isoDate: string) => fiscalYearOf(new Date(`${isoDate}T12:00:00+07:00`));

const DAY = 24 * 60 * 60 * 1000;
const daysBetween = (from: Date, isoDate: string) =>
  Math.ceil((Date.parse(`${isoDate}T00:00:00+07:00`) - from.getTime()) / DAY);

/**
 * The readiness of every OIT item of a fiscal year and the OIT score to expect. An item is
 * `outdated` when it must show current-year (or previous-year) evidence and its publish date
 * or a document's year is older, or when it was copied forward and not yet renewed.
 */
export async function estimateReadiness(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  options: { now: Date; fed?: FedContentByItem },
): Promise<Readiness> {
  const q = scoped(db, agencyId);
  const entries = await q.list(disclosureEntries, eq(disclosureEntries.fiscalYear, fiscalYear));
  const documents = entries.length
    ? await q.list(disclosureDocuments)
    : ([] as (typeof disclosureDocuments.$inferSelect)[]);
  const docById = new Map(documents.map((d) => [d.id, d]));
  const byCode = new Map(entries.map((e) => [e.itemCode, e]));

  const items = listOitItems(fiscalYear).map((item): ItemReadiness => {
    const entry = byCode.get(item.code);
    const fed = (options.fed?.get(item.code) ?? []).filter((f) => f.fiscalYear === fiscalYear);
    const published = entry?.published ?? null;
    const reasons: string[] = [];
    if (published && item.period !== 'none') {
      const minYear = item.period === 'previous' ? fiscalYear - 1 : fiscalYear;
      const checkYear = item.period === 'current' || item.period === 'previous';
      if (checkYear && published.publishDate && fiscalYearOfDay(published.publishDate) < minYear) {
        reasons.push('disclosure.readiness.reasons.oldPublishDate');
      }
      const oldDoc = published.documentIds
        .map((id) => docById.get(id))
        .some((d) => checkYear && d?.documentYear != null && d.documentYear < minYear);
      if (oldDoc) reasons.push('disclosure.readiness.reasons.oldDocument');
    }
    if (entry?.needsRenewal) reasons.push('disclosure.readiness.reasons.needsRenewal');
    const isPublished = Boolean(published) || fed.length > 0;
    let status: ReadinessStatus;
    if (fed.length > 0 && !entry) status = 'published';
    else if (!entry) status = 'missing';
    else if (published && reasons.length > 0) status = 'outdated';
    else if (entry.status === 'published' || (published && fed.length > 0)) status = 'published';
    else status = entry.status;
    const nextStep = {
      missing: 'disclosure.readiness.nextSteps.create',
      draft: entry?.reviewComment
        ? 'disclosure.readiness.nextSteps.fixReturned'
        : 'disclosure.readiness.nextSteps.submit',
      in_review: 'disclosure.readiness.nextSteps.approve',
      published: 'disclosure.readiness.nextSteps.none',
      outdated: 'disclosure.readiness.nextSteps.renew',
    }[status];
    return {
      item,
      status,
      isPublished,
      isFed: fed.length > 0,
      reasons,
      nextStep,
      entryId: entry?.id ?? null,
      responsibleUnitId: entry?.responsibleUnitId ?? null,
    };
  });

  const counts: Record<ReadinessStatus, number> = {
    missing: 0,
    draft: 0,
    in_review: 0,
    published: 0,
    outdated: 0,
  };
  for (const i of items) counts[i.status] += 1;
  // A draft of an item that is already published still counts: the public sees the approved one.
  const disclosed = Object.fromEntries(
    items.map((i) => [i.item.code, i.isPublished && i.reasons.length === 0]),
  );
  const score = scoreOitItems(fiscalYear, disclosed);
  const window = findDisclosureYearData(fiscalYear)?.assessmentWindow;
  return {
    fiscalYear,
    items,
    counts,
    estimate: { oit: score.oit, indicators: score.indicators },
    deadline: window
      ? {
          opensOn: window.opensOn,
          closesOn: window.closesOn,
          daysToOpen: daysBetween(options.now, window.opensOn),
          daysToClose: daysBetween(options.now, window.closesOn),
        }
      : null,
  };
}
