import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { ValidationError } from '../core/errors.js';
import { BUDDHIST_YEAR_MAX, BUDDHIST_YEAR_MIN } from '../core/i18n/thai-format.js';
import { typedNumber } from '../core/validation/typed-number.js';
import type { EntryLink, EntryTable } from './schema.js';
import { attachDocuments, saveEntry } from './save-entry.js';
import { checkDocumentUpload, storeDocument } from './store-document.js';

/** "label | url" lines → links; the line number of the first bad one is reported. */
function parseLinks(text: string): EntryLink[] | { line: number } {
  const links: EntryLink[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const bar = line.lastIndexOf('|');
    const label = bar >= 0 ? line.slice(0, bar).trim() : '';
    const href = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    if (!/^https?:\/\/\S+$/i.test(href)) return { line: i + 1 };
    links.push({ label: label || href, href });
  }
  return links;
}

function parseTable(text: string): EntryTable | null {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split('|').map((c) => c.trim()));
  if (rows.length === 0) return null;
  const [columns, ...rest] = rows as [string[], ...string[][]];
  return { columns, rows: rest };
}

/**
 * Whether an item's form offers a table: items whose name asks for a monthly summary or
 * statistics (e.g. สรุปผลการจัดซื้อจัดจ้างรายเดือน) are published as tables on the public page.
 */
export function isTabularItem(nameTh: string): boolean {
  return /รายเดือน|สถิติ|สรุปผล/.test(nameTh);
}

/**
 * The item form as typed: links one per line ("label | url"), the table one row per line
 * ("a | b"), a unit, dates and any number of files. Thai digits are accepted in the year.
 */
export const ItemForm = z.object({
  contentHtml: z.string().max(200_000).default(''),
  links: z.string().max(50_000).default(''),
  table: z.string().max(200_000).default(''),
  responsibleUnitId: z.union([z.literal(''), z.uuid()]).default(''),
  publishDate: z
    .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'disclosure.errors.badDate')])
    .default(''),
  documentYear: z
    .union([
      z.literal(''),
      typedNumber(z.coerce.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX)),
    ])
    .default(''),
  removeDocumentIds: z
    .union([z.uuid(), z.array(z.uuid())])
    .optional()
    .transform((v) => (v === undefined ? [] : ([] as string[]).concat(v))),
  file: z.unknown().optional(),
});

function uploadedFiles(value: unknown): File[] {
  return ([] as unknown[])
    .concat(value ?? [])
    .filter((f): f is File => f instanceof File && f.size > 0);
}

/**
 * Saves an item's form: the entry, then its uploads. Every file is checked (size, kind by its
 * bytes) and the links parsed before anything is written, so a wrong file or link leaves the
 * entry as it was instead of saving the text without its documents.
 */
export async function saveItemForm(
  ctx: AgencyContext,
  target: { dataDir: string; year: number; code: string },
  form: z.infer<typeof ItemForm>,
) {
  const { year, code } = target;
  const links = parseLinks(form.links);
  if (!Array.isArray(links)) {
    throw new ValidationError('errors.validation', {
      links: `disclosure.errors.badLinks?line=${links.line}`,
    });
  }
  const files = await Promise.all(
    uploadedFiles(form.file).map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  for (const file of files) checkDocumentUpload({ bytes: file.bytes });
  const entry = await saveEntry(ctx, {
    fiscalYear: year,
    itemCode: code,
    contentHtml: form.contentHtml,
    links,
    table: parseTable(form.table),
    responsibleUnitId: form.responsibleUnitId || null,
    publishDate: form.publishDate || null,
    removeDocumentIds: form.removeDocumentIds,
  });
  const stored: string[] = [];
  for (const file of files) {
    const doc = await storeDocument(ctx, {
      dataDir: target.dataDir,
      entryId: entry.id,
      fileName: file.name,
      bytes: file.bytes,
      documentYear: form.documentYear === '' ? null : form.documentYear,
    });
    stored.push(doc.id);
  }
  await attachDocuments(ctx, entry.id, stored);
  return entry;
}
