import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * บันทึกการตรวจสอบ: one staff write. Append-only and hash-chained per agency: `hash` covers
 * the row and the previous row's hash, so editing or deleting any row breaks the chain
 * (`prongsai audit verify`). Instance-level events use the nil UUID as their agency.
 */
export const auditLog = pgTable(
  'core_audit_log',
  {
    agencyId: uuid().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    at: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.seq] }),
    index('core_audit_log_entity_idx').on(t.agencyId, t.entityType, t.entityId),
  ],
);

/** The tip of each agency's chain, so that deleting the newest rows is detected too. */
export const auditHeads = pgTable('core_audit_heads', {
  agencyId: uuid().primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
  hash: text().notNull(),
});
