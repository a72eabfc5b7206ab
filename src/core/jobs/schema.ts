import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One run of a scheduled job: the row IS the claim. Every server computes the same slots from
 * the same schedule, and the primary key (job, slot) lets exactly one of them insert the row,
 * in the statement that starts the run; the others see the conflict and skip that slot.
 * A run whose server died (lease expired while still `running`) is taken over by the next
 * scheduler that looks, as another attempt.
 */
export const jobRuns = pgTable(
  'core_job_runs',
  {
    job: text().notNull(),
    /** The scheduled instant (a manual run: the moment it was asked for). */
    slot: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    trigger: text().$type<'schedule' | 'manual'>().notNull(),
    status: text().$type<'running' | 'succeeded' | 'failed'>().notNull(),
    attempts: integer().notNull(),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** Until when the runner holds the slot; past it, another scheduler may take the run over. */
    leaseUntil: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    /** host:pid of the process that ran (or runs) it, or `cli`. */
    runner: text().notNull(),
    summary: text(),
    byAgency: jsonb().$type<Record<string, string>>(),
    /** The last attempt's error message (no stack: it is shown on the admin page). */
    error: text(),
  },
  (t) => [
    primaryKey({ columns: [t.job, t.slot] }),
    index('core_job_runs_started_at_idx').on(t.startedAt),
  ],
);

export type JobRunRow = typeof jobRuns.$inferSelect;
