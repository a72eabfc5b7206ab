import type { AgencyContext } from '../core/context.js';
import type { WaitingItem } from '../core/module.js';
import { can } from '../core/auth/permissions.js';
import { listComplaints } from './queries.js';
import { bangkokDay } from './dates.js';

/**
 * What waits in the complaint centre for this person: new cases to acknowledge and overdue
 * cases (for those who work the queue), and cases assigned to them. Counts only cases they
 * may see: one naming them is never counted for them.
 */
export async function complaintsWaiting(ctx: AgencyContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, 'complaints.read')) return [];
  const open = await listComplaints(ctx.db, ctx.agencyId, ctx.actor, { open: true });
  const today = bangkokDay(ctx.now());
  const out: WaitingItem[] = [];
  if (can(ctx.actor, 'complaints.work')) {
    out.push(
      {
        label: 'complaints.waiting.newCases',
        count: open.filter((c) => c.status === 'received').length,
        href: '/staff/complaints',
      },
      {
        label: 'complaints.waiting.overdue',
        count: open.filter((c) => c.dueOn !== null && c.dueOn < today).length,
        href: '/staff/complaints',
      },
    );
  }
  out.push({
    label: 'complaints.waiting.assignedToMe',
    count: open.filter((c) => c.assigneeUserId !== null && c.assigneeUserId === ctx.actor.userId)
      .length,
    href: '/staff/complaints',
  });
  return out;
}
