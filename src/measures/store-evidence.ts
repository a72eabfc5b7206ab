import path from 'node:path';
import { FileTooLargeError, ValidationError } from '../core/errors.js';
import { UPLOAD_TYPES, sha256Of, sniffUploadKind, type UploadKind } from '../core/files/index.js';

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
      throw new FileTooLargeError('measures.errors.evidenceTooLarge', {
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
      sha256: sha256Of(file.bytes),
    };
  });
}
