import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { NotFoundError } from '../core/errors.js';
import { uuidParam } from '../core/http/params.js';
import { contentDisposition, sendStoredFile, type FileToSend } from '../core/files/index.js';
import { findPublicDocument } from './queries.js';

export { contentDisposition };

/**
 * Public download route for published documents: mount under the agency's public site
 * (`/a/:slug`), e.g. `publicRoutes.route('/', documentRoutes)` → `/a/<slug>/files/<id>/<name>`.
 * The name segment is cosmetic (the id decides). Only documents of an approved version or an
 * executive's photo are served; the bytes' SHA-256 is the ETag.
 */
export const documentRoutes = new Hono<AppEnv>();

/**
 * Sends a stored document with the core store's safe headers (sniffed type, nosniff, sandboxing
 * CSP, RFC 5987 Content-Disposition, SHA-256 ETag with 304), streamed from disk.
 */
export function sendDocument(
  c: Context<AppEnv>,
  doc: FileToSend,
  cacheControl = 'public, max-age=300, must-revalidate',
) {
  return sendStoredFile(c, doc, { cacheControl });
}

const serve = async (c: Context<AppEnv>) => {
  const id = uuidParam(c, 'id');
  const doc = await findPublicDocument(c.get('database').db, c.get('publicAgency').id, id);
  if (!doc) throw new NotFoundError('errors.notFound');
  return sendDocument(c, doc);
};
documentRoutes.get('/files/:id', serve);
documentRoutes.get('/files/:id/:name', serve);
