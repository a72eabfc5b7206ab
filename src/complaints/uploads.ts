import type { ComplaintUpload } from './file-complaint.js';

/** The files of a multipart field as upload bytes (empty file inputs are skipped). */
export function uploadsOf(
  body: Record<string, unknown>,
  field: string,
): Promise<ComplaintUpload[]> {
  const items = ([] as unknown[]).concat(body[field] ?? []);
  return Promise.all(
    items
      .filter((v): v is File => v instanceof File && v.size > 0)
      .map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}
