/**
 * The one content-addressed file store: every uploaded or generated file (disclosure documents,
 * measures evidence, published reports) lives at `<dataDir>/files/ab/cd/<sha256>`, written once
 * per content whichever module stores it. Rows in the database point at files by SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/** The folder under dataDir that holds the store. */
export const FILES_FOLDER = 'files';

/** Where storeFile writes before the rename: `<dataDir>/files/tmp/<random>.tmp`. */
const TEMP_FOLDER = 'tmp';

/**
 * A temporary file untouched this long belongs to no running write: storeFile writes a
 * buffer already in memory (an upload is read whole before it is stored) and renames it
 * within a second or two. The margin keeps a CLI command started beside a running server
 * (both clean at start) from removing a write the server has in flight.
 */
export const STALE_TEMP_MS = 60_000;

/** True for a lowercase 64-hex SHA-256: the only thing ever joined into a store path. */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256.test(value);
}

/** SHA-256 of some bytes, lowercase hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Where the bytes of a SHA-256 live: `<dataDir>/files/ab/cd/<sha256>`. Throws on anything but
 * 64 lowercase hex digits, so no caller can build a path outside the store (no `..`, no `/`).
 */
export function storedFilePath(dataDir: string, sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${JSON.stringify(sha256)}`);
  return path.join(dataDir, FILES_FOLDER, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Whether the store holds these bytes (false for a malformed SHA-256 too). */
export async function hasStoredFile(dataDir: string, sha256: string): Promise<boolean> {
  if (!isSha256(sha256)) return false;
  const info = await stat(storedFilePath(dataDir, sha256)).catch(() => null);
  return info?.isFile() ?? false;
}

/** Makes a rename durable: the directory entry itself is flushed, not only the file's data. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  /** False when the same bytes were already stored (nothing was written). */
  isNew: boolean;
}

/**
 * Stores bytes under their SHA-256 and returns it. The bytes go to a temporary file that is
 * fsynced and then renamed, so a crash or a failed write never leaves a partial file under a
 * final name; the temporary file is removed on failure. Idempotent: bytes already stored are
 * not written again. A source that is a stream (large upload) is hashed while it is written.
 *
 * @example
 * const { sha256 } = await storeFile(config.dataDir, bytes);
 */
export async function storeFile(
  dataDir: string,
  source: Uint8Array | AsyncIterable<Uint8Array>,
): Promise<StoredFile> {
  if (source instanceof Uint8Array) {
    const sha256 = sha256Of(source);
    const existing = await stat(storedFilePath(dataDir, sha256)).catch(() => null);
    // A size mismatch means a file truncated before this store fsynced: write it again.
    if (existing?.isFile() && existing.size === source.byteLength) {
      return { sha256, sizeBytes: source.byteLength, isNew: false };
    }
  }
  const tempDir = path.join(dataDir, FILES_FOLDER, TEMP_FOLDER);
  await mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `${randomBytes(12).toString('hex')}.tmp`);
  try {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const handle = await open(tempPath, 'wx');
    try {
      const chunks = source instanceof Uint8Array ? [source] : source;
      for await (const chunk of chunks) {
        hash.update(chunk);
        sizeBytes += chunk.byteLength;
        await handle.writeFile(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    const sha256 = hash.digest('hex');
    const finalPath = storedFilePath(dataDir, sha256);
    const existing = await stat(finalPath).catch(() => null);
    if (existing?.isFile() && existing.size === sizeBytes) {
      await rm(tempPath, { force: true });
      return { sha256, sizeBytes, isNew: false };
    }
    await mkdir(path.dirname(finalPath), { recursive: true });
    // rename is atomic: a concurrent writer of the same bytes renames identical content.
    await rename(tempPath, finalPath);
    await syncDirectory(path.dirname(finalPath));
    return { sha256, sizeBytes, isNew: true };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** Every SHA-256 the store holds, sorted (temporary files and stray names left out). */
export async function listStoredFiles(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, FILES_FOLDER);
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter(
      (e) =>
        e.isFile() &&
        isSha256(e.name) &&
        path.join(e.parentPath, e.name) === storedFilePath(dataDir, e.name),
    )
    .map((e) => e.name)
    .sort();
}

/**
 * Removes `<dataDir>/files/tmp/*.tmp` left by a process killed mid-write (storeFile removes
 * its own on an error, but not on kill -9 or a power cut), leaving those written in the last
 * STALE_TEMP_MS. Runs at start; returns how many it removed.
 */
export async function removeStaleTempFiles(
  dataDir: string,
  now: number = Date.now(),
): Promise<number> {
  const tempDir = path.join(dataDir, FILES_FOLDER, TEMP_FOLDER);
  const names = await readdir(tempDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.tmp')) continue;
    const file = path.join(tempDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < STALE_TEMP_MS) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}
