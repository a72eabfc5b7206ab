import type { AgencyContext } from '../core/context.js';
import type { WaitingItem } from '../core/module.js';
import { can } from '../core/auth/permissions.js';
import { addDays, bangkokToday } from './fiscal-dates.js';
import { listMyActions, listPendingProgress } from './queries.js';
import { OPEN_ACTION_STATUSES } from './schema.js';
import { DUE_SOON_DAYS as DUE_WITHIN_DAYS } from './send-reminders.js';

/**
 * What waits in the measures module for this person: steps of theirs (or their unit's) overdue
 * or due within the reminder e-mails' window, and for an executive the progress reports to review.
 */
export async function measuresWaiting(ctx: AgencyContext): Promise<WaitingItem[]> {
  const out: WaitingItem[] = [];
  const today = bangkokToday(ctx.now());
  if (can(ctx.actor, 'measures.report') && ctx.actor.userId) {
    const mine = (await listMyActions(ctx.db, ctx.agencyId, ctx.actor.userId, today)).filter((a) =>
      OPEN_ACTION_STATUSES.includes(a.status),
    );
    out.push(
      {
        label: 'measures.waiting.overdue',
        count: mine.filter((a) => a.overdue).length,
        href: '/staff/measures/mine',
      },
      {
        label: 'measures.waiting.dueSoon',
        count: mine.filter((a) => !a.overdue && a.dueDate <= addDays(today, DUE_WITHIN_DAYS))
          .length,
        href: '/staff/measures/mine',
        params: { days: DUE_WITHIN_DAYS },
      },
    );
  }
  if (can(ctx.actor, 'measures.approve')) {
    out.push({
      label: 'measures.waiting.progressToReview',
      count: (await listPendingProgress(ctx.db, ctx.agencyId)).length,
      href: '/staff/measures#pending',
    });
  }
  return out;
}
