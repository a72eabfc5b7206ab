import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { createMailer } from '../core/mail/index.js';
import { agencies, staff } from '../core/agencies/schema.js';
import { users } from '../core/auth/schema.js';
import { OPEN_ACTION_STATUSES, actions, measures, remindersSent } from './schema.js';
import { addDays, bangkokToday } from './fiscal-dates.js';

/** Days before the due date that the "due soon" reminder goes out. */
export const DUE_SOON_DAYS = 7;

export interface RemindOptions {
  smtpUrl: string;
  mailFrom: string;
  now: Date;
  /** Only this agency (by slug); all agencies when absent. */
  agencySlug?: string;
  baseUrl?: string;
}

/**
 * Sends reminder e-mails for unfinished actions due within DUE_SOON_DAYS and for overdue ones,
 * to the named officer, or to the unit's staff when none is named. Idempotent: one reminder per
 * action, kind, due date and recipient (the log's primary key), so a cron can call it hourly.
 * The log row is written only after the server accepted the message.
 */
export async function sendReminders(db: Db, options: RemindOptions) {
  const today = bangkokToday(options.now);
  const soon = addDays(today, DUE_SOON_DAYS);
  const mailer = createMailer({ smtpUrl: options.smtpUrl, mailFrom: options.mailFrom });
  const agencyRows = await db
    .select()
    .from(agencies)
    .where(options.agencySlug ? eq(agencies.slug, options.agencySlug) : undefined);
  let sent = 0;
  let skipped = 0;
  /** Agency id → what was sent for it, for the scheduled run's record. */
  const byAgency: Record<string, { sent: number; skipped: number }> = {};
  try {
    for (const agency of agencyRows) {
      const open = await db
        .select({ action: actions, measureTitle: measures.title })
        .from(actions)
        .innerJoin(
          measures,
          and(eq(measures.agencyId, actions.agencyId), eq(measures.id, actions.measureId)),
        )
        .where(
          and(eq(actions.agencyId, agency.id), inArray(actions.status, [...OPEN_ACTION_STATUSES])),
        );
      const due = open.filter(({ action }) => action.dueDate <= soon);
      if (due.length === 0) continue;
      const people = await db
        .select({
          userId: staff.userId,
          unitId: staff.unitId,
          email: users.email,
          name: users.displayName,
        })
        .from(staff)
        .innerJoin(users, eq(users.id, staff.userId))
        .where(eq(staff.agencyId, agency.id));
      const logged = await db
        .select()
        .from(remindersSent)
        .where(
          and(
            eq(remindersSent.agencyId, agency.id),
            inArray(
              remindersSent.actionId,
              due.map((d) => d.action.id),
            ),
          ),
        );
      const done = new Set(
        logged.map((r) => `${r.actionId}|${r.kind}|${r.dueDate}|${r.recipient}`),
      );
      for (const { action, measureTitle } of due) {
        const kind = action.dueDate < today ? 'overdue' : 'due_soon';
        const recipients = action.officerUserId
          ? people.filter((p) => p.userId === action.officerUserId)
          : people.filter((p) => p.unitId === action.unitId);
        for (const person of recipients) {
          const key = `${action.id}|${kind}|${action.dueDate}|${person.email}`;
          if (done.has(key)) {
            skipped++;
            (byAgency[agency.id] ??= { sent: 0, skipped: 0 }).skipped++;
            continue;
          }
          const link = `${options.baseUrl ?? ''}/staff/measures/actions/${action.id}`;
          const subject =
            kind === 'overdue'
              ? `[${agency.nameTh}] เลยกำหนด: ${action.stepText.slice(0, 60)}`
              : `[${agency.nameTh}] ใกล้ครบกำหนด ${action.dueDate}: ${action.stepText.slice(0, 60)}`;
          await mailer.send({
            to: person.email,
            subject,
            text:
              `เรียน ${person.name}\n\n` +
              `มาตรการ: ${measureTitle}\nขั้นตอน: ${action.stepText}\n` +
              `ครบกำหนด: ${action.dueDate} ความก้าวหน้า: ${action.percent}%\n` +
              (kind === 'overdue'
                ? 'ขั้นตอนนี้เลยกำหนดแล้ว กรุณารายงานความก้าวหน้า\n'
                : 'กรุณารายงานความก้าวหน้าก่อนครบกำหนด\n') +
              `\n${link}\n`,
          });
          await db
            .insert(remindersSent)
            .values({
              agencyId: agency.id,
              actionId: action.id,
              kind,
              dueDate: action.dueDate,
              recipient: person.email,
              sentAt: options.now,
            })
            .onConflictDoNothing();
          sent++;
          (byAgency[agency.id] ??= { sent: 0, skipped: 0 }).sent++;
        }
      }
    }
  } finally {
    mailer.close();
  }
  return { sent, skipped, byAgency };
}
