import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { agencies } from '../core/agencies/schema.js';
import { agencyOwned } from '../core/db/columns.js';

/** เรื่องราวร้องทุกข์ (grievance) or เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (corruption). */
export const COMPLAINT_KINDS = ['grievance', 'corruption'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/**
 * How a complaint came in: the public site, staff entering a counter visit, a call or a
 * letter, or forwarded by a national channel (thai-rules §2: 1111, ศูนย์ดำรงธรรม, ป.ป.ท.,
 * ป.ป.ช.) or another agency with that channel's reference number, or a Traffy-style webhook.
 */
export const COMPLAINT_CHANNELS = [
  'web',
  'counter',
  'phone',
  'letter',
  'gov1111',
  'damrongdham',
  'pacc',
  'nacc',
  'other_agency',
  'traffy',
] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
/** Channels whose cases arrive with the sender's reference number. */
export const FORWARDING_CHANNELS: readonly ComplaintChannel[] = [
  'gov1111',
  'damrongdham',
  'pacc',
  'nacc',
  'other_agency',
  'traffy',
];

/** The type of conduct or matter, for the statistics the OIT asks for (by type of conduct). */
export const CONDUCT_TYPES = [
  'bribery',
  'procurement',
  'abuse_of_power',
  'misconduct',
  'public_service',
  'infrastructure',
  'nuisance',
  'other',
] as const;
export type ConductType = (typeof CONDUCT_TYPES)[number];

/**
 * The steps of a case: received → acknowledged → assigned → fact-finding → outcome →
 * replied; `forwarded` and `out_of_scope` end a case early, each with its reason.
 */
export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'assigned',
  'fact_finding',
  'outcome',
  'replied',
  'forwarded',
  'out_of_scope',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const CLOSED_STATUSES: readonly ComplaintStatus[] = ['replied', 'forwarded', 'out_of_scope'];

/**
 * เรื่องร้องเรียน: one complaint. No timestamps: a public filing keeps its date only (no exact
 * time, address or browser is kept, so the row cannot be matched with a server or proxy log).
 * Who filed it is not here: a named complainant's identity is in complaints_identities,
 * encrypted for the committee; `receiptHash` is SHA-256 of the receipt shown once.
 */
export const complaints = pgTable(
  'complaints',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    /** Running number per agency, shown to staff as the case number. */
    caseNumber: integer().notNull(),
    kind: text().$type<ComplaintKind>().notNull(),
    channel: text().$type<ComplaintChannel>().notNull(),
    /** The forwarding channel's own reference (1111 case number, Traffy ticket id…). */
    channelReference: text(),
    conductType: text().$type<ConductType>().notNull(),
    subject: text().notNull(),
    details: text().notNull(),
    /** Where it happened, as the complainant wrote it (a place, never their address). */
    location: text().notNull().default(''),
    /** Who is complained about, as written (name, position); officers are linked below. */
    accusedText: text().notNull().default(''),
    /** Staff user ids named in the complaint: the case is invisible to each of them. */
    accusedUserIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    isAnonymous: boolean().notNull(),
    receiptHash: text().notNull(),
    status: text().$type<ComplaintStatus>().notNull().default('received'),
    receivedOn: date({ mode: 'string' }).notNull(),
    /** Date of the last step, and when the next step is due (the clock). */
    stepOn: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }),
    /** Set by the escalation job the day the clock ran out; cleared by the next step. */
    escalatedOn: date({ mode: 'string' }),
    closedOn: date({ mode: 'string' }),
    assigneeUserId: uuid(),
    /** ผลการพิจารณา and the reply sent to the complainant. */
    outcome: text().notNull().default(''),
    reply: text().notNull().default(''),
    /** Why a case was forwarded (and to whom) or closed as out of scope. */
    closingReason: text().notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('complaints_case_number_key').on(t.agencyId, t.caseNumber),
    uniqueIndex('complaints_receipt_key').on(t.agencyId, t.receiptHash),
    uniqueIndex('complaints_channel_reference_key')
      .on(t.agencyId, t.channel, t.channelReference)
      .where(sql`${t.channelReference} is not null`),
    index('complaints_open_idx').on(t.agencyId, t.status, t.dueOn),
    check(
      'complaints_status_check',
      sql`${t.status} in ('received','acknowledged','assigned','fact_finding','outcome','replied','forwarded','out_of_scope')`,
    ),
    check('complaints_kind_check', sql`${t.kind} in ('grievance','corruption')`),
  ],
);

/**
 * A named complainant's name and contacts, sealed to the agency's committee key (X25519 +
 * AES-256-GCM, see complaint-crypto.ts): the database holds ciphertext only.
 */
export const complaintIdentities = pgTable(
  'complaints_identities',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    complaintId: uuid().notNull(),
    sealed: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.complaintId] })],
);

/**
 * คณะกรรมการ/ศูนย์รับเรื่องร้องเรียน of an agency: its public key, the private key wrapped for
 * the admission secret (decision 0008), the appointing order and the per-step deadlines.
 */
export const complaintSettings = pgTable('complaints_settings', {
  agencyId: uuid()
    .primaryKey()
    .references(() => agencies.id, { onDelete: 'cascade' }),
  publicKey: text().notNull(),
  admissionWrappedKey: text().notNull(),
  /** Days from receipt by which each step must be reached, per kind (settings, not code). */
  deadlines: jsonb().$type<DeadlineSettings>().notNull(),
  orderNumber: text().notNull().default(''),
  orderDate: date({ mode: 'string' }),
  /** SHA-256 of the webhook token, and where status changes of webhook cases are reported. */
  webhookTokenHash: text(),
  webhookCallbackUrl: text(),
  caseCounter: integer().notNull().default(0),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type StepDeadlines = Record<
  'acknowledged' | 'assigned' | 'fact_finding' | 'outcome' | 'replied',
  number
>;
export type DeadlineSettings = Record<ComplaintKind, StepDeadlines>;

export const COMMITTEE_ROLES = ['chair', 'member', 'secretary', 'investigator'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** A committee member with the committee's private key wrapped for them alone. */
export const committeeMembers = pgTable(
  'complaints_committee_members',
  {
    ...agencyOwned,
    userId: uuid().notNull(),
    role: text().$type<CommitteeRole>().notNull(),
    wrappedKey: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.userId] })],
);

/** Internal notes: staff only, never shown to the complainant. */
export const complaintNotes = pgTable(
  'complaints_notes',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    complaintId: uuid().notNull(),
    authorUserId: uuid(),
    body: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] }), index().on(t.agencyId, t.complaintId)],
);

/**
 * Messages between the centre and the complainant (by receipt). Dated, not timed: a
 * complainant's message is a public filing too.
 */
export const complaintMessages = pgTable(
  'complaints_messages',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    complaintId: uuid().notNull(),
    seq: integer().notNull(),
    fromCentre: boolean().notNull(),
    body: text().notNull(),
    sentOn: date({ mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('complaints_messages_seq_key').on(t.agencyId, t.complaintId, t.seq),
  ],
);

/** Evidence: the complainant's files (metadata stripped) and the staff's fact-finding files. */
export const complaintFiles = pgTable(
  'complaints_files',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    complaintId: uuid().notNull(),
    fromComplainant: boolean().notNull(),
    sha256: text().notNull(),
    mediaType: text().notNull(),
    fileName: text().notNull(),
    sizeBytes: integer().notNull(),
    addedOn: date({ mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.id] }), index().on(t.agencyId, t.complaintId)],
);

/** Each step taken, with its reason: the case history the complainant and staff see. */
export const complaintSteps = pgTable(
  'complaints_steps',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    complaintId: uuid().notNull(),
    status: text().$type<ComplaintStatus>().notNull(),
    reason: text().notNull().default(''),
    takenOn: date({ mode: 'string' }).notNull(),
    seq: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('complaints_steps_seq_key').on(t.agencyId, t.complaintId, t.seq),
  ],
);
