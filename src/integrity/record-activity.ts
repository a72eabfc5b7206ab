import type { AgencyContext } from '../core/context.js';
import { audit } from '../core/audit/audit.js';
import { scoped } from '../core/db/scoped.js';
import { FileTooLargeError, ValidationError } from '../core/errors.js';
import { UPLOAD_TYPES, sanitizeFileName, sha256Of, sniffUploadKind } from '../core/files/index.js';
import { storeFile } from '../core/files/index.js';
import { ActivityInput, fiscalYearOfDate } from './measures-input.js';
import { activities, activityPhotos } from './schema.js';

/** A photo above this is refused: a phone photo fits well below it. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 10;

export interface PhotoUpload {
  fileName: string;
  bytes: Uint8Array;
}

/** Keeps only JPEG and PNG, judged by their bytes (never the name or the browser's claim). */
function checkPhotos(files: readonly PhotoUpload[]) {
  const chosen = files.filter((f) => f.bytes.byteLength > 0);
  if (chosen.length > MAX_PHOTOS) {
    throw new ValidationError('integrity.errors.photosTooMany', {
      photos: 'integrity.errors.photosTooMany',
    });
  }
  return chosen.map((f) => {
    if (f.bytes.byteLength > MAX_PHOTO_BYTES) {
      throw new FileTooLargeError('integrity.errors.photoTooLarge', {
        photos: 'integrity.errors.photoTooLarge',
      });
    }
    const kind = sniffUploadKind(f.bytes);
    if (kind !== 'jpg' && kind !== 'png') {
      throw new ValidationError('integrity.errors.photoType', {
        photos: 'integrity.errors.photoType',
      });
    }
    return {
      ...f,
      fileName: sanitizeFileName(f.fileName, kind),
      mediaType: UPLOAD_TYPES[kind].mediaType,
      sha256: sha256Of(f.bytes),
    };
  });
}

/**
 * บันทึกกิจกรรม: a No Gift activity or the executive's declaration event, with its photos. The
 * fiscal year follows the date. Photos are checked before anything is written; rows, files and
 * the audit entry go in one transaction.
 */
export async function recordActivity(
  ctx: AgencyContext,
  raw: ActivityInput,
  photos: readonly PhotoUpload[],
  options: { dataDir: string },
) {
  const input = ActivityInput.parse(raw);
  const checked = checkPhotos(photos);
  // The same photo chosen twice is one photo (the key is its hash).
  const unique = checked.filter((p, i) => checked.findIndex((q) => q.sha256 === p.sha256) === i);
  return ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const [row] = await q.insert(activities, {
      ...input,
      fiscalYear: fiscalYearOfDate(input.heldOn),
      recordedBy: ctx.actor.label,
    });
    const photoRows = await q.insert(
      activityPhotos,
      unique.map((p) => ({
        activityId: row!.id,
        sha256: p.sha256,
        fileName: p.fileName,
        mediaType: p.mediaType,
        sizeBytes: p.bytes.byteLength,
      })),
    );
    // Files last, inside the transaction: a failed write leaves no row pointing at nothing;
    // a file left by a later rollback is harmless (content-addressed, reused).
    for (const p of unique) await storeFile(options.dataDir, p.bytes);
    await audit(tx, ctx, ctx.agencyId, {
      action: 'integrity.activity.record',
      entityType: 'integrity_activity',
      entityId: row!.id,
      after: {
        activity: row,
        photos: photoRows.map((p) => ({ name: p.fileName, sha256: p.sha256 })),
      },
    });
    return row!;
  });
}
