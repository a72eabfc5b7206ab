import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { NotFoundError } from '../core/errors.js';
import {
  eserviceManualRevisions,
  eserviceRequestFiles,
  eserviceRequests,
  eserviceRequestSteps,
  eserviceServices,
} from './schema.js';
import type { Manual } from './manual.js';

export type ServiceRow = typeof eserviceServices.$inferSelect;
export type RevisionRow = typeof eserviceManualRevisions.$inferSelect;
export type RequestRow = typeof eserviceRequests.$inferSelect;
export type RequestStepRow = typeof eserviceRequestSteps.$inferSelect;

export interface ServiceWithManual extends ServiceRow {
  manual: Manual;
  revisionRow: RevisionRow;
}

/** Every service of the agency with its current manual, in the agency's order then by name. */
export async function listServices(db: DbOrTx, agencyId: string): Promise<ServiceWithManual[]> {
  const rows = await db
    .select()
    .from(eserviceServices)
    .innerJoin(
      eserviceManualRevisions,
      and(
        eq(eserviceManualRevisions.agencyId, eserviceServices.agencyId),
        eq(eserviceManualRevisions.serviceId, eserviceServices.id),
        eq(eserviceManualRevisions.revision, eserviceServices.currentRevision),
      ),
    )
    .where(eq(eserviceServices.agencyId, agencyId))
    .orderBy(asc(eserviceServices.sortOrder), asc(eserviceServices.code));
  return rows
    .map((r) => ({
      ...r.eservice_services,
      manual: r.eservice_manual_revisions.manual,
      revisionRow: r.eservice_manual_revisions,
    }))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.manual.name.localeCompare(b.manual.name, 'th'));
}

/** A service and its revisions, newest first; NotFoundError for a code not of this agency. */
export async function getServiceByCode(db: DbOrTx, agencyId: string, code: string) {
  const q = scoped(db, agencyId);
  const service = await q.get(eserviceServices, eq(eserviceServices.code, code.toLowerCase()));
  return withRevisions(db, agencyId, service);
}

export async function getService(db: DbOrTx, agencyId: string, serviceId: string) {
  const service = await scoped(db, agencyId).get(
    eserviceServices,
    eq(eserviceServices.id, serviceId),
  );
  return withRevisions(db, agencyId, service);
}

async function withRevisions(db: DbOrTx, agencyId: string, service: ServiceRow) {
  const revisions = await scoped(db, agencyId).list(
    eserviceManualRevisions,
    eq(eserviceManualRevisions.serviceId, service.id),
    desc(eserviceManualRevisions.revision),
  );
  const current = revisions.find((r) => r.revision === service.currentRevision);
  if (!current) throw new NotFoundError();
  return { service, current, revisions };
}

/** A request by its tracking code, with its steps and its service's manual; null if none. */
export async function findRequestByTrackingCode(
  db: DbOrTx,
  agencyId: string,
  trackingCode: string,
) {
  const request = await scoped(db, agencyId).find(
    eserviceRequests,
    eq(eserviceRequests.trackingCode, trackingCode),
  );
  return request ? requestDetail(db, agencyId, request) : null;
}

export async function getRequest(db: DbOrTx, agencyId: string, requestId: string) {
  const request = await scoped(db, agencyId).get(
    eserviceRequests,
    eq(eserviceRequests.id, requestId),
  );
  return requestDetail(db, agencyId, request);
}

async function requestDetail(db: DbOrTx, agencyId: string, request: RequestRow) {
  const q = scoped(db, agencyId);
  const [steps, files, revision, service] = await Promise.all([
    q.list(
      eserviceRequestSteps,
      eq(eserviceRequestSteps.requestId, request.id),
      asc(eserviceRequestSteps.position),
    ),
    q.list(eserviceRequestFiles, eq(eserviceRequestFiles.requestId, request.id)),
    q.get(
      eserviceManualRevisions,
      and(
        eq(eserviceManualRevisions.serviceId, request.serviceId),
        eq(eserviceManualRevisions.revision, request.revision),
      )!,
    ),
    q.get(eserviceServices, eq(eserviceServices.id, request.serviceId)),
  ]);
  return { request, steps, files, manual: revision.manual, service };
}

/** Open requests (queued first, in queue order), optionally of one service. */
export async function listOpenRequests(db: DbOrTx, agencyId: string, serviceId?: string) {
  const open = inArray(eserviceRequests.status, ['queued', 'in_progress', 'waiting_documents']);
  return scoped(db, agencyId).list(
    eserviceRequests,
    serviceId ? and(open, eq(eserviceRequests.serviceId, serviceId)) : open,
    [asc(eserviceRequests.queuedAt), asc(eserviceRequests.id)],
  );
}
