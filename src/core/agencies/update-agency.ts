import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { agencies } from './schema.js';
import { cleanText, requiredText } from '../validation/text.js';

const optionalUrl = cleanText({ max: 500 }).refine(
  (s) => s === '' || /^https?:\/\/[^\s]+$/.test(s),
  'agencies.errors.badUrl',
);

export const UpdateAgencyInput = z.object({
  nameTh: requiredText(200),
  nameEn: cleanText({ max: 200 }),
  kindTh: cleanText({ max: 100 }),
  subdistrictTh: cleanText({ max: 100 }),
  districtTh: cleanText({ max: 100 }),
  provinceTh: cleanText({ max: 100 }),
  address: cleanText({ max: 500 }),
  phone: cleanText({ max: 100 }),
  email: cleanText({ max: 254 }).refine(
    (s) => s === '' || /^[^\s@]+@[^\s@]+$/.test(s),
    'agencies.errors.badEmail',
  ),
  website: optionalUrl,
  mapUrl: optionalUrl,
  facebook: optionalUrl,
});
export type UpdateAgencyInput = z.input<typeof UpdateAgencyInput>;

/** Edits the agency's own names and contact details (agency admin). */
export async function updateAgency(ctx: AgencyContext, rawInput: UpdateAgencyInput) {
  const input = UpdateAgencyInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(agencies).where(eq(agencies.id, ctx.agencyId));
    if (!before) throw new NotFoundError();
    const { address, phone, email, website, mapUrl, facebook, ...names } = input;
    const contact = { ...before.contact, address, phone, email, website, mapUrl, facebook };
    const [after] = await tx
      .update(agencies)
      .set({ ...names, contact, updatedAt: ctx.now() })
      .where(eq(agencies.id, ctx.agencyId))
      .returning();
    await audit(tx, ctx, ctx.agencyId, {
      action: 'agencies.agency.update',
      entityType: 'agency',
      entityId: ctx.agencyId,
      before,
      after,
    });
    return after!;
  });
}
