import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import type { ModuleManifest } from '../core/module.js';
import { staff, units, type StaffRole } from '../core/agencies/schema.js';
import { users } from '../core/auth/schema.js';
import { z } from 'zod';
import {
  BUDDHIST_YEAR_MAX,
  BUDDHIST_YEAR_MIN,
  currentFiscalYear,
  formatThaiDate,
} from '../core/i18n/thai-format.js';
import { typedNumber } from '../core/validation/typed-number.js';
import { createMailer, isMailConfigured, type MailConfig } from '../core/mail/index.js';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { disclosureRemindersSent } from './schema.js';
import { estimateReadiness, type ReadinessStatus } from './estimate-readiness.js';
import { findDisclosureYearData } from './load-year-data.js';
import { readOitYear } from './collect-search-documents.js';
import { disclosurePublicContent } from './read-public-content.js';
import { findAgencyBySlug } from '../core/agencies/find-agency.js';
import { assertCan, DISCLOSURE_PERMISSIONS } from './permissions.js';

/** Reminders start this many days before the NACC's assessment window opens. */
export const REMIND_DAYS_BEFORE = 30;

/** Items that still need work from their unit before the window opens. */
const PENDING: readonly ReadinessStatus[] = ['missing', 'draft', 'outdated'];
const STATUS_TH: Record<ReadinessStatus, string> = {
  missing: 'ยังไม่มีข้อมูล',
  draft: 'ฉบับร่าง ยังไม่ส่งอนุมัติ',
  in_review: 'รออนุมัติ',
  published: 'เผยแพร่แล้ว',
  outdated: 'ไม่เป็นปัจจุบัน',
};
const EDITOR_ROLES: readonly StaffRole[] = DISCLOSURE_PERMISSIONS['disclosure.edit'];

export interface DisclosureReminder {
  recipient: string;
  name: string;
  /** The unit whose items are listed; null = unassigned items (sent to agency admins). */
  unitName: string | null;
  items: { code: string; nameTh: string; status: ReadinessStatus }[];
  subject: string;
  text: string;
  /** Already sent to this address today: skipped. */
  isAlreadySent: boolean;
}

export interface DisclosureRemindersResult {
  fiscalYear: number;
  /** Why nothing was planned: no window in feeds/fy<year>.json, or not within the days before it. */
  notDue?: 'noWindow' | 'notYet' | 'windowOpened';
  reminders: DisclosureReminder[];
  sent: number;
  skipped: number;
}

export interface SendDisclosureRemindersOptions {
  mail: MailConfig;
  now: Date;
  /** e.g. https://prongsai.example.go.th; links are relative without it. */
  baseUrl?: string | undefined;
  /** Plan and report, send and record nothing. */
  isDryRun?: boolean;
  /** Send even outside the REMIND_DAYS_BEFORE days, or with no window known (the button). */
  isForced?: boolean;
  /** The fiscal year to remind about (default: the one `now` falls in). */
  fiscalYear?: number;
  /** The app's modules, whose feeds fill items (passed in: createApp's list, or the CLI's). */
  modules: readonly ModuleManifest[];
}

const DAY = 24 * 60 * 60 * 1000;
/** yyyy-mm-dd of an instant on the Bangkok calendar (UTC+7, no DST). */
function bangkokDay(date: Date): string {
  return new Date(date.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
const thaiDay = (isoDate: string) => formatThaiDate(new Date(`${isoDate}T12:00:00+07:00`));

/**
 * E-mails each responsible unit's editors (unit officers of that unit; agency admins for items
 * with no unit, or a unit with no editor) the OIT items of the current fiscal year still
 * missing, in draft or outdated, with links to the staff form, from REMIND_DAYS_BEFORE days
 * before the assessment window (feeds/fy<year>.json) until it opens. Idempotent per address
 * and Bangkok day: a log row is written once the SMTP server accepted the message.
 */
export async function sendDisclosureReminders(
  db: DbOrTx,
  agency: { id: string; slug: string; nameTh: string },
  options: SendDisclosureRemindersOptions,
): Promise<DisclosureRemindersResult> {
  const fiscalYear = options.fiscalYear ?? currentFiscalYear(options.now);
  const result: DisclosureRemindersResult = { fiscalYear, reminders: [], sent: 0, skipped: 0 };
  const window = findDisclosureYearData(fiscalYear)?.assessmentWindow;
  const today = bangkokDay(options.now);
  const daysToOpen = window
    ? Math.ceil((Date.parse(`${window.opensOn}T00:00:00+07:00`) - options.now.getTime()) / DAY)
    : null;
  if (!options.isForced) {
    if (!window || daysToOpen === null) return { ...result, notDue: 'noWindow' };
    if (daysToOpen > REMIND_DAYS_BEFORE) return { ...result, notDue: 'notYet' };
    if (today >= window.opensOn) return { ...result, notDue: 'windowOpened' };
  }

  // The items are judged as the public index and the staff pages judge them (one status per
  // item): other modules' feeds and the site's own pages both count, so a reminder never
  // lists as missing an item that citizens already see filled.
  const agencyRow = await findAgencyBySlug(db, agency.slug);
  const fedByCode = agencyRow
    ? (
        await readOitYear(
          {
            q: { db: db as never, agencyId: agency.id, agencySlug: agency.slug },
            agency: agencyRow,
            content: disclosurePublicContent,
            modules: options.modules,
            now: options.now,
          },
          fiscalYear,
        )
      ).fedByCode
    : new Map();
  const readiness = await estimateReadiness(db, agency.id, fiscalYear, {
    now: options.now,
    fed: fedByCode,
  });
  const pending = readiness.items.filter((i) => PENDING.includes(i.status));
  if (pending.length === 0) return result;

  const people = await db
    .select({
      email: users.email,
      name: users.displayName,
      unitId: staff.unitId,
      roles: staff.roles,
    })
    .from(staff)
    .innerJoin(users, eq(users.id, staff.userId))
    .where(eq(staff.agencyId, agency.id));
  const unitRows = await db.select().from(units).where(eq(units.agencyId, agency.id));
  const unitName = new Map(unitRows.map((u) => [u.id, u.nameTh]));
  const admins = people.filter((p) => p.roles.includes('agency_admin'));
  const editorsOf = (unitId: string) =>
    people.filter((p) => p.unitId === unitId && p.roles.some((r) => EDITOR_ROLES.includes(r)));

  // recipient → items; a person in two roles (admin of unassigned items and officer of a unit)
  // gets one message listing both.
  const byRecipient = new Map<
    string,
    { name: string; unitName: string | null; items: typeof pending }
  >();
  for (const item of pending) {
    const unitId = item.responsibleUnitId;
    const editors = unitId ? editorsOf(unitId) : [];
    for (const person of editors.length > 0 ? editors : admins) {
      const entry = byRecipient.get(person.email) ?? {
        name: person.name,
        unitName: unitId && editors.length > 0 ? (unitName.get(unitId) ?? null) : null,
        items: [],
      };
      entry.items.push(item);
      byRecipient.set(person.email, entry);
    }
  }
  const logged = await db
    .select({ recipient: disclosureRemindersSent.recipient })
    .from(disclosureRemindersSent)
    .where(
      and(
        eq(disclosureRemindersSent.agencyId, agency.id),
        eq(disclosureRemindersSent.sentOn, today),
      ),
    );
  const sentToday = new Set(logged.map((l) => l.recipient));
  const base = options.baseUrl?.replace(/\/$/, '') ?? '';
  const when = !window
    ? `ยังไม่ได้กำหนดช่วงการประเมิน OIT ของปีงบประมาณ ${fiscalYear}`
    : daysToOpen !== null && daysToOpen > 0
      ? `อีก ${daysToOpen} วัน ระบบประเมิน OIT ของ ป.ป.ช. จะเปิดในวันที่ ${thaiDay(window.opensOn)}`
      : `ช่วงการประเมิน OIT: ${thaiDay(window.opensOn)} ถึง ${thaiDay(window.closesOn)}`;
  for (const [recipient, entry] of byRecipient) {
    const lines = entry.items.map(
      (i) =>
        `- ${i.item.code.toUpperCase()} ${i.item.nameTh} (${STATUS_TH[i.status]})\n  ${base}/staff/disclosure/items/${fiscalYear}/${i.item.code}`,
    );
    result.reminders.push({
      recipient,
      name: entry.name,
      unitName: entry.unitName,
      items: entry.items.map((i) => ({
        code: i.item.code,
        nameTh: i.item.nameTh,
        status: i.status,
      })),
      isAlreadySent: sentToday.has(recipient),
      subject: `[${agency.nameTh}] ข้อมูล OIT ปีงบประมาณ ${fiscalYear} ที่ยังต้องดำเนินการ ${entry.items.length} ข้อ`,
      text:
        `เรียน ${entry.name}\n\n` +
        `${when}\n` +
        `ข้อมูลต่อไปนี้${entry.unitName ? `ของ${entry.unitName}` : ' (ยังไม่ได้กำหนดหน่วยงานผู้รับผิดชอบ)'} ยังไม่พร้อมเผยแพร่ ` +
        `กรุณากรอกหรือปรับปรุงและส่งให้ผู้บริหารอนุมัติก่อนวันเปิดระบบ:\n\n` +
        `${lines.join('\n')}\n\n` +
        `ดูภาพรวมความพร้อม: ${base}/staff/disclosure/readiness?year=${fiscalYear}\n` +
        `(ส่งเมื่อ ${formatThaiDate(options.now)} โดยระบบโปร่งใส)\n`,
    });
  }
  if (options.isDryRun) return result;

  const toSend = result.reminders.filter((r) => !r.isAlreadySent);
  result.skipped = result.reminders.length - toSend.length;
  if (toSend.length === 0) return result;
  const mailer = createMailer(options.mail);
  try {
    for (const reminder of toSend) {
      await mailer.send({ to: reminder.recipient, subject: reminder.subject, text: reminder.text });
      await db
        .insert(disclosureRemindersSent)
        .values({
          agencyId: agency.id,
          sentOn: today,
          recipient: reminder.recipient,
          fiscalYear,
          itemCodes: reminder.items.map((i) => i.code),
          sentAt: options.now,
        })
        .onConflictDoNothing();
      result.sent++;
    }
  } finally {
    mailer.close();
  }
  return result;
}

/**
 * The readiness dashboard's button (agency admins): sends today's reminders now, even before the
 * usual REMIND_DAYS_BEFORE days, still at most once per address and day, and audits who did it.
 * @returns the i18n key of the notice to show.
 */
/**
 * The readiness page's reminder button: the year it shows (พ.ศ.), or none for the current one.
 * A year that is not one comes back to the page with a message, never reminders for another year.
 */
export const RemindForm = z.object({
  year: z
    .union([
      z.literal(''),
      typedNumber(z.coerce.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX)),
    ])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
});

export async function remindDisclosureDeadlines(
  ctx: AgencyContext,
  agency: { id: string; slug: string; nameTh: string },
  options: Pick<SendDisclosureRemindersOptions, 'mail' | 'baseUrl' | 'modules' | 'fiscalYear'>,
): Promise<string> {
  assertCan(ctx, 'disclosure.manage');
  if (!isMailConfigured(options.mail)) return 'disclosure.reminders.noSmtp';
  const result = await sendDisclosureReminders(ctx.db, agency, {
    ...options,
    now: ctx.now(),
    isForced: true,
  });
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, ctx.agencyId, {
      action: 'disclosure.reminders.send',
      entityType: 'disclosure_reminders_sent',
      entityId: `${result.fiscalYear}`,
      after: { sent: result.sent, skipped: result.skipped, recipients: result.reminders.length },
    }),
  );
  if (result.sent > 0) return 'disclosure.reminders.sent';
  return result.skipped > 0 ? 'disclosure.reminders.alreadySent' : 'disclosure.reminders.nothing';
}
