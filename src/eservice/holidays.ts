import { readFileSync } from 'node:fs';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { requiredText } from '../core/validation/text.js';
import { eserviceHolidays } from './schema.js';
import { WorkingCalendar } from './working-time.js';

export type HolidayKind = (typeof eserviceHolidays.$inferSelect)['kind'];
export interface Holiday {
  day: string;
  name: string;
  kind: HolidayKind;
  isClosed: boolean;
  /** From the shipped national list, not (yet) changed by the agency. */
  isShipped: boolean;
}

/**
 * The civil-service holidays shipped with Prongsai (data, per year). An agency's own rows
 * override a shipped day (isClosed=false: open that day) and add days of its own. Lunar days
 * are never computed here (thai-rules.md §1.4: no lunar arithmetic in the deadline path).
 */
const NATIONAL: Holiday[] = (
  JSON.parse(
    readFileSync(new URL('./library/national-holidays.json', import.meta.url), 'utf8'),
  ) as { days: { day: string; name: string; kind: HolidayKind }[] }
).days.map((d) => ({ ...d, isClosed: true, isShipped: true }));

/** The agency's calendar for one Christian-era year: shipped days merged with its own rows. */
export async function listHolidays(
  db: DbOrTx,
  agencyId: string,
  ceYear: number,
): Promise<Holiday[]> {
  const from = `${ceYear}-01-01`;
  const to = `${ceYear + 1}-01-01`;
  const own = await scoped(db, agencyId).list(
    eserviceHolidays,
    and(gte(eserviceHolidays.day, from), lt(eserviceHolidays.day, to)),
    asc(eserviceHolidays.day),
  );
  const byDay = new Map<string, Holiday>();
  for (const h of NATIONAL) if (h.day >= from && h.day < to) byDay.set(h.day, h);
  for (const h of own) byDay.set(h.day, { ...h, isShipped: false });
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Every closed day of the agency (shipped and its own), as the deadline clock reads them. */
export async function loadWorkingCalendar(db: DbOrTx, agencyId: string): Promise<WorkingCalendar> {
  const own = await scoped(db, agencyId).list(eserviceHolidays);
  const closed = new Map<string, boolean>(NATIONAL.map((h) => [h.day, true]));
  for (const h of own) closed.set(h.day, h.isClosed);
  return new WorkingCalendar([...closed].filter(([, isClosed]) => isClosed).map(([day]) => day));
}

export const HolidayInput = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'eservice.errors.badDate')
    // 2027-02-30 matches the pattern; a real date reads back the same.
    .refine((d) => {
      const time = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
    }, 'eservice.errors.badDate'),
  name: requiredText(200),
  kind: z.enum(['national', 'substitution', 'special', 'agency']).default('agency'),
  // A checkbox: absent means the agency is open that day.
  isClosed: z
    .union([z.literal('on'), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'on'),
});
export type HolidayInput = z.input<typeof HolidayInput>;

/** Adds or changes one day of the agency's calendar (the agency admin's page), audited. */
export async function saveHoliday(ctx: AgencyContext, raw: HolidayInput): Promise<void> {
  const input = HolidayInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const q = scoped(tx, ctx.agencyId);
    const before = await q.find(eserviceHolidays, eq(eserviceHolidays.day, input.day));
    if (before) {
      await q.update(eserviceHolidays, input, eq(eserviceHolidays.day, input.day));
    } else {
      await q.insert(eserviceHolidays, input);
    }
    await audit(tx, ctx, ctx.agencyId, {
      action: 'eservice.holiday.save',
      entityType: 'eservice_holiday',
      entityId: input.day,
      before,
      after: input,
    });
  });
}
