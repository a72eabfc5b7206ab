import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyOwned } from '../core/db/columns.js';
import { agencies } from '../core/agencies/schema.js';

/** draft → in_review → published; an executive approves (publishes) or sends back (draft). */
export const ENTRY_STATUSES = ['draft', 'in_review', 'published'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** A link an item shows, e.g. to a page of the agency's own older site. */
export interface EntryLink {
  label: string;
  href: string;
}

/** A small table an item carries, e.g. the monthly procurement summary (สขร.1) per month. */
export interface EntryTable {
  columns: string[];
  rows: string[][];
}

/** The content of an entry as the executive approved it: what the public site shows. */
export interface PublishedContent {
  contentHtml: string;
  links: EntryLink[];
  table: EntryTable | null;
  responsibleUnitId: string | null;
  publishDate: string | null;
  documentIds: string[];
  version: number;
}

/**
 * ข้อมูลที่เปิดเผย: what an agency publishes for one OIT item (o1…) of one fiscal year (พ.ศ.).
 * One row per (agency, year, item); every save also writes a `disclosureEntryVersions` row.
 */
export const disclosureEntries = pgTable(
  'disclosure_entries',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    /** Buddhist-era fiscal year, e.g. 2566. */
    fiscalYear: integer().notNull(),
    /** The framework's OIT item code of that year (o1…o43); the NACC renumbers yearly. */
    itemCode: text().notNull(),
    /** Sanitised HTML (see sanitize-rich-text.ts); never rendered unsanitised. */
    contentHtml: text().notNull().default(''),
    links: jsonb().$type<EntryLink[]>().notNull().default([]),
    table: jsonb().$type<EntryTable | null>(),
    /** disclosure_documents ids of the working copy, in display order. */
    documentIds: jsonb().$type<string[]>().notNull().default([]),
    /** core_units.id of the responsible unit (ผู้รับผิดชอบ); no FK: units may be deleted. */
    responsibleUnitId: uuid(),
    /** วันที่เผยแพร่ shown on the public page (date only, CE). */
    publishDate: date({ mode: 'string' }),
    status: text().$type<EntryStatus>().notNull().default('draft'),
    /** Latest version number (1, 2, …) written to disclosure_entry_versions. */
    version: integer().notNull().default(1),
    /** The executive's comment when sending back for changes. */
    reviewComment: text(),
    submittedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /**
     * The last approved content. Editing a published entry makes a new draft while the
     * public keeps seeing this until the executive approves again.
     */
    published: jsonb().$type<PublishedContent | null>(),
    publishedAt: timestamp({ withTimezone: true, mode: 'date' }),
    publishedByUserId: uuid(),
    /** Copied forward from this fiscal year's entry (new fiscal year flow). */
    carriedFromYear: integer(),
    /** Carried forward but the item needs current-year evidence: staff must renew it. */
    needsRenewal: boolean().notNull().default(false),
    /** Demo content (seed): the public page says so. */
    isDemo: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('disclosure_entries_item_key').on(t.agencyId, t.fiscalYear, t.itemCode),
  ],
);

/** ประวัติการแก้ไข: an immutable snapshot of an entry after each save or status change. */
export const disclosureEntryVersions = pgTable(
  'disclosure_entry_versions',
  {
    ...agencyOwned,
    entryId: uuid().notNull(),
    version: integer().notNull(),
    /** What happened: save, submit, approve, return, carry-forward, seed. */
    event: text().notNull(),
    status: text().$type<EntryStatus>().notNull(),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid(),
    actorLabel: text().notNull(),
    comment: text(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.entryId, t.version] })],
);

/**
 * เอกสารแนบ: an uploaded file. The bytes live once on disk by SHA-256
 * (`<dataDir>/files/ab/cd/<sha256>`); this row is the agency's reference with its own name.
 * `entryId` null = a file of a basic-information page (an executive's photo).
 */
export const disclosureDocuments = pgTable(
  'disclosure_documents',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    entryId: uuid(),
    sha256: text().notNull(),
    /** Sanitised display/download name (Thai kept). */
    fileName: text().notNull(),
    /** Sniffed from the bytes, not the client's claim. */
    mediaType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    label: text().notNull().default(''),
    /** The fiscal year the document belongs to (for "outdated"); null = unknown. */
    documentYear: integer(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    index('disclosure_documents_entry_idx').on(t.agencyId, t.entryId),
  ],
);

export const NEWS_KINDS = ['news', 'announcement'] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];

/** ข่าวประชาสัมพันธ์/ประกาศ (OIT o7): dated posts; the public site feeds them as RSS. */
export const disclosureNews = pgTable(
  'disclosure_news',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    kind: text().$type<NewsKind>().notNull().default('news'),
    titleTh: text().notNull(),
    bodyHtml: text().notNull().default(''),
    publishedOn: date({ mode: 'string' }).notNull(),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    index('disclosure_news_date_idx').on(t.agencyId, t.publishedOn),
  ],
);

/** ถาม-ตอบ (OIT o8): a question from the public and the agency's answer. */
export const disclosureQuestions = pgTable(
  'disclosure_questions',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    questionTh: text().notNull(),
    answerTh: text().notNull().default(''),
    askedOn: date({ mode: 'string' }).notNull(),
    answeredOn: date({ mode: 'string' }),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] })],
);

/** กฎหมายที่เกี่ยวข้อง (OIT o6): a law or regulation the agency works under. */
export const disclosureLaws = pgTable(
  'disclosure_laws',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    titleTh: text().notNull(),
    url: text(),
    categoryTh: text().notNull().default(''),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] })],
);

export const EXECUTIVE_BRANCHES = ['political', 'civil_service'] as const;
export type ExecutiveBranch = (typeof EXECUTIVE_BRANCHES)[number];

/** ผู้บริหาร (OIT o2): political (ฝ่ายการเมือง) and civil-service (ฝ่ายประจำ) executives. */
export const disclosureExecutives = pgTable(
  'disclosure_executives',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    nameTh: text().notNull(),
    positionTh: text().notNull(),
    branch: text().$type<ExecutiveBranch>().notNull(),
    phone: text(),
    email: text(),
    /** disclosure_documents.id of the photo (JPG/PNG). */
    photoDocumentId: uuid(),
    sortOrder: integer().notNull().default(0),
    isDemo: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] })],
);

/**
 * ดัชนีค้นหา: one page of the agency's public site as the search shows it. `href` is relative to
 * the site (`/news/<id>`), so a new slug needs no reindex. `source` says how the row is kept
 * current: `news` and `qa` rows are written in the same transaction as the post; `site` rows
 * (OIT items with other modules' feeds, structure, contact…) are rebuilt lazily from what the
 * public pages compute (see refresh-site-search.ts).
 */
export const disclosureSearchDocuments = pgTable(
  'disclosure_search_documents',
  {
    ...agencyOwned,
    href: text().notNull(),
    source: text().notNull(),
    /** Section of the result (`news`, `qa`, `oit:2566`…), labelled in the visitor's language. */
    sectionKey: text().notNull(),
    /** Results with equal scores keep the site's order: this key, ascending. */
    sortKey: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** The title's and body's words (Intl.Segmenter), space-separated: a hit is not re-cut. */
    titleWords: text().notNull(),
    bodyWords: text().notNull(),
    /** SHA-256 of what is indexed: an unchanged page is not re-segmented. */
    contentHash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.href] }),
    index('disclosure_search_documents_source_idx').on(t.agencyId, t.source),
  ],
);

/**
 * คำในดัชนี: a normalised word (Intl.Segmenter 'th') of a search document's title or body, once
 * per document. A query is answered by this primary key: all its words, then the few candidate
 * documents are checked in JS.
 */
export const disclosureSearchTerms = pgTable(
  'disclosure_search_terms',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    word: text().notNull(),
    href: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.word, t.href] })],
);

/**
 * คลังคำ: every word the agency's index has held. A query chunk of 4+ letters that the
 * segmenter cuts differently than the page did (งบ|ประมาณ against ปีงบประมาณ) is looked up
 * here by substring, then through the terms. Words are never removed: a stale one matches no
 * page.
 */
export const disclosureSearchWords = pgTable(
  'disclosure_search_words',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    word: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.word] })],
);

/** When a lazily rebuilt source was last checked, and whether a write has made it stale. */
export const disclosureSearchSources = pgTable(
  'disclosure_search_sources',
  {
    ...agencyOwned,
    source: text().notNull(),
    contentHash: text(),
    isStale: boolean().notNull().default(true),
    /** Bumped by every write that marks the source stale: a rebuild clears only its own mark. */
    generation: integer().notNull().default(0),
    checkedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.source] })],
);

/**
 * การแจ้งเตือนกำหนดส่งข้อมูล OIT: one deadline e-mail sent to one address on one (Bangkok) day,
 * so a cron or a second click on the dashboard the same day sends nothing twice.
 */
export const disclosureRemindersSent = pgTable(
  'disclosure_reminders_sent',
  {
    ...agencyOwned,
    sentOn: date({ mode: 'string' }).notNull(),
    recipient: text().notNull(),
    fiscalYear: integer().notNull(),
    /** The OIT item codes the message listed. */
    itemCodes: jsonb().$type<string[]>().notNull(),
    sentAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.sentOn, t.recipient] })],
);
