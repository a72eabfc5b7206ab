import { and, eq, inArray } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { can } from '../core/auth/permissions.js';
import {
  activities,
  activityPhotos,
  gifts,
  interestDeclarations,
  type ActivityKind,
} from './schema.js';

export type ActivityRow = typeof activities.$inferSelect;
export type PhotoRow = typeof activityPhotos.$inferSelect;
export type GiftRow = typeof gifts.$inferSelect;
export type DeclarationRow = typeof interestDeclarations.$inferSelect;
export type ActivityWithPhotos = ActivityRow & { photos: PhotoRow[] };

async function withPhotos(db: DbOrTx, agencyId: string, rows: ActivityRow[]) {
  const ids = rows.map((r) => r.id);
  const photos =
    ids.length === 0
      ? []
      : await scoped(db, agencyId).list(activityPhotos, inArray(activityPhotos.activityId, ids), [
          activityPhotos.createdAt,
        ]);
  return rows.map((r) => ({ ...r, photos: photos.filter((p) => p.activityId === r.id) }));
}

/** The year's activities of every kind (or one), newest date first, each with its photos. */
export async function listActivities(
  db: DbOrTx,
  agencyId: string,
  fiscalYear: number,
  kind?: ActivityKind,
): Promise<ActivityWithPhotos[]> {
  const where = kind
    ? and(eq(activities.fiscalYear, fiscalYear), eq(activities.kind, kind))
    : eq(activities.fiscalYear, fiscalYear);
  const rows = await scoped(db, agencyId).list(activities, where, [activities.heldOn]);
  return withPhotos(db, agencyId, rows.reverse());
}

/** One activity of this agency with its photos; NotFoundError for another agency's id. */
export async function getActivity(
  db: DbOrTx,
  agencyId: string,
  id: string,
): Promise<ActivityWithPhotos> {
  const row = await scoped(db, agencyId).get(activities, eq(activities.id, id));
  const [one] = await withPhotos(db, agencyId, [row]);
  return one!;
}

/** The year's gift register in date order (the OIT report lists it so). */
export async function listGifts(db: DbOrTx, agencyId: string, fiscalYear: number) {
  return scoped(db, agencyId).list(gifts, eq(gifts.fiscalYear, fiscalYear), [gifts.offeredOn]);
}

/**
 * The year's declarations this person may read: all of them for an executive
 * (`integrity.interests.read`), otherwise only their own. Never published.
 */
export async function listDeclarations(
  ctx: AgencyContext,
  fiscalYear: number,
): Promise<{ rows: DeclarationRow[]; all: boolean }> {
  const all = can(ctx.actor, 'integrity.interests.read');
  const userId = ctx.actor.userId;
  if (!all && !userId) return { rows: [], all };
  const where = all
    ? eq(interestDeclarations.fiscalYear, fiscalYear)
    : and(
        eq(interestDeclarations.fiscalYear, fiscalYear),
        eq(interestDeclarations.declarerUserId, userId!),
      );
  const rows = await scoped(ctx.db, ctx.agencyId).list(interestDeclarations, where, [
    interestDeclarations.createdAt,
  ]);
  return { rows, all };
}
