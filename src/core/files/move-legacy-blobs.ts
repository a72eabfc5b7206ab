import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSha256, storedFilePath } from './store-file.js';

/** Where measures kept evidence and published reports before the one store: blobs/ab/<sha>. */
export const LEGACY_BLOBS_FOLDER = 'blobs';

export interface LegacyMoveResult {
  /** Files renamed into the store. */
  moved: number;
  /** Old copies removed because the store already had the same bytes. */
  alreadyStored: number;
  /** Files whose bytes do not match their name (truncated by a crash): left where they were. */
  damaged: string[];
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Moves files from the old measures layout (`<dataDir>/blobs/ab/<sha256>`) into the one store
 * (`<dataDir>/files/ab/cd/<sha256>`). Runs at every start and in `prongsai migrate`, after the
 * database migrations. Idempotent and safe to interrupt: each file is renamed on its own (an
 * atomic step, so at every moment the bytes exist under the old or the new name), an old copy
 * is removed only once the store holds the same bytes, and a second run finds nothing to do.
 * Bytes that do not hash to their name were cut short by a crash before this store fsynced:
 * they are left in place and reported, never moved into the content-addressed store.
 */
export async function moveLegacyBlobs(dataDir: string): Promise<LegacyMoveResult> {
  const result: LegacyMoveResult = { moved: 0, alreadyStored: 0, damaged: [] };
  const root = path.join(dataDir, LEGACY_BLOBS_FOLDER);
  const shards = await readdir(root, { withFileTypes: true }).catch(() => null);
  if (!shards) return result;
  for (const shard of shards) {
    if (!shard.isDirectory()) continue;
    const shardDir = path.join(root, shard.name);
    for (const name of await readdir(shardDir)) {
      const oldPath = path.join(shardDir, name);
      // The old writer's temporary files (`<sha>.<pid>.<ms>.tmp`) are unfinished writes.
      if (name.endsWith('.tmp')) {
        await rm(oldPath, { force: true });
        continue;
      }
      if (!isSha256(name)) continue;
      if ((await hashFile(oldPath)) !== name) {
        result.damaged.push(oldPath);
        continue;
      }
      const newPath = storedFilePath(dataDir, name);
      const existing = await stat(newPath).catch(() => null);
      if (existing?.isFile() && (await hashFile(newPath)) === name) {
        await rm(oldPath);
        result.alreadyStored++;
        continue;
      }
      await mkdir(path.dirname(newPath), { recursive: true });
      try {
        await rename(oldPath, newPath);
      } catch (error) {
        // Another file system (a mounted files/ folder): copy to a temporary name, then rename.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        const temp = `${newPath}.move.tmp`;
        await copyFile(oldPath, temp);
        const handle = await open(temp, 'r+');
        await handle.sync();
        await handle.close();
        await rename(temp, newPath);
        await syncDirectory(path.dirname(newPath));
        await rm(oldPath);
        result.moved++;
        continue;
      }
      await syncDirectory(path.dirname(newPath));
      result.moved++;
    }
    await rmdir(shardDir).catch(() => undefined);
  }
  await rmdir(root).catch(() => undefined);
  return result;
}
