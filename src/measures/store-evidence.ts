import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../core/errors.js';
import { UPLOAD_TYPES, sniffUploadKind, type UploadKind } from '../core/files/upload-kind.js';

/** Evidence files above this are refused: a scanned order or photo fits well below it. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;

export type EvidenceType = UploadKind;

/** The type of a file from its first bytes; the same rule as every other upload. */
export const detectEvidenceType = sniffUploadKind;

export interface EvidenceUpload {
  fileName: string;
  bytes: Uint8Array;
}

export interface CheckedEvidence {
  fileName: string;
  bytes: Uint8Array;
  mediaType: string;
  sha256: string;
}

/** Refuses a file of the wrong type or size, with the Thai message; hashes the rest. */
export function checkEvidence(files: readonly EvidenceUpload[]): CheckedEvidence[] {
  if (files.length > MAX_EVIDENCE_FILES) {
    throw new ValidationError('measures.errors.evidenceTooMany', {
      files: 'measures.errors.evidenceTooMany',
    });
  }
  return files.map((file) => {
    if (file.bytes.byteLength > MAX_EVIDENCE_BYTES) {
      throw new ValidationError('measures.errors.evidenceTooLarge', {
        files: 'measures.errors.evidenceTooLarge',
      });
    }
    const type = detectEvidenceType(file.bytes);
    if (!type) {
      throw new ValidationError('measures.errors.evidenceType', {
        files: 'measures.errors.evidenceType',
      });
    }
    return {
      fileName: path.basename(file.fileName).slice(0, 200) || `evidence.${type}`,
      bytes: file.bytes,
      mediaType: UPLOAD_TYPES[type].mediaType,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    };
  });
}

/** Where a content-addressed blob lives: <dataDir>/blobs/ab/abcdef… */
export function blobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad sha256');
  return path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
}

/**
 * Writes bytes under their SHA-256 (same content → same file, written once). The temporary
 * name + rename means a reader never sees half a file.
 */
export async function writeBlob(dataDir: string, bytes: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = blobPath(dataDir, sha256);
  if (existsSync(target)) return sha256;
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, target);
  return sha256;
}

export function readBlob(dataDir: string, sha256: string): Promise<Buffer> {
  return readFile(blobPath(dataDir, sha256));
}
