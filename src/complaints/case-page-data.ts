import type { AgencyContext } from '../core/context.js';
import { listStaffMembers } from '../core/agencies/staff-members.js';
import { getCaseFile, type CaseFile } from './queries.js';
import { ensureSettings, listCommittee, type ComplaintSettingsRow } from './committee.js';
import { bangkokDay } from './dates.js';
import { latestCommitteeOrder } from './draft-committee-order.js';
import type { OfficialDocumentRow } from '../core/official/index.js';

/** Staff names by user id (display names from the agency's staff list). */
async function staffNames(ctx: AgencyContext) {
  const rows = await listStaffMembers(ctx.db, ctx.agencyId);
  return rows.map((r) => ({ userId: r.user.id, name: r.user.displayName || r.user.email }));
}

/** What a staff case page shows: the case file, the assignable members and the staff list. */
export async function loadCasePage(ctx: AgencyContext, id: string) {
  const file: CaseFile = await getCaseFile(ctx.db, ctx.agencyId, ctx.actor, id);
  const [members, names] = await Promise.all([
    listCommittee(ctx.db, ctx.agencyId),
    staffNames(ctx),
  ]);
  const accused = new Set(file.complaint.accusedUserIds);
  const nameOf = new Map(names.map((n) => [n.userId, n.name]));
  return {
    file,
    today: bangkokDay(ctx.now()),
    assignees: members
      .filter((m) => !accused.has(m.userId))
      .map((m) => ({ userId: m.userId, name: nameOf.get(m.userId) ?? m.userId })),
    staffChoices: names.filter((n) => !accused.has(n.userId)),
  };
}

/** What the committee page shows. */
export async function loadCommitteePage(ctx: AgencyContext): Promise<{
  settings: ComplaintSettingsRow;
  members: { userId: string; name: string; role: string }[];
  staffChoices: { userId: string; name: string }[];
  latestOrder: OfficialDocumentRow | null;
}> {
  const settings = await ensureSettings(ctx.db, ctx.agencyId);
  const [members, names, latestOrder] = await Promise.all([
    listCommittee(ctx.db, ctx.agencyId),
    staffNames(ctx),
    latestCommitteeOrder(ctx.db, ctx.agencyId),
  ]);
  const nameOf = new Map(names.map((n) => [n.userId, n.name]));
  return {
    settings,
    members: members.map((m) => ({
      userId: m.userId,
      role: m.role,
      name: nameOf.get(m.userId) ?? m.userId,
    })),
    staffChoices: names,
    latestOrder,
  };
}
