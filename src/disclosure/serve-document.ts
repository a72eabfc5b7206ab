import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { uuidParam } from '../core/http/params.js';
import { findPublicDocument } from './queries.js';
import { documentFilePath } from './store-document.js';

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

/**
 * Public download route for published documents: mount under the agency's public site
 * (`/a/:slug`), e.g. `publicRoutes.route('/', documentRoutes)` → `/a/<slug>/files/<id>/<name>`.
 * The name segment is cosmetic (the id decides). Only documents of an approved version or an
 * executive's photo are served; the bytes' SHA-256 is the ETag.
 */
export const documentRoutes = new Hono<AppEnv>();

/**
 * Sends a stored document with safe headers: its sniffed type, nosniff, a sandboxing CSP, an
 * RFC 5987 Content-Disposition and the SHA-256 as a strong ETag (304 on a match).
 */
export async function sendDocument(
  c: Context<AppEnv>,
  doc: { sha256: string; fileName: string; mediaType: string },
  cacheControl = 'public, max-age=300, must-revalidate',
) {
  const etag = `"${doc.sha256}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Content-Disposition': contentDisposition(
      doc.fileName,
      doc.mediaType === 'application/pdf' || doc.mediaType.startsWith('image/')
        ? 'inline'
        : 'attachment',
    ),
  };
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((m) => m.trim() === etag)) {
    return c.body(null, 304, headers);
  }
  const bytes = await readFile(documentFilePath(c.var.config.dataDir, doc.sha256)).catch(() => {
    throw new NotFoundError('errors.notFound');
  });
  return c.body(new Uint8Array(bytes), 200, {
    ...headers,
    'Content-Type': doc.mediaType,
    'Content-Length': String(bytes.byteLength),
  });
}

const serve = async (c: Context<AppEnv>) => {
  const id = uuidParam(c, 'id');
  const doc = await findPublicDocument(c.var.database.db, c.var.publicAgency.id, id);
  if (!doc) throw new NotFoundError('errors.notFound');
  return sendDocument(c, doc);
};
documentRoutes.get('/files/:id', serve);
documentRoutes.get('/files/:id/:name', serve);
