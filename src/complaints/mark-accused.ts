import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ValidationError } from '../core/errors.js';
import { staff } from '../core/agencies/schema.js';
import { complaints } from './schema.js';
import { getComplaint } from './queries.js';

export const AccusedInput = z.object({ userId: z.string().uuid({ error: 'form.badChoice' }) });

/**
 * Links a staff member named in the complaint to it. From then on the case is invisible to
 * them (queries.ts visibleTo), whatever their role, including committee membership.
 */
export async function markAccused(
  ctx: AgencyContext,
  complaintId: string,
  input: z.infer<typeof AccusedInput>,
) {
  await ctx.db.transaction(async (tx) => {
    const complaint = await getComplaint(tx, ctx.agencyId, ctx.actor, complaintId);
    const [member] = await tx
      .select({ userId: staff.userId })
      .from(staff)
      .where(and(eq(staff.agencyId, ctx.agencyId), eq(staff.userId, input.userId)));
    if (!member)
      throw new ValidationError('complaints.errors.staffNotFound', {
        userId: 'complaints.errors.staffNotFound',
      });
    if (complaint.accusedUserIds.includes(input.userId)) return;
    const accused = [...complaint.accusedUserIds, input.userId];
    const set: Partial<typeof complaints.$inferInsert> = { accusedUserIds: accused };
    if (complaint.assigneeUserId === input.userId) set.assigneeUserId = null;
    await scoped(tx, ctx.agencyId).update(complaints, set, eq(complaints.id, complaintId));
    await audit(tx, ctx, ctx.agencyId, {
      action: 'complaints.accused.mark',
      entityType: 'complaint',
      entityId: complaintId,
      after: { accusedUserIds: accused },
    });
  });
}
