import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ValidationError } from '../core/errors.js';
import { fieldErrorsOf } from '../core/validation/field-messages.js';
import { typedNumber } from '../core/validation/typed-number.js';
import {
  disclosureDocuments,
  disclosureExecutives,
  disclosureLaws,
  disclosureNews,
  disclosureQuestions,
  EXECUTIVE_BRANCHES,
  NEWS_KINDS,
} from './schema.js';
import { assertCan } from './permissions.js';
import { sanitizeRichText } from './sanitize-rich-text.js';
import { indexPosts, markSiteSearchStale } from './write-search-index.js';
import type { DbOrTx } from '../core/db/client.js';
import { cleanText, requiredText } from '../core/validation/text.js';
import { checkDocumentUpload, storeDocument, type UploadKind } from './store-document.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'disclosure.errors.badDate');
const optional = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal('').transform(() => null), schema]).default(null as never);

/** The basic-information pages' records (ข้อมูลพื้นฐาน): input schema and table per kind. */
export const BASIC_INFO = {
  news: {
    table: disclosureNews,
    input: z.object({
      kind: z.enum(NEWS_KINDS).default('news'),
      titleTh: requiredText(300),
      bodyHtml: z.string().max(100_000).default('').transform(sanitizeRichText),
      publishedOn: isoDate,
    }),
  },
  questions: {
    table: disclosureQuestions,
    input: z.object({
      questionTh: requiredText(2000),
      answerTh: cleanText({ max: 5000 }).default(''),
      askedOn: isoDate,
      answeredOn: optional(isoDate),
    }),
  },
  laws: {
    table: disclosureLaws,
    input: z.object({
      titleTh: requiredText(500),
      url: optional(z.url({ protocol: /^https?$/, error: 'disclosure.errors.badUrl' })),
      categoryTh: cleanText({ max: 200 }).default(''),
      sortOrder: typedNumber(z.coerce.number().int().min(0).max(9999)).default(0),
    }),
  },
  executives: {
    table: disclosureExecutives,
    input: z.object({
      nameTh: requiredText(200),
      positionTh: requiredText(200),
      branch: z.enum(EXECUTIVE_BRANCHES),
      phone: optional(cleanText({ max: 50 })),
      email: optional(z.email()),
      sortOrder: typedNumber(z.coerce.number().int().min(0).max(9999)).default(0),
      photoDocumentId: z.uuid().nullable().default(null),
    }),
  },
} as const;
export type BasicInfoKind = keyof typeof BASIC_INFO;

/**
 * Keeps the search index in step, inside the writing transaction: a post's own page at once,
 * and the computed pages (laws, executives, the OIT items they feed) marked for rebuilding.
 */
async function reindexBasicInfo(tx: DbOrTx, agencyId: string, kind: BasicInfoKind, id: string) {
  if (kind === 'news') await indexPosts(tx, agencyId, { newsIds: [id] });
  if (kind === 'questions') await indexPosts(tx, agencyId, { questionIds: [id] });
  await markSiteSearchStale(tx, agencyId);
}

/**
 * Checks a basic-information record as typed, without writing: a ValidationError naming each
 * wrong field. The executive form calls it before storing the photo, so a refused text leaves
 * no stored photo behind.
 */
export function parseBasicInfo(kind: BasicInfoKind, raw: unknown) {
  const parsed = BASIC_INFO[kind].input.safeParse(raw);
  if (!parsed.success)
    throw new ValidationError('errors.validation', fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}

/** Adds a news post, Q&A, law or executive (agency admins); audited. */
export async function createBasicInfo(ctx: AgencyContext, kind: BasicInfoKind, raw: unknown) {
  assertCan(ctx, 'disclosure.manage');
  const data = parseBasicInfo(kind, raw);
  return ctx.db.transaction(async (tx) => {
    // A photo must be one of this agency's stored documents (issue #12 item 8).
    const photo = (data as { photoDocumentId?: string | null }).photoDocumentId;
    if (
      photo &&
      !(await scoped(tx, ctx.agencyId).find(disclosureDocuments, eq(disclosureDocuments.id, photo)))
    ) {
      throw new ValidationError('errors.validation', {
        photoDocumentId: 'disclosure.errors.unknownDocument',
      });
    }
    const [row] = (await scoped(tx, ctx.agencyId).insert(
      BASIC_INFO[kind].table,
      data as never,
    )) as { id: string }[];
    await audit(tx, ctx, ctx.agencyId, {
      action: `disclosure.${kind}.create`,
      entityType: `disclosure_${kind}`,
      entityId: row!.id,
      after: row,
    });
    await reindexBasicInfo(tx, ctx.agencyId, kind, row!.id);
    return row!;
  });
}

/** Deletes one such record of this agency (NotFoundError for another agency's); audited. */
export async function deleteBasicInfo(ctx: AgencyContext, kind: BasicInfoKind, id: string) {
  assertCan(ctx, 'disclosure.manage');
  const table = BASIC_INFO[kind].table;
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.get(table, eq(table.id, id));
    await q.delete(table, eq(table.id, id));
    await audit(tx, ctx, ctx.agencyId, {
      action: `disclosure.${kind}.delete`,
      entityType: `disclosure_${kind}`,
      entityId: id,
      before,
    });
    await reindexBasicInfo(tx, ctx.agencyId, kind, id);
  });
}

/** An executive's photo: a picture, never a document a browser might run. */
const PHOTO_KINDS: UploadKind[] = ['jpg', 'png'];

/** The basic-information forms: the typed fields, plus the executive's photo file if any. */
export const BasicInfoForm = z.object({ photo: z.unknown().optional() });

/**
 * Creates a record from its staff form. The photo and the text are both checked before either
 * is written, so a refused text leaves no stored photo and a refused photo no record.
 */
export async function createBasicInfoFromForm(
  ctx: AgencyContext,
  kind: BasicInfoKind,
  form: { values: Record<string, unknown>; photo: unknown },
  dataDir: string,
) {
  const photo =
    kind === 'executives' && form.photo instanceof File && form.photo.size > 0 ? form.photo : null;
  const bytes = photo ? new Uint8Array(await photo.arrayBuffer()) : null;
  if (bytes) checkDocumentUpload({ bytes, allowedKinds: PHOTO_KINDS, field: 'photo' });
  const withPhoto = (photoDocumentId: string | null) =>
    kind === 'executives' ? { ...form.values, photoDocumentId } : form.values;
  parseBasicInfo(kind, withPhoto(null));
  const stored =
    photo && bytes
      ? await storeDocument(ctx, {
          dataDir,
          entryId: null,
          fileName: photo.name,
          bytes,
          allowedKinds: PHOTO_KINDS,
        })
      : null;
  return createBasicInfo(ctx, kind, withPhoto(stored?.id ?? null));
}
