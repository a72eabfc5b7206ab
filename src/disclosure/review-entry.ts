import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { ConflictError, ForbiddenError, ValidationError } from '../core/errors.js';
import { disclosureEntries } from './schema.js';
import { assertCan, canEditItem } from './permissions.js';
import { writeEntryVersion } from './write-entry-version.js';
import { markSiteSearchStale } from './write-search-index.js';
import { htmlToText } from './collect-search-documents.js';
import { cleanText } from '../core/validation/text.js';

/** True when a version has nothing to show: no text, link, table row or file. */
export function isEntryEmpty(entry: {
  contentHtml: string;
  links: unknown[];
  table: { rows: unknown[] } | null;
  documentIds: string[];
}): boolean {
  return (
    htmlToText(entry.contentHtml).trim() === '' &&
    entry.links.length === 0 &&
    (entry.table?.rows.length ?? 0) === 0 &&
    entry.documentIds.length === 0
  );
}

/**
 * Sends a draft to the executive for review (draft → in_review). An empty draft is refused:
 * an executive cannot approve what says nothing.
 */
export async function submitEntry(ctx: AgencyContext, entryId: string) {
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(disclosureEntries, eq(disclosureEntries.id, entryId));
    if (!(await canEditItem(tx, ctx, before.responsibleUnitId))) throw new ForbiddenError();
    if (before.status !== 'draft') throw new ConflictError('disclosure.errors.notDraft');
    if (isEntryEmpty(before)) throw new ValidationError('disclosure.errors.emptySubmission');
    const [after] = await q.update(
      disclosureEntries,
      {
        status: 'in_review',
        submittedAt: ctx.now(),
        version: before.version + 1,
        updatedAt: ctx.now(),
      },
      eq(disclosureEntries.id, entryId),
    );
    await writeEntryVersion(tx, ctx, 'submit', before, after!);
    return after!;
  });
}

/**
 * The executive approves (in_review → published): the working copy becomes the published
 * snapshot the public site shows.
 */
export async function approveEntry(ctx: AgencyContext, entryId: string) {
  assertCan(ctx, 'disclosure.review');
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(disclosureEntries, eq(disclosureEntries.id, entryId));
    if (before.status !== 'in_review') throw new ConflictError('disclosure.errors.notInReview');
    const version = before.version + 1;
    const [after] = await q.update(
      disclosureEntries,
      {
        status: 'published',
        version,
        published: {
          contentHtml: before.contentHtml,
          links: before.links,
          table: before.table,
          responsibleUnitId: before.responsibleUnitId,
          publishDate: before.publishDate ?? ctx.now().toISOString().slice(0, 10),
          documentIds: before.documentIds,
          version,
        },
        publishedAt: ctx.now(),
        publishedByUserId: ctx.actor.userId,
        reviewComment: null,
        needsRenewal: false,
        updatedAt: ctx.now(),
      },
      eq(disclosureEntries.id, entryId),
    );
    await writeEntryVersion(tx, ctx, 'approve', before, after!);
    await markSiteSearchStale(tx, ctx.agencyId);
    return after!;
  });
}

const ReturnComment = cleanText({ min: 1, max: 2000 });

/** The executive sends an entry back to its unit with a comment (in_review → draft). */
export async function returnEntry(ctx: AgencyContext, entryId: string, rawComment: string) {
  assertCan(ctx, 'disclosure.review');
  // Another agency's entry is "not found" before anything about the comment is said.
  await scoped(ctx.db, ctx.agencyId).get(disclosureEntries, eq(disclosureEntries.id, entryId));
  const comment = ReturnComment.safeParse(rawComment);
  if (!comment.success) {
    throw new ValidationError('errors.validation', { comment: comment.error.issues[0]!.message });
  }
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(disclosureEntries, eq(disclosureEntries.id, entryId));
    if (before.status !== 'in_review') throw new ConflictError('disclosure.errors.notInReview');
    const [after] = await q.update(
      disclosureEntries,
      {
        status: 'draft',
        reviewComment: comment.data,
        submittedAt: null,
        version: before.version + 1,
        updatedAt: ctx.now(),
      },
      eq(disclosureEntries.id, entryId),
    );
    await writeEntryVersion(tx, ctx, 'return', before, after!, comment.data);
    return after!;
  });
}
