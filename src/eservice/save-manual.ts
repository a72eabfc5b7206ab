import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import { listUnits } from '../core/agencies/units.js';
import { cleanText } from '../core/validation/text.js';
import { Manual, type ManualInput } from './manual.js';
import { eserviceManualRevisions, eserviceServices } from './schema.js';

/** A service code: the manual's address (/services/<code>) and its Open311 service_code. */
export const ServiceCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,48}$/, 'eservice.errors.badCode');

export interface SaveManualInput {
  /** Absent: a new service with this code. */
  serviceId?: string | undefined;
  code?: string | undefined;
  manual: ManualInput;
  changeNote?: string | undefined;
  /** Place in the public list (new services only). */
  sortOrder?: number | undefined;
}

/**
 * Saves a manual as the service's next revision (revision 1 creates the service). Revisions
 * are never overwritten: the public page compares the current one with the previous to show
 * what was cut. Each unit named must be one of this agency's units.
 */
export async function saveManual(ctx: AgencyContext, input: SaveManualInput) {
  const manual = Manual.parse(input.manual);
  const changeNote = cleanText({ max: 1000 }).parse(input.changeNote ?? '');
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const unitIds = new Set((await listUnits(tx, ctx.agencyId)).map((u) => u.id));
    const named = [manual.unitId, ...manual.steps.map((s) => s.unitId)].filter(
      (id): id is string => id !== null,
    );
    if (named.some((id) => !unitIds.has(id))) {
      throw new ValidationError('eservice.errors.unknownUnit', {
        unitId: 'eservice.errors.unknownUnit',
      });
    }
    let service;
    if (input.serviceId) {
      const current = await q.get(eserviceServices, eq(eserviceServices.id, input.serviceId));
      [service] = await q.update(
        eserviceServices,
        { currentRevision: current.currentRevision + 1, updatedAt: ctx.now() },
        and(
          eq(eserviceServices.id, current.id),
          // Two editors saving at once: the second would silently drop the first's revision.
          eq(eserviceServices.currentRevision, current.currentRevision),
        )!,
      );
      if (!service) throw new ConflictError('eservice.errors.editedMeanwhile');
    } else {
      const code = ServiceCode.parse(input.code ?? '');
      if (await q.find(eserviceServices, eq(eserviceServices.code, code))) {
        throw new ValidationError('eservice.errors.codeTaken', {
          code: 'eservice.errors.codeTaken',
        });
      }
      [service] = await q.insert(eserviceServices, {
        code,
        currentRevision: 1,
        sortOrder: input.sortOrder ?? 0,
      });
    }
    const [revision] = await q.insert(eserviceManualRevisions, {
      serviceId: service!.id,
      revision: service!.currentRevision,
      manual,
      changeNote,
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: input.serviceId ? 'eservice.manual.revise' : 'eservice.service.create',
      entityType: 'eservice_service',
      entityId: service!.id,
      after: { code: service!.code, revision: revision!.revision, changeNote },
    });
    return { service: service!, revision: revision! };
  });
}
