import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { audit } from '../core/audit/audit.js';
import { typedInteger } from '../core/validation/typed-number.js';
import { cleanText } from '../core/validation/text.js';
import { complaintSettings, COMPLAINT_KINDS, type DeadlineSettings } from './schema.js';
import { DEFAULT_DEADLINES, ensureSettings } from './committee.js';

const STEPS = ['acknowledged', 'assigned', 'fact_finding', 'outcome', 'replied'] as const;

/** The agency's clocks, or the defaults before it has settings (nothing is created on a GET). */
export async function findDeadlines(db: DbOrTx, agencyId: string): Promise<DeadlineSettings> {
  const [row] = await db
    .select({ deadlines: complaintSettings.deadlines })
    .from(complaintSettings)
    .where(eq(complaintSettings.agencyId, agencyId));
  return row?.deadlines ?? DEFAULT_DEADLINES;
}

const days = typedInteger({ min: 1, max: 365, message: 'complaints.errors.days' });

/** The deadline form: one field per kind and step (`grievance.replied`), Thai digits accepted. */
export const DeadlinesInput = z.object(
  Object.fromEntries(
    COMPLAINT_KINDS.flatMap((kind) => STEPS.map((step) => [`${kind}.${step}`, days])),
  ) as Record<`${(typeof COMPLAINT_KINDS)[number]}.${(typeof STEPS)[number]}`, typeof days>,
);

/**
 * Sets the clocks. Each step's deadline must not come before the previous one's (the days count
 * from receipt), else a case would be overdue for a step it cannot have reached yet.
 */
export async function updateDeadlines(ctx: AgencyContext, input: z.infer<typeof DeadlinesInput>) {
  const deadlines = Object.fromEntries(
    COMPLAINT_KINDS.map((kind) => [
      kind,
      Object.fromEntries(STEPS.map((s) => [s, input[`${kind}.${s}`]])),
    ]),
  ) as DeadlineSettings;
  await ctx.db.transaction(async (tx) => {
    const before = await ensureSettings(tx, ctx.agencyId);
    await tx
      .update(complaintSettings)
      .set({ deadlines, updatedAt: ctx.now() })
      .where(eq(complaintSettings.agencyId, ctx.agencyId));
    await audit(tx, ctx, ctx.agencyId, {
      action: 'complaints.settings.deadlines',
      entityType: 'complaints_settings',
      entityId: ctx.agencyId,
      before: before.deadlines,
      after: deadlines,
    });
  });
}

export const OrderInput = z.object({
  orderNumber: cleanText({ max: 100 }).default(''),
  orderDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'form.badDate')
    .or(z.literal(''))
    .default(''),
});

/**
 * The order appointing the committee (คำสั่งแต่งตั้ง): its number and date. The printable
 * order comes from core official documents (#17) once they land: it reads these fields and
 * listCommittee().
 */
export async function updateCommitteeOrder(ctx: AgencyContext, input: z.infer<typeof OrderInput>) {
  await ctx.db.transaction(async (tx) => {
    const before = await ensureSettings(tx, ctx.agencyId);
    await tx
      .update(complaintSettings)
      .set({
        orderNumber: input.orderNumber,
        orderDate: input.orderDate || null,
        updatedAt: ctx.now(),
      })
      .where(eq(complaintSettings.agencyId, ctx.agencyId));
    await audit(tx, ctx, ctx.agencyId, {
      action: 'complaints.committee.order',
      entityType: 'complaints_settings',
      entityId: ctx.agencyId,
      before: { orderNumber: before.orderNumber, orderDate: before.orderDate },
      after: input,
    });
  });
}
