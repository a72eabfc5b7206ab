import { and, desc, eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { can } from '../core/auth/permissions.js';
import { listUnits } from '../core/agencies/units.js';
import type { DisclosedContent } from '../core/module.js';
import { disclosureDocuments, disclosureEntries, disclosureEntryVersions } from './schema.js';
import { canEditItem } from './permissions.js';

/** Staff reads (working copies, not only approved snapshots); every one scoped to the agency. */

/** An entry of this agency by id; another agency's reads as not found (404). */
export function getEntry(db: DbOrTx, agencyId: string, entryId: string) {
  return scoped(db, agencyId).get(disclosureEntries, eq(disclosureEntries.id, entryId));
}

/** A stored document row of this agency by id (404 for another agency's). */
export function getDocument(db: DbOrTx, agencyId: string, documentId: string) {
  return scoped(db, agencyId).get(disclosureDocuments, eq(disclosureDocuments.id, documentId));
}

/** An entry and its versions, newest first (the history page). */
export async function getEntryHistory(db: DbOrTx, agencyId: string, entryId: string) {
  const entry = await getEntry(db, agencyId, entryId);
  const versions = await scoped(db, agencyId).list(
    disclosureEntryVersions,
    eq(disclosureEntryVersions.entryId, entry.id),
    desc(disclosureEntryVersions.version),
  );
  return { entry, versions };
}

/** Entries waiting for an approver, by year, oldest submission first. */
export function listEntriesInReview(db: DbOrTx, agencyId: string) {
  return scoped(db, agencyId).list(disclosureEntries, eq(disclosureEntries.status, 'in_review'), [
    disclosureEntries.fiscalYear,
    disclosureEntries.submittedAt,
  ]);
}

/**
 * What the item page shows: the entry (or none yet), its current files, the files of the
 * version in review and of the published one (for the approver's diff), the fed content, the
 * units, and whether this person may edit or review it.
 */
export async function loadItemForStaff(
  ctx: AgencyContext,
  year: number,
  code: string,
  fed: DisclosedContent[],
) {
  const q = scoped(ctx.db, ctx.agencyId);
  const entry = await q.find(
    disclosureEntries,
    and(eq(disclosureEntries.fiscalYear, year), eq(disclosureEntries.itemCode, code))!,
  );
  const documents = entry?.documentIds.length
    ? (await q.list(disclosureDocuments, eq(disclosureDocuments.entryId, entry.id))).filter((d) =>
        entry.documentIds.includes(d.id),
      )
    : [];
  const reviewed = new Set([
    ...(entry?.documentIds ?? []),
    ...(entry?.published?.documentIds ?? []),
  ]);
  const reviewDocuments =
    entry && entry.status === 'in_review' && reviewed.size > 0
      ? (await q.list(disclosureDocuments, eq(disclosureDocuments.entryId, entry.id))).filter((d) =>
          reviewed.has(d.id),
        )
      : [];
  return {
    entry,
    documents,
    reviewDocuments,
    fed,
    units: await listUnits(ctx.db, ctx.agencyId),
    canEdit: await canEditItem(ctx.db, ctx, entry?.responsibleUnitId ?? null),
    canReview: can(ctx.actor, 'disclosure.review'),
  };
}
