import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies } from '../core/agencies/schema.js';
import { agencyOwned } from '../core/db/columns.js';

/** A custom extra question (คำถามเพิ่มเติม), e.g. service satisfaction; never part of ITA scores. */
export interface ExtraQuestion {
  code: string;
  textTh: string;
  /** 'four-level' offers the framework's four-level scale; 'text' a free comment. */
  kind: 'four-level' | 'text';
}

/** The answers of one respondent: question code → option value (or one per sub-item). */
export type StoredAnswers = Record<string, string | string[]>;

/** แบบวัด IIT/EIT ที่หน่วยงานเปิดเอง (pre-assessment campaign) for one fiscal year and tool. */
export const surveyCampaigns = pgTable(
  'surveys_campaigns',
  {
    ...agencyOwned,
    id: uuid().notNull().defaultRandom(),
    fiscalYear: integer().notNull(),
    tool: text().$type<'IIT' | 'EIT'>().notNull(),
    titleTh: text().notNull(),
    opensOn: date({ mode: 'string' }).notNull(),
    closesOn: date({ mode: 'string' }).notNull(),
    extraQuestions: jsonb().$type<ExtraQuestion[]>().notNull().default([]),
    /**
     * จำนวนผู้มีส่วนได้ส่วนเสีย, the headcount the minimum sample is computed from (IIT: staff
     * who have worked here for at least a year; EIT: service users, estimated). The agency may
     * not know it when opening the survey, so it is optional and editable afterwards.
     */
    stakeholderPopulation: integer(),
    /**
     * The agency's own wording of framework questions (code → text), set before the campaign
     * opens; a question not listed reads the framework's wording.
     */
    questionWording: jsonb().$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    check('surveys_campaigns_stakeholder_population_check', sql`${t.stakeholderPopulation} >= 0`),
  ],
);

/**
 * รหัสเข้าตอบ (IIT access code). Only a keyed hash is kept (the key is outside the database,
 * docs/decisions/0005), and nothing here is ever joined to an answer: spending a code flips
 * `used` in the same transaction that stores an answer sharing no value with it.
 */
export const surveyAccessCodes = pgTable(
  'surveys_access_codes',
  {
    ...agencyOwned,
    campaignId: uuid().notNull(),
    codeHash: text().notNull(),
    used: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.codeHash] }), index().on(t.agencyId, t.campaignId)],
);

/**
 * คำตอบ: one anonymous answer. Deliberately NOT `agencyOwned`: that spreads exact created/updated
 * timestamps, which could be matched to who was at the counter. Only the date is kept, no code,
 * no address, no user agent. `submissionKey` is a random value chosen by the respondent's own
 * draft, so a retried POST (after a crash) is recognised and not counted twice.
 */
export const surveyResponses = pgTable(
  'surveys_responses',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    campaignId: uuid().notNull(),
    answeredOn: date({ mode: 'string' }).notNull(),
    /** ช่องทาง: counter, website, facebook, line, qr, other (coarse category only). */
    channel: text().notNull(),
    answers: jsonb().$type<StoredAnswers>().notNull(),
    extraAnswers: jsonb().$type<Record<string, string>>().notNull().default({}),
    submissionKey: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    uniqueIndex('surveys_responses_submission_key').on(t.agencyId, t.campaignId, t.submissionKey),
    index().on(t.agencyId, t.campaignId, t.answeredOn),
  ],
);

/**
 * ร่างคำตอบ: a half-finished survey, found by the hash of a random cookie token; no identity.
 * Deleted when the survey is submitted (same transaction) or after it expires.
 */
export const surveyDrafts = pgTable(
  'surveys_drafts',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    campaignId: uuid().notNull(),
    channel: text().notNull(),
    answers: jsonb().$type<StoredAnswers>().notNull().default({}),
    extraAnswers: jsonb().$type<Record<string, string>>().notNull().default({}),
    submissionKey: text().notNull(),
    expiresOn: date({ mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.tokenHash] }),
    index('surveys_drafts_expiry').on(t.expiresOn),
  ],
);

/*
 * Abuse control of the open EIT link (abuse-control.ts), shared by every server of the
 * installation. The migration creates these tables UNLOGGED: never written to the WAL, so
 * never in a replica or a WAL archive, emptied by a crash, and left out of `prongsai backup`.
 * No address is stored, only keyed hashes; the day's key is deleted the next day.
 */

/** The day's random secret that keys client-address hashes (one row per Bangkok day). */
export const surveysAbuseSecrets = pgTable('surveys_abuse_secrets', {
  day: text().primaryKey(),
  secret: text().notNull(),
});

/** Attempts per keyed client hash in the current hour's window. */
export const surveysAbuseHits = pgTable('surveys_abuse_hits', {
  clientKey: text().primaryKey(),
  windowStartMs: bigint({ mode: 'number' }).notNull(),
  count: integer().notNull(),
});

/** Recent answer fingerprints (keyed client hash + answers digest), for duplicate detection. */
export const surveysAbuseFingerprints = pgTable('surveys_abuse_fingerprints', {
  fingerprint: text().primaryKey(),
  seenAtMs: bigint({ mode: 'number' }).notNull(),
});
