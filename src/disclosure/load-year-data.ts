import { existsSync, readFileSync } from 'node:fs';
import { BUDDHIST_YEAR_MAX, BUDDHIST_YEAR_MIN } from '../core/i18n/thai-format.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const FEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'feeds');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Per-year disclosure data (`feeds/fy<year>.json`): which OIT items each module feed fills,
 * and the NACC's assessment window for deadline reminders. Data, because both change yearly.
 */
export const DisclosureYearData = z.object({
  fiscalYear: z.number().int().min(BUDDHIST_YEAR_MIN).max(BUDDHIST_YEAR_MAX),
  assessmentWindow: z.object({ opensOn: isoDate, closesOn: isoDate, note: z.string().optional() }),
  feeds: z.record(z.string().regex(/^[a-z]+\.[a-z0-9-]+$/), z.array(z.string().regex(/^o\d+$/))),
});
export type DisclosureYearData = z.infer<typeof DisclosureYearData>;

const cache = new Map<number, DisclosureYearData | null>();

/** The year's data file, or null when there is none (no feeds, no window known). */
export function findDisclosureYearData(fiscalYear: number): DisclosureYearData | null {
  if (!cache.has(fiscalYear)) {
    const file = join(FEEDS_DIR, `fy${fiscalYear}.json`);
    cache.set(
      fiscalYear,
      existsSync(file) ? DisclosureYearData.parse(JSON.parse(readFileSync(file, 'utf8'))) : null,
    );
  }
  return cache.get(fiscalYear) ?? null;
}

/** OIT item codes that a feed key fills in that year (empty when unmapped). */
export function itemCodesForFeed(fiscalYear: number, feed: string): string[] {
  return findDisclosureYearData(fiscalYear)?.feeds[feed] ?? [];
}
