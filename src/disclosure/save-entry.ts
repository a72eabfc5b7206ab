import { and, eq, inArray } from 'drizzle-orm';
import { BUDDHIST_YEAR_MAX, BUDDHIST_YEAR_MIN } from '../core/i18n/thai-format.js';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { ForbiddenError, ValidationError } from '../core/errors.js';
import { disclosureDocuments, disclosureEntries } from './schema.js';
import { getOitItem } from './oit-items.js';
import { sanitizeRichText } from './sanitize-rich-text.js';
import { canEditItem, findActorUnitId } from './permissions.js';
import { writeEntryVersion } from './write-entry-version.js';
import { assertOwnUnit } from '../core/agencies/units.js';
import { cleanText } from '../core/validation/text.js';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'disclosure.errors.badUrl');

export const SaveEntryInput = z.object({
  fiscalYear: z.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX),
  itemCode: z.string().regex(/^o\d{1,3}$/),
  contentHtml: z.string().max(200_000).default(''),
  links: z
    .array(z.object({ label: cleanText({ max: 300 }), href: httpUrl }))
    .max(50)
    .default([]),
  table: z
    .object({
      columns: z
        .array(cleanText({ max: 200 }))
        .min(1)
        .max(20),
      rows: z.array(z.array(cleanText({ max: 1000 })).max(20)).max(500),
    })
    .nullable()
    .default(null),
  responsibleUnitId: z.uuid().nullable().default(null),
  publishDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'disclosure.errors.badDate')
    .nullable()
    .default(null),
  /** Document ids of this entry to drop from the working copy. */
  removeDocumentIds: z.array(z.uuid()).default([]),
});
export type SaveEntryInput = z.input<typeof SaveEntryInput>;

/**
 * Saves the working copy of an item (creating the entry the first time): sanitised text,
 * links, table, unit and publish date. Any save makes the entry a draft again (a change
 * needs a new review); the published snapshot stays visible meanwhile.
 */
export async function saveEntry(ctx: AgencyContext, rawInput: SaveEntryInput) {
  const parsed = SaveEntryInput.safeParse(rawInput);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    throw new ValidationError('errors.validation', errors);
  }
  const input = parsed.data;
  getOitItem(input.fiscalYear, input.itemCode);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.find(
      disclosureEntries,
      and(
        eq(disclosureEntries.fiscalYear, input.fiscalYear),
        eq(disclosureEntries.itemCode, input.itemCode),
      ) as never,
    );
    if (!(await canEditItem(tx, ctx, before?.responsibleUnitId ?? null)))
      throw new ForbiddenError();
    // A unit of another agency is refused outright (issue #12 item 8), before the rights.
    if (input.responsibleUnitId)
      await assertOwnUnit(tx, ctx.agencyId, input.responsibleUnitId, {
        name: 'responsibleUnitId',
        message: 'disclosure.errors.unknownUnit',
      });
    // An officer can only hand an item to their own unit; an admin to any unit.
    let unitId = input.responsibleUnitId;
    if (!(await canEditItem(tx, ctx, unitId))) unitId = await findActorUnitId(tx, ctx);
    const values = {
      contentHtml: sanitizeRichText(input.contentHtml),
      links: input.links,
      table: input.table && input.table.rows.length > 0 ? input.table : null,
      responsibleUnitId: unitId,
      publishDate: input.publishDate,
      status: 'draft' as const,
      submittedAt: null,
      updatedAt: ctx.now(),
    };
    let after;
    if (before) {
      const keep = before.documentIds.filter((id) => !input.removeDocumentIds.includes(id));
      [after] = await q.update(
        disclosureEntries,
        { ...values, documentIds: keep, version: before.version + 1 },
        eq(disclosureEntries.id, before.id),
      );
    } else {
      [after] = await q.insert(disclosureEntries, {
        ...values,
        fiscalYear: input.fiscalYear,
        itemCode: input.itemCode,
        version: 1,
      });
    }
    await writeEntryVersion(tx, ctx, 'save', before, after!);
    return after!;
  });
}

/**
 * Adds stored documents (from `storeDocument`) to an entry's working copy, as a new version.
 * The documents must belong to this entry.
 */
export async function attachDocuments(ctx: AgencyContext, entryId: string, documentIds: string[]) {
  if (documentIds.length === 0) return null;
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(disclosureEntries, eq(disclosureEntries.id, entryId));
    if (!(await canEditItem(tx, ctx, before.responsibleUnitId))) throw new ForbiddenError();
    const docs = await q.list(disclosureDocuments, inArray(disclosureDocuments.id, documentIds));
    if (docs.some((d) => d.entryId !== entryId) || docs.length !== new Set(documentIds).size) {
      throw new ForbiddenError();
    }
    const [after] = await q.update(
      disclosureEntries,
      {
        documentIds: [
          ...before.documentIds,
          ...documentIds.filter((id) => !before.documentIds.includes(id)),
        ],
        version: before.version + 1,
        status: 'draft',
        submittedAt: null,
        updatedAt: ctx.now(),
      },
      eq(disclosureEntries.id, entryId),
    );
    await writeEntryVersion(tx, ctx, 'attach', before, after!);
    return after!;
  });
}
