import type { DbOrTx } from '../core/db/client.js';
import { listOitItems, scoreOitItems, type OitItem } from './oit-items.js';
import { findDisclosureYearData } from './load-year-data.js';
import type { FedContentByItem } from './feed-sources.js';
import { listOitItemStates, type OitItemStatus } from './item-status.js';

/** สถานะความพร้อม of one item: the one status of `item-status.ts`. */
export type ReadinessStatus = OitItemStatus;

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
  const states = await listOitItemStates(db, agencyId, fiscalYear, { fed: options.fed });
  const items = listOitItems(fiscalYear).map((item, i): ItemReadiness => {
    const state = states[i]!;
    // What to do next follows the change on its way when a published item is being edited.
    const step = state.pendingChange ?? state.status;
    const nextStep = {
      missing: 'disclosure.readiness.nextSteps.create',
      draft: state.reviewComment
        ? 'disclosure.readiness.nextSteps.fixReturned'
        : 'disclosure.readiness.nextSteps.submit',
      in_review: 'disclosure.readiness.nextSteps.approve',
      published: 'disclosure.readiness.nextSteps.none',
      outdated: 'disclosure.readiness.nextSteps.renew',
    }[step];
    return {
      item,
      status: state.status,
      isPublished: state.isPublished,
      isFed: state.isFed,
      reasons: state.reasons,
      nextStep,
      entryId: state.entryId,
      responsibleUnitId: state.responsibleUnitId,
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
