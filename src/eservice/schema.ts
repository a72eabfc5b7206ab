import {
  boolean,
  foreignKey,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencyOwned } from '../core/db/columns.js';
import type { Manual } from './manual.js';

const instant = () => timestamp({ withTimezone: true, mode: 'date' });

/**
 * งานบริการ: one service the agency offers (a licence, a registration, a notification…). Its
 * manual lives in revisions; `currentRevision` is the one the public sees. `code` is stable,
 * the service's address on the public site and its Open311 service_code.
 */
export const eserviceServices = pgTable(
  'eservice_services',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    code: text().notNull(),
    currentRevision: integer().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('eservice_services_code_key').on(t.agencyId, t.code),
  ],
);

/**
 * คู่มือสำหรับประชาชน (ฉบับที่ n): one revision of a service's manual, never edited once saved
 * (a save writes the next revision), so the public page can say what an improvement changed.
 * The leaflet files are the revision's published bytes (STYLE.md: published means frozen).
 */
export const eserviceManualRevisions = pgTable(
  'eservice_manual_revisions',
  {
    ...agencyOwned,
    serviceId: uuid().notNull(),
    revision: integer().notNull(),
    manual: jsonb().$type<Manual>().notNull(),
    /** What this revision changed, in the editor's words. */
    changeNote: text().notNull().default(''),
    createdBy: uuid(),
    leafletPdfSha256: text(),
    leafletDocxSha256: text(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.serviceId, t.revision] }),
    foreignKey({
      columns: [t.agencyId, t.serviceId],
      foreignColumns: [eserviceServices.agencyId, eserviceServices.id],
    }).onDelete('cascade'),
  ],
);

export const REQUEST_STATUSES = [
  'queued',
  'in_progress',
  'waiting_documents',
  'completed',
  'rejected',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * คำขอรับบริการ: one citizen's request, filed online or entered by staff at the counter; both
 * wait in the same queue and run on the same clock. `queuedAt` is the queue order (first come,
 * first served); a missing-documents request (ม.8 of the Licensing Facilitation Act: once only)
 * is `documentsRequestedAt`.
 */
export const eserviceRequests = pgTable(
  'eservice_requests',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    serviceId: uuid().notNull(),
    revision: integer().notNull(),
    trackingCode: text().notNull(),
    channel: text({ enum: ['online', 'counter', 'open311'] }).notNull(),
    requesterName: text().notNull(),
    contactEmail: text(),
    contactPhone: text(),
    details: text().notNull().default(''),
    status: text({ enum: REQUEST_STATUSES }).notNull().default('queued'),
    queuedAt: instant().notNull(),
    dueAt: instant().notNull(),
    takenBy: uuid(),
    takenAt: instant(),
    documentsRequestedAt: instant(),
    documentsRequestNote: text(),
    completedAt: instant(),
    resultNote: text(),
    satisfactionAnsweredAt: instant(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('eservice_requests_tracking_key').on(t.agencyId, t.trackingCode),
    index('eservice_requests_queue_idx').on(t.agencyId, t.serviceId, t.status, t.queuedAt),
    foreignKey({
      columns: [t.agencyId, t.serviceId, t.revision],
      foreignColumns: [
        eserviceManualRevisions.agencyId,
        eserviceManualRevisions.serviceId,
        eserviceManualRevisions.revision,
      ],
    }),
  ],
);

/** ขั้นตอนของคำขอ: a manual step copied onto a request with its due instant. */
export const eserviceRequestSteps = pgTable(
  'eservice_request_steps',
  {
    ...agencyOwned,
    requestId: uuid().notNull(),
    position: smallint().notNull(),
    title: text().notNull(),
    unitId: uuid(),
    dueAt: instant().notNull(),
    closedAt: instant(),
    closedBy: uuid(),
    note: text(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.requestId, t.position] }),
    foreignKey({
      columns: [t.agencyId, t.requestId],
      foreignColumns: [eserviceRequests.agencyId, eserviceRequests.id],
    }).onDelete('cascade'),
  ],
);

/** เอกสารแนบของคำขอ: a file sent with a request, for one line of the manual's document list. */
export const eserviceRequestFiles = pgTable(
  'eservice_request_files',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    requestId: uuid().notNull(),
    documentIndex: smallint().notNull(),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.requestId],
      foreignColumns: [eserviceRequests.agencyId, eserviceRequests.id],
    }).onDelete('cascade'),
  ],
);

export const DISCRETION_KINDS = ['out_of_order', 'skip', 'extension', 'overdue'] as const;
export type DiscretionKind = (typeof DISCRETION_KINDS)[number];

/**
 * การใช้ดุลพินิจ: a departure from the queue or the clock (a take out of order, a skip, a deadline
 * extension) with the officer's written reason, or a step found overdue. The executive's
 * discretion report counts these per officer, unit, service and month.
 */
export const eserviceDiscretionEvents = pgTable(
  'eservice_discretion_events',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    kind: text({ enum: DISCRETION_KINDS }).notNull(),
    requestId: uuid().notNull(),
    serviceId: uuid().notNull(),
    officerId: uuid(),
    unitId: uuid(),
    reason: text().notNull().default(''),
    at: instant().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    index('eservice_discretion_at_idx').on(t.agencyId, t.at),
  ],
);

/**
 * วันหยุดของหน่วยงาน: the agency's own holiday calendar, kept as data per year (national
 * holidays copied from the shipped list, cabinet special days, agency days). `isClosed=false`
 * marks a listed holiday on which the agency serves anyway (ครม.: units serving the public may open).
 */
export const eserviceHolidays = pgTable(
  'eservice_holidays',
  {
    ...agencyOwned,
    day: date({ mode: 'string' }).notNull(),
    name: text().notNull(),
    kind: text({ enum: ['national', 'substitution', 'special', 'agency'] }).notNull(),
    isClosed: boolean().notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);

/** หนังสือแจ้ง: a notice sent for a request (delay every 7 days, escalation to the unit head). */
export const eserviceNotices = pgTable(
  'eservice_notices',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    requestId: uuid().notNull(),
    kind: text({ enum: ['delay', 'escalation'] }).notNull(),
    /** Which 7-day period past the limit this notice is for (1, 2, …): one notice per period. */
    period: integer().notNull(),
    sentAt: instant().notNull(),
    isEmailed: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('eservice_notices_period_key').on(t.agencyId, t.requestId, t.kind, t.period),
    foreignKey({
      columns: [t.agencyId, t.requestId],
      foreignColumns: [eserviceRequests.agencyId, eserviceRequests.id],
    }).onDelete('cascade'),
  ],
);

/**
 * แบบประเมินความพึงพอใจ: one answer, stored with its service and month only: no request id,
 * so a published figure can never be traced back to a person. The request keeps only when
 * it was answered (once per request).
 */
export const eserviceSatisfaction = pgTable(
  'eservice_satisfaction',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    serviceId: uuid().notNull(),
    month: text().notNull(),
    process: smallint().notNull(),
    time: smallint().notNull(),
    staff: smallint().notNull(),
    outcome: smallint().notNull(),
    comment: text().notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] })],
);

/**
 * กุญแจ API: a key an agency admin issues to an Open311 client so it may file requests. Only
 * the SHA-256 of the key is kept; a revoked key stays listed (who had access, and until when).
 */
export const eserviceApiKeys = pgTable(
  'eservice_api_keys',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    label: text().notNull(),
    keyHash: text().notNull(),
    revokedAt: instant(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('eservice_api_keys_hash_key').on(t.keyHash),
  ],
);
