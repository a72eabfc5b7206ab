import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../core/db/client.js';
import { ValidationError } from '../core/errors.js';
import { scoped } from '../core/db/scoped.js';
import { staff, units } from '../core/agencies/schema.js';
import { fiscalYearOf } from '../core/i18n/thai-format.js';
import { isUuid, requiredText } from '../core/validation/text.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'measures.errors.badDate')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'measures.errors.badDate')
  .refine((s) => {
    // 2024-02-30 parses (as 1 March); only a date that prints back as typed is real.
    const date = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
  }, 'measures.errors.badDate');

/** ขั้นตอนการดำเนินการ as typed into the form or built from the analysis. */
export const ActionInput = z
  .object({
    stepText: requiredText(2000),
    unitId: z.string(),
    officerUserId: z
      .string()
      .optional()
      .transform((s) => (s ? s : null)),
    startDate: isoDate,
    dueDate: isoDate,
  })
  .refine((a) => a.startDate <= a.dueDate, {
    message: 'measures.errors.datesOutOfOrder',
    path: ['dueDate'],
  });
export type ActionInput = z.input<typeof ActionInput>;

/** A form field as sent: the use case, not the form, says what is wrong with it (its Thai message). */
export const sentField = z.string().default('');

/** The add-step form as sent (addAction checks it with ActionInput). */
export const ActionForm = z.object({
  stepText: sentField,
  unitId: sentField,
  officerUserId: sentField,
  startDate: sentField,
  dueDate: sentField,
});

/** Parses with zod and turns its issues into one ValidationError with field errors. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues)
    fieldErrors[String(issue.path[0] ?? '_form')] ??= issue.message;
  const first = Object.values(fieldErrors)[0]!;
  throw new ValidationError(
    first.startsWith('measures.') ? first : 'errors.validation',
    fieldErrors,
  );
}

/**
 * Refuses a unit or officer that is not of this agency. The composite FKs would refuse it too,
 * but as a 500; this says why, in Thai, before anything is written.
 */
export async function assertUnitAndOfficer(
  db: DbOrTx,
  agencyId: string,
  unitId: string,
  officerUserId: string | null,
): Promise<void> {
  const q = scoped(db, agencyId);
  if (!isUuid(unitId) || !(await q.find(units, eq(units.id, unitId)))) {
    throw new ValidationError('measures.errors.unitNotFound', {
      unitId: 'measures.errors.unitNotFound',
    });
  }
  if (officerUserId !== null) {
    const member = isUuid(officerUserId)
      ? await q.find(staff, and(eq(staff.userId, officerUserId))!)
      : null;
    if (!member) {
      throw new ValidationError('measures.errors.officerNotFound', {
        officerUserId: 'measures.errors.officerNotFound',
      });
    }
  }
}

/**
 * Refuses a step dated outside its measure's fiscal year (1 Oct – 30 Sep, named by the year it
 * ends in): a plan of one year reports that year's work. Dates are Bangkok calendar days.
 */
export function assertDatesInFiscalYear(
  fiscalYear: number,
  dates: { startDate: string; dueDate: string },
): void {
  const yearOf = (isoDate: string) => fiscalYearOf(new Date(`${isoDate}T12:00:00+07:00`));
  const fieldErrors: Record<string, string> = {};
  for (const field of ['startDate', 'dueDate'] as const) {
    if (yearOf(dates[field]) !== fiscalYear)
      fieldErrors[field] = 'measures.errors.outsideFiscalYear';
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new ValidationError('measures.errors.outsideFiscalYear', fieldErrors, { fiscalYear });
  }
}
