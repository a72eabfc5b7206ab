import { and, count, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import type { WaitingItem } from '../core/module.js';
import { can } from '../core/auth/permissions.js';
import { eserviceRequests, eserviceRequestSteps } from './schema.js';

/**
 * What waits in the e-service for an officer: requests queued and not yet taken, and open
 * steps past their due instant (which are also escalated to the unit head by the daily job).
 */
export async function eserviceWaiting(ctx: AgencyContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, 'eservice.work')) return [];
  const [queued] = await ctx.db
    .select({ n: count() })
    .from(eserviceRequests)
    .where(and(eq(eserviceRequests.agencyId, ctx.agencyId), eq(eserviceRequests.status, 'queued')));
  const [overdue] = await ctx.db
    .select({ n: count() })
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
        eq(eserviceRequestSteps.agencyId, ctx.agencyId),
        isNull(eserviceRequestSteps.closedAt),
        lt(eserviceRequestSteps.dueAt, ctx.now()),
        inArray(eserviceRequests.status, ['queued', 'in_progress', 'waiting_documents']),
      ),
    );
  return [
    { label: 'eservice.waiting.queued', count: queued?.n ?? 0, href: '/staff/eservice' },
    { label: 'eservice.waiting.overdue', count: overdue?.n ?? 0, href: '/staff/eservice' },
  ];
}
