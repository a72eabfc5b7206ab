import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { agencies, staff } from '../core/agencies/schema.js';
import { users } from '../core/auth/schema.js';
import { audit } from '../core/audit/audit.js';
import { SYSTEM_ACTOR } from '../core/context.js';
import {
  createMailer,
  isMailConfigured,
  type MailConfig,
  type Mailer,
} from '../core/mail/index.js';
import { translate } from '../core/i18n/i18n.js';
import { eserviceNotices, eserviceRequests, eserviceRequestSteps } from './schema.js';

const WEEK_MS = 7 * 86_400_000;
const OPEN = ['queued', 'in_progress', 'waiting_documents'] as const;

/**
 * Which 7-day period past the limit `now` is in: 1 from the deadline to 7 days after, 2 the
 * next week… The Licensing Facilitation Act: an unfinished request's applicant is told every
 * 7 days until it is finished (thai-rules.md §1.1), so one notice per period.
 */
export function delayPeriod(dueAt: Date, now: Date): number {
  return Math.floor((now.getTime() - dueAt.getTime()) / WEEK_MS) + 1;
}

export interface DelayNoticeResult {
  delayNotices: number;
  escalations: number;
  emailed: number;
}

/**
 * The daily job's work: a delay notice for each open request past its limit, once per 7-day
 * period (e-mailed when the requester gave an address; the notice row is the printable
 * letter's record), and one escalation per overdue step to the agency's executives and
 * admins (core_staff has no "unit head" yet: the executive stands in). Idempotent by the
 * notices' unique key, so a retried slot sends nothing twice.
 */
export async function sendDelayNotices(
  db: Db,
  options: { now: Date; mail: MailConfig; baseUrl?: string | undefined },
): Promise<DelayNoticeResult> {
  const now = options.now;
  const result: DelayNoticeResult = { delayNotices: 0, escalations: 0, emailed: 0 };
  const mailer: Mailer | null = isMailConfigured(options.mail) ? createMailer(options.mail) : null;
  const ctx = { actor: { ...SYSTEM_ACTOR, label: 'eservice-delay-notices' }, now: () => now };
  try {
    const late = await db
      .select()
      .from(eserviceRequests)
      .where(and(inArray(eserviceRequests.status, [...OPEN]), lt(eserviceRequests.dueAt, now)));
    for (const request of late) {
      const period = delayPeriod(request.dueAt, now);
      const [notice] = await db
        .insert(eserviceNotices)
        .values({
          agencyId: request.agencyId,
          requestId: request.id,
          kind: 'delay',
          period,
          sentAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!notice) continue;
      result.delayNotices += 1;
      await audit(db, ctx, request.agencyId, {
        action: 'eservice.request.delay-notice',
        entityType: 'eservice_request',
        entityId: request.id,
        after: { period },
      });
      if (mailer && request.contactEmail) {
        const [agency] = await db.select().from(agencies).where(eq(agencies.id, request.agencyId));
        const link = options.baseUrl
          ? `${options.baseUrl.replace(/\/$/, '')}/a/${agency!.slug}/track/${request.trackingCode}`
          : request.trackingCode;
        await mailer.send({
          to: request.contactEmail,
          subject: translate('th', 'eservice.notice.delaySubject', { code: request.trackingCode }),
          text: translate('th', 'eservice.notice.delayText', { agency: agency!.nameTh, link }),
        });
        await db
          .update(eserviceNotices)
          .set({ isEmailed: true })
          .where(
            and(eq(eserviceNotices.agencyId, request.agencyId), eq(eserviceNotices.id, notice.id)),
          );
        result.emailed += 1;
      }
    }
    const overdueSteps = await db
      .select({ step: eserviceRequestSteps, request: eserviceRequests })
      .from(eserviceRequestSteps)
      .innerJoin(
        eserviceRequests,
        and(
          eq(eserviceRequests.agencyId, eserviceRequestSteps.agencyId),
          eq(eserviceRequests.id, eserviceRequestSteps.requestId),
        ),
      )
      .where(
        and(
          isNull(eserviceRequestSteps.closedAt),
          lt(eserviceRequestSteps.dueAt, now),
          inArray(eserviceRequests.status, [...OPEN]),
        ),
      );
    for (const { step, request } of overdueSteps) {
      // One escalation per step: its position is the "period" of the escalation notice.
      const [notice] = await db
        .insert(eserviceNotices)
        .values({
          agencyId: request.agencyId,
          requestId: request.id,
          kind: 'escalation',
          period: step.position,
          sentAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!notice) continue;
      result.escalations += 1;
      if (!mailer) continue;
      const heads = await db
        .select({ email: users.email, roles: staff.roles })
        .from(staff)
        .innerJoin(users, eq(users.id, staff.userId))
        .where(eq(staff.agencyId, request.agencyId));
      for (const head of heads.filter(
        (h) => h.roles.includes('executive') || h.roles.includes('agency_admin'),
      )) {
        await mailer.send({
          to: head.email,
          subject: translate('th', 'eservice.notice.escalationSubject', {
            code: request.trackingCode,
          }),
          text: translate('th', 'eservice.notice.escalationText', {
            step: step.title,
            code: request.trackingCode,
          }),
        });
        result.emailed += 1;
      }
    }
  } finally {
    mailer?.close();
  }
  return result;
}
