import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ConflictError, ForbiddenError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { agencies, units } from './schema.js';
import { cleanText, requiredText } from '../validation/text.js';

export const AgencySlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'agencies.errors.badSlug');

export const CreateAgencyInput = z.object({
  slug: AgencySlug,
  nameTh: requiredText(200),
  nameEn: cleanText({ max: 200 }).default(''),
  kindTh: cleanText({ max: 100 }).default(''),
  subdistrictTh: cleanText({ max: 100 }).default(''),
  districtTh: cleanText({ max: 100 }).default(''),
  provinceTh: cleanText({ max: 100 }).default(''),
  /** Units to create with the agency, e.g. the usual สำนักปลัด, กองคลัง, กองช่าง. */
  unitsTh: z.array(requiredText(200)).default([]),
});
export type CreateAgencyInput = z.input<typeof CreateAgencyInput>;

/** The units most Thai municipalities have; offered as a default, always editable data. */
export const DEFAULT_MUNICIPAL_UNITS = [
  'สำนักปลัด',
  'กองคลัง',
  'กองช่าง',
  'กองการศึกษา',
  'กองสาธารณสุขและสิ่งแวดล้อม',
];

/** Creates an agency (instance admin only) with its first units, audited on the instance chain. */
export async function createAgency(ctx: AppContext, rawInput: CreateAgencyInput) {
  if (!ctx.actor.isInstanceAdmin) throw new ForbiddenError();
  const input = CreateAgencyInput.parse(rawInput);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(agencies).where(eq(agencies.slug, input.slug));
    if (existing) throw new ConflictError('agencies.errors.slugTaken', { slug: input.slug });
    const { unitsTh, ...fields } = input;
    const [agency] = await tx.insert(agencies).values(fields).returning();
    if (!agency) throw new Error('insert returned nothing');
    if (unitsTh.length > 0) {
      await tx
        .insert(units)
        .values(unitsTh.map((nameTh, i) => ({ agencyId: agency.id, nameTh, sortOrder: i + 1 })));
    }
    await audit(tx, ctx, null, {
      action: 'agencies.agency.create',
      entityType: 'agency',
      entityId: agency.id,
      after: { ...agency, unitsTh },
    });
    return agency;
  });
}
