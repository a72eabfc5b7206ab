import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { agencies } from '../core/agencies/schema.js';
import { listStaffMembers } from '../core/agencies/staff-members.js';
import { ValidationError } from '../core/errors.js';
import { translate } from '../core/i18n/i18n.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';
import { requiredText } from '../core/validation/text.js';
import {
  draftOfficialDocument,
  thaiLongDate,
  type OfficialDocumentRow,
} from '../core/official/index.js';
import { officialDocuments } from '../core/official/schema.js';
import { ensureSettings, listCommittee } from './committee.js';
import { COMMITTEE_ROLES } from './schema.js';

/** The register's mark of a committee order, so the committee page finds its latest one. */
export const COMMITTEE_ORDER_TEMPLATE = 'complaints-committee';
/**
 * The OIT feed the published order goes to: the complaint-handling guideline item (O17 from
 * 2568, O27 in 2566, per disclosure/feeds/fy<year>.json). The integrity module lists every
 * published document by its feed, so publishing it in the register is enough.
 */
export const COMMITTEE_ORDER_FEED = 'complaints.committee';

export const CommitteeOrderInput = z.object({
  signerName: requiredText(200),
  signerPosition: requiredText(300),
});

const t = (key: string, params?: Record<string, unknown>) => translate('th', key, params);

/**
 * ร่างคำสั่งแต่งตั้งคณะกรรมการ: drafts the order appointing the centre's committee and officers in
 * the agency's register, filled from the recorded members (chair first, secretary after the
 * members, investigators last, as orders list them) and cancelling the earlier paper order
 * recorded in the settings, if any. The number is never typed: an executive signs the draft in
 * the register, which gives the next order number of the calendar year.
 */
export async function draftCommitteeOrder(
  ctx: AgencyContext,
  input: z.infer<typeof CommitteeOrderInput>,
): Promise<OfficialDocumentRow> {
  const [members, staffRows, settings, [agency]] = await Promise.all([
    listCommittee(ctx.db, ctx.agencyId),
    listStaffMembers(ctx.db, ctx.agencyId),
    ensureSettings(ctx.db, ctx.agencyId),
    ctx.db.select().from(agencies).where(eq(agencies.id, ctx.agencyId)),
  ]);
  if (members.length === 0) throw new ValidationError('complaints.errors.noMembersForOrder');
  const nameOf = new Map(staffRows.map((r) => [r.user.id, r.user.displayName || r.user.email]));
  const ordered = [...members].sort(
    (a, b) => COMMITTEE_ROLES.indexOf(a.role) - COMMITTEE_ROLES.indexOf(b.role),
  );
  const clauses = ordered.map((m) =>
    t('complaints.order.memberClause', {
      name: nameOf.get(m.userId) ?? m.userId,
      role: translate('th', `complaints.roles.${m.role}`),
    }),
  );
  clauses.push(t('complaints.order.duties'));
  const previous = settings.orderNumber
    ? t('complaints.order.cancels', {
        number: settings.orderNumber,
        date: settings.orderDate
          ? t('complaints.order.dated', { date: thaiLongDate(settings.orderDate) })
          : '',
      })
    : '';
  return draftOfficialDocument(ctx, {
    kind: 'order',
    fiscalYear: currentFiscalYear(ctx.now()),
    subject: t('complaints.order.subject'),
    preamble: t('complaints.order.preamble', { agency: agency?.nameTh ?? '' }),
    clauses,
    closing: `${previous}${t('complaints.order.closing')}`,
    signerName: input.signerName,
    signerPosition: input.signerPosition,
    templateKey: COMMITTEE_ORDER_TEMPLATE,
    feed: COMMITTEE_ORDER_FEED,
  });
}

/** The agency's latest committee order in the register (any status), or null. */
export async function latestCommitteeOrder(
  db: DbOrTx,
  agencyId: string,
): Promise<OfficialDocumentRow | null> {
  const [row] = await scoped(db, agencyId).list(
    officialDocuments,
    eq(officialDocuments.templateKey, COMMITTEE_ORDER_TEMPLATE),
    [desc(officialDocuments.createdAt)],
  );
  return row ?? null;
}
