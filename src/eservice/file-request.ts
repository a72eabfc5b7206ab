import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { FileTooLargeError, ForbiddenError, ValidationError } from '../core/errors.js';
import { UPLOAD_TYPES, sanitizeFileName, sniffUploadKind, storeFile } from '../core/files/index.js';
import { cleanText, requiredText } from '../core/validation/text.js';
import { loadWorkingCalendar } from './holidays.js';
import { getServiceByCode } from './queries.js';
import { eserviceRequestFiles, eserviceRequests, eserviceRequestSteps } from './schema.js';
import { newTrackingCode } from './tracking-code.js';

/** A scan or photo of an ID card or house registration fits well below this. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Requests carry scans and photos only: what a phone can produce and an officer can open. */
const ATTACHMENT_KINDS = ['pdf', 'jpg', 'png'] as const;

export const RequestForm = z
  .object({
    requesterName: requiredText(200),
    contactEmail: z
      .union([z.literal(''), z.email('eservice.errors.badEmail').max(200)])
      .default(''),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9๐-๙+\- ]{0,20}$/, 'eservice.errors.badPhone')
      .default(''),
    details: cleanText({ max: 3000 }).default(''),
    // PDPA ม.19/23: the requester is told why the data is collected before sending it.
    pdpaAcknowledged: z.literal('on', { error: 'eservice.errors.pdpaRequired' }),
  })
  .refine((f) => f.contactEmail !== '' || f.contactPhone !== '', {
    path: ['contactPhone'],
    message: 'eservice.errors.contactRequired',
  });
export type RequestForm = z.input<typeof RequestForm>;

export interface RequestAttachment {
  /** Which line of the manual's document list this file is for. */
  documentIndex: number;
  fileName: string;
  bytes: Uint8Array;
}

export interface FileRequestInput {
  serviceCode: string;
  form: RequestForm;
  attachments: RequestAttachment[];
  channel: 'online' | 'counter' | 'open311';
  dataDir: string;
}

/**
 * Files a request into the service's queue: the deadline of every step is fixed now, on the
 * agency's working calendar (working-time.ts), so the clock and not an officer decides when
 * it is late. Attachments are checked by their bytes before anything is written; the request,
 * its steps, its files and the audit entry commit together.
 */
export async function fileRequest(ctx: AgencyContext, input: FileRequestInput) {
  const form = RequestForm.parse(input.form);
  const { service, current } = await getServiceByCode(ctx.db, ctx.agencyId, input.serviceCode);
  const manual = current.manual;
  if (input.channel !== 'counter' && !manual.isOnline) {
    throw new ForbiddenError('eservice.errors.notOnline');
  }
  const checked = input.attachments
    .filter((a) => a.bytes.byteLength > 0)
    .map((a) => {
      const field = `doc${a.documentIndex}`;
      if (!Number.isInteger(a.documentIndex) || !manual.documents[a.documentIndex]) {
        throw new ValidationError('eservice.errors.unknownDocument', {
          [field]: 'eservice.errors.unknownDocument',
        });
      }
      if (a.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
        throw new FileTooLargeError('eservice.errors.fileTooLarge', {
          [field]: 'eservice.errors.fileTooLarge',
        });
      }
      const kind = sniffUploadKind(a.bytes);
      if (!kind || !(ATTACHMENT_KINDS as readonly string[]).includes(kind)) {
        throw new ValidationError('eservice.errors.fileType', {
          [field]: 'eservice.errors.fileType',
        });
      }
      return { ...a, kind };
    });
  // Content-addressed and written before the transaction: a file whose request then fails is
  // an unreferenced blob, never a request pointing at missing bytes.
  const stored = await Promise.all(
    checked.map(async (a) => ({ ...a, file: await storeFile(input.dataDir, a.bytes) })),
  );
  const calendar = await loadWorkingCalendar(ctx.db, ctx.agencyId);
  const now = ctx.now();
  const deadlines = calendar.stepDeadlines(now, manual.steps);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const [request] = await q.insert(eserviceRequests, {
      serviceId: service.id,
      revision: current.revision,
      trackingCode: newTrackingCode(),
      channel: input.channel,
      requesterName: form.requesterName,
      contactEmail: form.contactEmail || null,
      contactPhone: form.contactPhone || null,
      details: form.details,
      queuedAt: now,
      dueAt: deadlines[deadlines.length - 1]!,
    });
    await q.insert(
      eserviceRequestSteps,
      manual.steps.map((step, position) => ({
        requestId: request!.id,
        position,
        title: step.title,
        unitId: step.unitId,
        dueAt: deadlines[position]!,
      })),
    );
    await q.insert(
      eserviceRequestFiles,
      stored.map((a) => ({
        requestId: request!.id,
        documentIndex: a.documentIndex,
        fileName: sanitizeFileName(a.fileName, a.kind),
        mediaType: UPLOAD_TYPES[a.kind].mediaType,
        sizeBytes: a.bytes.byteLength,
        sha256: a.file.sha256,
      })),
    );
    // The audit keeps what happened, not who the requester is (PDPA: minimum data).
    await audit(tx, ctx, ctx.agencyId, {
      action: 'eservice.request.file',
      entityType: 'eservice_request',
      entityId: request!.id,
      after: { serviceCode: service.code, channel: input.channel, files: stored.length },
    });
    return request!;
  });
}

/** The files of a submitted form, by field `doc<index>` (one field per listed document). */
export async function attachmentsOf(body: Record<string, unknown>): Promise<RequestAttachment[]> {
  const out: RequestAttachment[] = [];
  for (const [name, value] of Object.entries(body)) {
    const match = /^doc(\d{1,2})$/.exec(name);
    if (!match) continue;
    for (const file of Array.isArray(value) ? value : [value]) {
      if (!(file instanceof File) || file.size === 0) continue;
      out.push({
        documentIndex: Number(match[1]),
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
    }
  }
  return out;
}
