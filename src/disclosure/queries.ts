import { and, desc, eq, inArray, isNotNull, max } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import type { DisclosedContent } from '../core/module.js';
import { listUnits } from '../core/agencies/units.js';
import {
  disclosureDocuments,
  disclosureEntries,
  disclosureExecutives,
  disclosureLaws,
  disclosureNews,
  disclosureQuestions,
  type EntryLink,
  type EntryTable,
  type NewsKind,
} from './schema.js';
import { listOitItems, type OitItem } from './oit-items.js';
import type { FedContentByItem } from './feed-sources.js';

/** A document as the public sees it; `path` is relative to the agency's site (/a/<slug>). */
export interface PublicDocument {
  id: string;
  fileName: string;
  label: string;
  mediaType: string;
  sizeBytes: number;
  documentYear: number | null;
  /** e.g. `/files/<id>/<encoded name>`: prefix with `/a/<slug>`. */
  path: string;
  sha256: string;
}

/** One OIT item of a year with what the agency published for it (public site). */
export interface PublishedItem {
  item: OitItem;
  /** null when nothing is published yet (the page then says so). */
  entry: {
    contentHtml: string;
    links: EntryLink[];
    table: EntryTable | null;
    publishDate: string | null;
    responsibleUnitNameTh: string | null;
    isDemo: boolean;
    version: number;
  } | null;
  documents: PublicDocument[];
  /** Content other modules feed into this item (ITA analysis, measures…). */
  fed: DisclosedContent[];
  /** Latest of the entry's publication and the fed content's update; null if neither. */
  lastUpdatedAt: Date | null;
}

/** Path of a document under the agency's public site. */
export function publicDocumentPath(documentId: string, fileName: string): string {
  return `/files/${documentId}/${encodeURIComponent(fileName)}`;
}

function toPublicDocument(d: typeof disclosureDocuments.$inferSelect): PublicDocument {
  return {
    id: d.id,
    fileName: d.fileName,
    label: d.label,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    documentYear: d.documentYear,
    path: publicDocumentPath(d.id, d.fileName),
    sha256: d.sha256,
  };
}

/**
 * Every OIT item of the fiscal year, in framework order, with its published content,
 * documents and fed content. Items with nothing published are included with `entry: null`.
 * Pass `fed` from `collectFedContent()` to include other modules' content.
 */
export async function listPublishedItems(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  options: { fed?: FedContentByItem } = {},
): Promise<PublishedItem[]> {
  const q = scoped(db, agencyId);
  const entries = await q.list(
    disclosureEntries,
    and(eq(disclosureEntries.fiscalYear, fiscalYear), isNotNull(disclosureEntries.published)),
  );
  const documentIds = entries.flatMap((e) => e.published?.documentIds ?? []);
  const documents =
    documentIds.length === 0
      ? []
      : await q.list(disclosureDocuments, inArray(disclosureDocuments.id, documentIds));
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const unitName = new Map((await listUnits(db, agencyId)).map((u) => [u.id, u.nameTh]));
  const entryByCode = new Map(entries.map((e) => [e.itemCode, e]));

  return listOitItems(fiscalYear).map((item) => {
    const row = entryByCode.get(item.code);
    const published = row?.published ?? null;
    const fed = options.fed?.get(item.code) ?? [];
    const times = [
      ...(row?.publishedAt ? [row.publishedAt] : []),
      ...fed.map((f) => f.updatedAt),
    ].map((d) => d.getTime());
    return {
      item,
      entry:
        row && published
          ? {
              contentHtml: published.contentHtml,
              links: published.links,
              table: published.table,
              publishDate: published.publishDate,
              responsibleUnitNameTh: published.responsibleUnitId
                ? (unitName.get(published.responsibleUnitId) ?? null)
                : null,
              isDemo: row.isDemo,
              version: published.version,
            }
          : null,
      documents: (published?.documentIds ?? []).flatMap((id) => {
        const d = documentById.get(id);
        return d ? [toPublicDocument(d)] : [];
      }),
      fed,
      lastUpdatedAt: times.length ? new Date(Math.max(...times)) : null,
    };
  });
}

/** One item of the year as `listPublishedItems` gives it; null for an unknown item code. */
export async function findPublishedItem(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  itemCode: string,
  options: { fed?: FedContentByItem } = {},
): Promise<PublishedItem | null> {
  const items = await listPublishedItems(db, agencyId, fiscalYear, options);
  return items.find((i) => i.item.code === itemCode) ?? null;
}

/**
 * A document the public may download: one in an approved version of an entry, or an
 * executive's photo. null otherwise (drafts' uploads stay private).
 */
export async function findPublicDocument(
  db: DbOrTx,
  agencyId: string,
  documentId: string,
): Promise<(PublicDocument & { updatedAt: Date }) | null> {
  const q = scoped(db, agencyId);
  const doc = await q.find(disclosureDocuments, eq(disclosureDocuments.id, documentId));
  if (!doc) return null;
  let isPublic = false;
  if (doc.entryId) {
    const entry = await q.find(disclosureEntries, eq(disclosureEntries.id, doc.entryId));
    isPublic = Boolean(entry?.published?.documentIds.includes(doc.id));
  } else {
    isPublic = Boolean(
      await q.find(disclosureExecutives, eq(disclosureExecutives.photoDocumentId, doc.id)),
    );
  }
  return isPublic ? { ...toPublicDocument(doc), updatedAt: doc.updatedAt } : null;
}

export interface NewsPost {
  id: string;
  kind: NewsKind;
  titleTh: string;
  bodyHtml: string;
  publishedOn: string;
  isDemo: boolean;
  updatedAt: Date;
}

/** News and announcements, newest first (for the news page and the RSS feed). */
export async function listNews(
  db: DbOrTx,
  agencyId: string,
  options: { limit?: number; kind?: NewsKind } = {},
): Promise<NewsPost[]> {
  const rows = await scoped(db, agencyId).list(
    disclosureNews,
    options.kind ? eq(disclosureNews.kind, options.kind) : undefined,
    [desc(disclosureNews.publishedOn), desc(disclosureNews.createdAt)],
  );
  return rows.slice(0, options.limit ?? rows.length).map((r) => ({
    id: r.id,
    kind: r.kind,
    titleTh: r.titleTh,
    bodyHtml: r.bodyHtml,
    publishedOn: r.publishedOn,
    isDemo: r.isDemo,
    updatedAt: r.updatedAt,
  }));
}

/** Q&A, newest question first. */
export async function listQuestions(db: DbOrTx, agencyId: string) {
  return scoped(db, agencyId).list(disclosureQuestions, undefined, [
    desc(disclosureQuestions.askedOn),
  ]);
}

/** Laws and regulations, in the agency's order. */
export async function listLaws(db: DbOrTx, agencyId: string) {
  return scoped(db, agencyId).list(disclosureLaws, undefined, [disclosureLaws.sortOrder]);
}

/** Executives (political first, then civil service), with their photo's public path. */
export async function listExecutives(db: DbOrTx, agencyId: string) {
  const q = scoped(db, agencyId);
  const rows = await q.list(disclosureExecutives, undefined, [disclosureExecutives.sortOrder]);
  const photoIds = rows.flatMap((r) => (r.photoDocumentId ? [r.photoDocumentId] : []));
  const photos =
    photoIds.length === 0
      ? []
      : await q.list(disclosureDocuments, inArray(disclosureDocuments.id, photoIds));
  const photoById = new Map(photos.map((p) => [p.id, toPublicDocument(p)]));
  const branchOrder = { political: 0, civil_service: 1 } as const;
  return rows
    .map((r) => ({
      ...r,
      photo: r.photoDocumentId ? (photoById.get(r.photoDocumentId) ?? null) : null,
    }))
    .sort((a, b) => branchOrder[a.branch] - branchOrder[b.branch] || a.sortOrder - b.sortOrder);
}

/**
 * The newest fiscal year in which the agency has published anything, or null. The public OIT
 * index opens on it, so a visitor lands on the year the agency actually prepared rather than
 * on an empty newer framework year.
 */
export async function findLatestPublishedYear(
  db: DbOrTx,
  agencyId: string,
): Promise<number | null> {
  const [row] = await db
    .select({ year: max(disclosureEntries.fiscalYear) })
    .from(disclosureEntries)
    .where(scoped(db, agencyId).where(disclosureEntries, isNotNull(disclosureEntries.published)));
  return row?.year ?? null;
}

/** The newest fiscal year with any entry (draft or published) of the agency, or null. */
export async function findLatestEntryYear(db: DbOrTx, agencyId: string): Promise<number | null> {
  const [row] = await db
    .select({ year: max(disclosureEntries.fiscalYear) })
    .from(disclosureEntries)
    .where(scoped(db, agencyId).where(disclosureEntries));
  return row?.year ?? null;
}
