import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { ValidationError } from '../core/errors.js';
import { disclosureDocuments } from './schema.js';

/** Per-file limit (the multipart body limit is 25 MB for the whole request). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

import {
  UPLOAD_TYPES,
  sanitizeFileName,
  sniffUploadKind,
  type UploadKind,
} from '../core/files/upload-kind.js';

export { UPLOAD_TYPES, sanitizeFileName, sniffUploadKind, type UploadKind };

/** Where the bytes of a SHA-256 live: `<dataDir>/files/ab/cd/<sha256>`. */
export function documentFilePath(dataDir: string, sha256: string): string {
  return join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

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
 * Validates and stores an upload: size, sniffed type, sanitised name; the bytes once per
 * SHA-256 (written to a temp file, then renamed, so a crash never leaves a partial file under
 * its final name), then the row and its audit entry in one transaction. If the transaction
 * fails, a file this call created is removed again: nothing is left half-stored.
 */
export async function storeDocument(ctx: AgencyContext, input: StoreDocumentInput) {
  if (input.bytes.byteLength === 0) {
    throw new ValidationError('disclosure.errors.emptyFile', {
      file: 'disclosure.errors.emptyFile',
    });
  }
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new ValidationError('disclosure.errors.fileTooLarge', {
      file: 'disclosure.errors.fileTooLarge',
    });
  }
  const kind = sniffUploadKind(input.bytes);
  if (!kind || (input.allowedKinds && !input.allowedKinds.includes(kind))) {
    throw new ValidationError('disclosure.errors.fileType', { file: 'disclosure.errors.fileType' });
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const finalPath = documentFilePath(input.dataDir, sha256);
  const isNewFile = !(await stat(finalPath).catch(() => null));
  if (isNewFile) {
    await mkdir(join(finalPath, '..'), { recursive: true });
    const tempPath = `${finalPath}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(tempPath, 'wx');
      try {
        await handle.writeFile(input.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tempPath, finalPath);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
  }
  try {
    return await ctx.db.transaction(async (tx) => {
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
      return row!;
    });
  } catch (error) {
    if (isNewFile) await rm(finalPath, { force: true });
    throw error;
  }
}
