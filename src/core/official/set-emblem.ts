import type { AgencyContext } from '../context.js';
import { audit } from '../audit/audit.js';
import { ValidationError, FileTooLargeError } from '../errors.js';
import { pngSize } from '../documents/document-model.js';
import { sniffUploadKind, storeFile } from '../files/index.js';
import { officialEmblems } from './schema.js';

/** An emblem is a small picture: 2 MB is generous for a 3 cm seal at print resolution. */
export const EMBLEM_MAX_BYTES = 2 * 1024 * 1024;

/**
 * ตราหน่วยงาน: stores the agency's emblem (PNG, checked by its bytes, at most 2 MB) for the top
 * of its announcements and orders. A transparent PNG prints cleanly on the page.
 */
export async function setEmblem(
  ctx: AgencyContext,
  bytes: Uint8Array,
  options: { dataDir: string },
) {
  if (bytes.byteLength === 0) {
    throw new ValidationError('official.errors.emblemMissing', {
      emblem: 'official.errors.emblemMissing',
    });
  }
  if (bytes.byteLength > EMBLEM_MAX_BYTES) {
    throw new FileTooLargeError('official.errors.emblemTooLarge', {
      emblem: 'official.errors.emblemTooLarge',
    });
  }
  let size: { width: number; height: number } | null = null;
  try {
    size = sniffUploadKind(bytes) === 'png' ? pngSize(bytes) : null;
  } catch {
    size = null;
  }
  if (!size || size.width === 0 || size.height === 0) {
    throw new ValidationError('official.errors.emblemNotPng', {
      emblem: 'official.errors.emblemNotPng',
    });
  }
  const stored = await storeFile(options.dataDir, bytes);
  return ctx.db.transaction(async (tx) => {
    const row = {
      agencyId: ctx.agencyId,
      sha256: stored.sha256,
      width: size.width,
      height: size.height,
      uploadedBy: ctx.actor.label,
      updatedAt: ctx.now(),
    };
    await tx
      .insert(officialEmblems)
      .values(row)
      .onConflictDoUpdate({ target: [officialEmblems.agencyId], set: row });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'official.emblem.set',
      entityType: 'official_emblem',
      entityId: ctx.agencyId,
      after: row,
    });
    return row;
  });
}
