import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import type { WaitingItem } from '../core/module.js';
import { can } from '../core/auth/permissions.js';
import { scoped } from '../core/db/scoped.js';
import { disclosureEntries } from './schema.js';
import { canEditItem } from './permissions.js';

/**
 * What waits in the disclosure module for this person: for an executive, the OIT items
 * awaiting approval; for whoever prepares items, drafts returned with a comment and drafts
 * not yet sent, of the units they may edit.
 */
export async function disclosureWaiting(ctx: AgencyContext): Promise<WaitingItem[]> {
  const q = scoped(ctx.db, ctx.agencyId);
  const out: WaitingItem[] = [];
  if (can(ctx.actor, 'disclosure.review')) {
    const inReview = await q.list(disclosureEntries, eq(disclosureEntries.status, 'in_review'));
    out.push({
      label: 'disclosure.waiting.toApprove',
      count: inReview.length,
      href: '/staff/disclosure/review',
    });
  }
  if (can(ctx.actor, 'disclosure.edit')) {
    const drafts = await q.list(disclosureEntries, eq(disclosureEntries.status, 'draft'));
    const mine: typeof drafts = [];
    for (const d of drafts) {
      if (await canEditItem(ctx.db, ctx, d.responsibleUnitId)) mine.push(d);
    }
    const newest = (list: typeof mine) => Math.max(...list.map((d) => d.fiscalYear));
    const returned = mine.filter((d) => d.reviewComment);
    const unsent = mine.filter((d) => !d.reviewComment);
    if (returned.length > 0) {
      out.push({
        label: 'disclosure.waiting.returned',
        count: returned.length,
        href: `/staff/disclosure?year=${newest(returned)}`,
      });
    }
    if (unsent.length > 0) {
      out.push({
        label: 'disclosure.waiting.drafts',
        count: unsent.length,
        href: `/staff/disclosure?year=${newest(unsent)}`,
      });
    }
  }
  return out;
}
