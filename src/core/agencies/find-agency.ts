import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { agencies } from './schema.js';

/** The agency with this slug (as typed in a CLI flag or a URL), or null. */
export async function findAgencyBySlug(db: DbOrTx, slug: string) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.slug, slug));
  return agency ?? null;
}
