import { randomUUID } from 'node:crypto';
import type { Actor } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { FileTooLargeError, ValidationError } from '../core/errors.js';
import { sniffUploadKind, storeFile, UPLOAD_TYPES } from '../core/files/index.js';
import type { ComplaintChannel } from './schema.js';
import { complaintFiles, complaintIdentities, complaints, complaintSteps } from './schema.js';
import type { ComplaintInput } from './complaint-input.js';
import { ensureSettings, nextCaseNumber } from './committee.js';
import { sealIdentity } from './identity-crypto.js';
import { hashReceipt, newReceipt } from './receipts.js';
import { stripMetadata } from './strip-metadata.js';
import { addDays, bangkokDay } from './dates.js';

/** Per file; the request itself is capped lower by the module's upload limit. */
export const MAX_COMPLAINT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_COMPLAINT_FILES = 5;
/** Only photos and PDFs: the kinds whose metadata strip-metadata.ts can remove. */
const COMPLAINT_FILE_KINDS = ['jpg', 'png', 'pdf'] as const;

export interface ComplaintUpload {
  bytes: Uint8Array;
}

export interface FilingSource {
  db: Db;
  agencyId: string;
  dataDir: string;
  now: Date;
  channel: ComplaintChannel;
  channelReference?: string | null;
  /** A staff member entering it (audited); absent for a public filing, which keeps no actor. */
  actor?: Actor;
  requestId?: string;
}

/**
 * Checks each file's kind from its bytes and removes its metadata. Runs before the transaction
 * so that a refused file leaves nothing stored and a photo's rewrite holds no database lock.
 */
export async function prepareUploads(
  uploads: readonly ComplaintUpload[],
): Promise<{ bytes: Uint8Array; kind: (typeof COMPLAINT_FILE_KINDS)[number] }[]> {
  const files = uploads.filter((u) => u.bytes.byteLength > 0);
  if (files.length > MAX_COMPLAINT_FILES) {
    throw new ValidationError('complaints.errors.tooManyFiles', {
      files: 'complaints.errors.tooManyFiles',
    });
  }
  const out = [];
  for (const file of files) {
    if (file.bytes.byteLength > MAX_COMPLAINT_FILE_BYTES) {
      throw new FileTooLargeError('complaints.errors.fileTooLarge', {
        files: 'complaints.errors.fileTooLarge',
      });
    }
    const kind = sniffUploadKind(file.bytes);
    if (!kind || !(COMPLAINT_FILE_KINDS as readonly string[]).includes(kind)) {
      throw new ValidationError('complaints.errors.fileType', {
        files: 'complaints.errors.fileType',
      });
    }
    const typed = kind as (typeof COMPLAINT_FILE_KINDS)[number];
    out.push({ bytes: await stripMetadata(typed, file.bytes), kind: typed });
  }
  return out;
}

/**
 * Takes in one complaint, from any channel. Returns the receipt, shown once and never stored.
 * A named complainant's identity is sealed to the committee key before it is written. A public
 * filing writes no audit entry (that would keep its exact time and request id); a staff entry
 * is audited without the identity.
 */
export async function fileComplaint(
  source: FilingSource,
  input: ComplaintInput,
  uploads: readonly ComplaintUpload[] = [],
): Promise<{ id: string; caseNumber: number; receipt: string }> {
  const files = await prepareUploads(uploads);
  const stored: {
    kind: (typeof COMPLAINT_FILE_KINDS)[number];
    sha256: string;
    sizeBytes: number;
  }[] = [];
  for (const file of files)
    stored.push({ kind: file.kind, ...(await storeFile(source.dataDir, file.bytes)) });
  const receipt = newReceipt();
  const today = bangkokDay(source.now);
  const id = randomUUID();
  return source.db.transaction(async (tx) => {
    const settings = await ensureSettings(tx, source.agencyId);
    const q = scoped(tx, source.agencyId);
    if (!input.isAnonymous) {
      const identity = {
        name: input.name,
        phone: input.phone,
        email: input.email,
        address: input.address,
      };
      await q.insert(complaintIdentities, {
        complaintId: id,
        sealed: sealIdentity(settings.publicKey, identity, {
          agencyId: source.agencyId,
          complaintId: id,
        }),
      });
    }
    await q.insert(complaintSteps, { complaintId: id, status: 'received', takenOn: today, seq: 1 });
    let n = 0;
    for (const file of stored) {
      n += 1;
      await q.insert(complaintFiles, {
        complaintId: id,
        fromComplainant: true,
        sha256: file.sha256,
        mediaType: UPLOAD_TYPES[file.kind].mediaType,
        // The complainant's own file name may carry their name: a neutral one replaces it.
        fileName: `complaint-${id.slice(0, 8)}-${n}.${UPLOAD_TYPES[file.kind].extension}`,
        sizeBytes: file.sizeBytes,
        addedOn: today,
      });
    }
    // The case number last: taking it locks the agency's settings row until commit, and every
    // filing of the agency waits for that lock. Taken first, the lock was held across every
    // insert above (their round trips and the event-loop turns between them): filings at 200
    // clients ran one at a time.
    const caseNumber = await nextCaseNumber(tx, source.agencyId);
    await q.insert(complaints, {
      id,
      caseNumber,
      kind: input.kind,
      channel: source.channel,
      channelReference: source.channelReference || null,
      conductType: input.conductType,
      subject: input.subject,
      details: input.details,
      location: input.location,
      accusedText: input.accusedText,
      isAnonymous: input.isAnonymous,
      receiptHash: hashReceipt(receipt),
      receivedOn: today,
      stepOn: today,
      dueOn: addDays(today, settings.deadlines[input.kind].acknowledged),
    });
    if (source.actor) {
      await audit(
        tx,
        { actor: source.actor, now: () => source.now, requestId: source.requestId },
        source.agencyId,
        {
          action: 'complaints.file',
          entityType: 'complaint',
          entityId: id,
          after: {
            caseNumber,
            kind: input.kind,
            channel: source.channel,
            isAnonymous: input.isAnonymous,
          },
        },
      );
    }
    return { id, caseNumber, receipt };
  });
}
