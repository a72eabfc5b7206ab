import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { agencies } from './schema.js';

/** The agency with this slug (as typed in a CLI flag or a URL), or null. */
export async function findAgencyBySlug(db: DbOrTx, slug: string) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.slug, slug));
  return agency ?? null;
}

/**
 * The agencies a CLI command works on: the one named by `--agency SLUG`, or every agency when
 * the flag is absent. Null when the slug names no agency (the command says so and exits 1).
 */
export async function findCommandAgencies(db: DbOrTx, slug: string | undefined) {
  if (slug === undefined) return db.select().from(agencies);
  const agency = await findAgencyBySlug(db, slug);
  return agency ? [agency] : null;
}
