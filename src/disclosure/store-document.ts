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

/** The types staff may upload, by what the bytes are (never by name or client type). */
export const UPLOAD_TYPES = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  jpg: { mediaType: 'image/jpeg', extension: 'jpg' },
  png: { mediaType: 'image/png', extension: 'png' },
} as const;
export type UploadKind = keyof typeof UPLOAD_TYPES;

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * The upload's kind from its first bytes; null for anything else. DOCX and XLSX are both
 * ZIP files: the part names (stored uncompressed in the ZIP headers) tell them apart.
 */
export function sniffUploadKind(bytes: Uint8Array): UploadKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/**
 * A safe file name: no path, no control or reserved characters, NFC, at most 120 characters,
 * and the extension of what the file really is.
 */
export function sanitizeFileName(name: string, kind: UploadKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[<>:"|?*;%]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return `${base || 'document'}.${UPLOAD_TYPES[kind].extension}`;
}

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
