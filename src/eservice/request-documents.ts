import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { ConflictError } from '../core/errors.js';
import { requiredText } from '../core/validation/text.js';
import { eserviceRequests } from './schema.js';

export const RequestDocumentsInput = z.object({ note: requiredText(2000) });
export type RequestDocumentsInput = z.input<typeof RequestDocumentsInput>;

/**
 * บันทึกความบกพร่อง: asks the requester for what is missing. The Licensing Facilitation Act
 * lets the officer ask only once (thai-rules.md §1.1), so a second request is refused with
 * that reason. The conditional update makes two simultaneous first requests one.
 */
export async function requestDocuments(
  ctx: AgencyContext,
  requestId: string,
  raw: RequestDocumentsInput,
) {
  const input = RequestDocumentsInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const request = await q.get(eserviceRequests, eq(eserviceRequests.id, requestId));
    if (request.status === 'completed' || request.status === 'rejected') {
      throw new ConflictError('eservice.errors.requestClosed');
    }
    if (request.status === 'queued') throw new ConflictError('eservice.errors.notTaken');
    const now = ctx.now();
    const [updated] = await q.update(
      eserviceRequests,
      {
        status: 'waiting_documents',
        documentsRequestedAt: now,
        documentsRequestNote: input.note,
        updatedAt: now,
      },
      and(eq(eserviceRequests.id, request.id), isNull(eserviceRequests.documentsRequestedAt))!,
    );
    if (!updated) throw new ConflictError('eservice.errors.documentsAlreadyRequested');
    await audit(tx, ctx, ctx.agencyId, {
      action: 'eservice.request.documents',
      entityType: 'eservice_request',
      entityId: request.id,
      after: { note: input.note },
    });
    return updated;
  });
}
