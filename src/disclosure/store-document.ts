import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { FileTooLargeError, ValidationError } from '../core/errors.js';
import {
  UPLOAD_TYPES,
  sanitizeFileName,
  sha256Of,
  sniffUploadKind,
  storedFilePath,
  storeFile,
  type UploadKind,
} from '../core/files/index.js';
import { disclosureDocuments } from './schema.js';

/** Per-file limit (the multipart body limit is 25 MB for the whole request). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export { UPLOAD_TYPES, sanitizeFileName, sniffUploadKind, type UploadKind };

/** Where the bytes of a SHA-256 live (the core store: `<dataDir>/files/ab/cd/<sha256>`). */
export const documentFilePath = storedFilePath;

export interface StoreDocumentInput {
  dataDir: string;
  /** The entry the document belongs to; null for a basic-information file (a photo). */
  entryId: string | null;
  fileName: string;
  bytes: Uint8Array;
  label?: string;
  documentYear?: number | null;
  /** Restrict to some kinds (photos: jpg/png). */
  allowedKinds?: readonly UploadKind[];
}

/**
 * Refuses an upload that is empty, over MAX_UPLOAD_BYTES (413) or not of an allowed kind by
 * its bytes, naming the form field it came in (`file` unless told). Callers that write other
 * rows first check every file with this before writing anything.
 * @returns the sniffed kind.
 */
export function checkDocumentUpload(input: {
  bytes: Uint8Array;
  allowedKinds?: readonly UploadKind[] | undefined;
  field?: string;
}): UploadKind {
  const field = input.field ?? 'file';
  if (input.bytes.byteLength === 0) {
    throw new ValidationError('disclosure.errors.emptyFile', {
      [field]: 'disclosure.errors.emptyFile',
    });
  }
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new FileTooLargeError('disclosure.errors.fileTooLarge', {
      [field]: 'disclosure.errors.fileTooLarge',
    });
  }
  const kind = sniffUploadKind(input.bytes);
  if (!kind || (input.allowedKinds && !input.allowedKinds.includes(kind))) {
    throw new ValidationError('disclosure.errors.fileType', {
      [field]: 'disclosure.errors.fileType',
    });
  }
  return kind;
}

/**
 * Validates and stores an upload: size, sniffed type, sanitised name; then, in one transaction,
 * the row, its audit entry and the bytes in the core file store (once per SHA-256, fsynced and
 * renamed into place). The file is written last inside the transaction, so a failed write rolls
 * the row back; a rollback after the write leaves only an unreferenced content-addressed file,
 * never deleted here because another row (of any module) may share the same bytes.
 */
export async function storeDocument(ctx: AgencyContext, input: StoreDocumentInput) {
  const kind = checkDocumentUpload(input);
  const sha256 = sha256Of(input.bytes);
  return ctx.db.transaction(async (tx) => {
    const [row] = await scoped(tx, ctx.agencyId).insert(disclosureDocuments, {
      entryId: input.entryId,
      sha256,
      fileName: sanitizeFileName(input.fileName, kind),
      mediaType: UPLOAD_TYPES[kind].mediaType,
      sizeBytes: input.bytes.byteLength,
      label: input.label ?? '',
      documentYear: input.documentYear ?? null,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'disclosure.document.upload',
      entityType: 'disclosure_document',
      entityId: row!.id,
      after: { ...row!, sizeBytes: row!.sizeBytes },
    });
    await storeFile(input.dataDir, input.bytes);
    return row!;
  });
}
