import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { NotFoundError } from '../errors.js';
import { isSha256, storedFilePath } from './store-file.js';

/**
 * `Content-Disposition` with an ASCII fallback and the real (Thai) name per RFC 5987/6266,
 * so every browser saves the file under its Thai name and no header injection is possible.
 */
export function contentDisposition(fileName: string, type: 'inline' | 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The bytes of a stored file; NotFoundError when the store lacks them or the SHA is malformed. */
export async function readStoredFile(dataDir: string, sha256: string): Promise<Buffer> {
  if (!isSha256(sha256)) throw new NotFoundError();
  return readFile(storedFilePath(dataDir, sha256)).catch(() => {
    throw new NotFoundError();
  });
}

/** What a response needs to know about a stored file (the row that points at it). */
export interface FileToSend {
  sha256: string;
  fileName: string;
  /** The sniffed type recorded at upload, never the browser's claim. */
  mediaType: string;
}

export interface SendOptions {
  /** Default: public, revalidated after 5 minutes. Staff pages pass `private, no-store`. */
  cacheControl?: string;
  /** Default: inline for PDF and images (the browser shows them), attachment for the rest. */
  disposition?: 'inline' | 'attachment';
}

/**
 * Streams a stored file with safe headers: its recorded type, nosniff, a sandboxing CSP (an
 * uploaded PDF or SVG-in-disguise cannot script our origin), an RFC 5987 Content-Disposition
 * and the SHA-256 as a strong ETag (304 on a match). A missing file is a 404, not a 500.
 */
export async function sendStoredFile(
  c: Context<AppEnv>,
  file: FileToSend,
  options: SendOptions = {},
): Promise<Response> {
  if (!isSha256(file.sha256)) throw new NotFoundError();
  const etag = `"${file.sha256}"`;
  const isViewable = file.mediaType === 'application/pdf' || file.mediaType.startsWith('image/');
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': options.cacheControl ?? 'public, max-age=300, must-revalidate',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Content-Disposition': contentDisposition(
      file.fileName,
      options.disposition ?? (isViewable ? 'inline' : 'attachment'),
    ),
  };
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((m) => m.trim() === etag)) {
    return c.body(null, 304, headers);
  }
  const handle = await open(storedFilePath(c.get('config').dataDir, file.sha256), 'r').catch(() => {
    throw new NotFoundError();
  });
  const { size } = await handle.stat();
  // The stream owns the handle from here and closes it at the end or on abort.
  const stream = createReadStream('', { fd: handle, autoClose: true });
  return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array>, 200, {
    ...headers,
    'Content-Type': file.mediaType,
    'Content-Length': String(size),
  });
}
