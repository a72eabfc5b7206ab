import { z } from 'zod';
import { cleanText, requiredText } from '../core/validation/text.js';
import { typedNumber } from '../core/validation/typed-number.js';
import { fiscalYearOf } from '../core/i18n/thai-format.js';
import { ACTIVITY_KINDS, GIFT_ACTIONS } from './schema.js';

/** A calendar date from `<input type="date">` (CE yyyy-mm-dd) that exists: 2027-02-30 is refused. */
export const CalendarDate = z
  .string('integrity.errors.date')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'integrity.errors.date')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'integrity.errors.date');

/** The fiscal year (named by the Buddhist-era year it ends in) a date falls in, at noon in Bangkok. */
export function fiscalYearOfDate(isoDate: string): number {
  return fiscalYearOf(new Date(`${isoDate}T12:00:00+07:00`));
}

/** A No Gift activity or the executive's declaration event, as typed. */
export const ActivityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS, 'integrity.errors.activityKind'),
  heldOn: CalendarDate,
  title: requiredText(300),
  place: cleanText({ max: 300 }).default(''),
  participants: requiredText(2000),
  details: cleanText({ max: 8000 }).default(''),
});
export type ActivityInput = z.input<typeof ActivityInput>;

/** A gift offered to a staff member and what was done with it, as typed. */
export const GiftInput = z.object({
  offeredOn: CalendarDate,
  recipient: requiredText(300),
  giver: requiredText(300),
  description: requiredText(2000),
  valueBaht: typedNumber(
    z.coerce
      .number('integrity.errors.value')
      .min(0, 'integrity.errors.value')
      .max(1_000_000_000, 'integrity.errors.value'),
  ),
  action: z.enum(GIFT_ACTIONS, 'integrity.errors.giftAction'),
  note: cleanText({ max: 2000 }).default(''),
});
export type GiftInput = z.input<typeof GiftInput>;

/** A declaration of interests: yearly (no committee) or for one procurement committee. */
export const InterestInput = z.object({
  fiscalYear: typedNumber(
    z.coerce
      .number('integrity.errors.badYear')
      .int('integrity.errors.badYear')
      .min(2500, 'integrity.errors.badYear')
      .max(2700, 'integrity.errors.badYear'),
  ),
  committee: cleanText({ max: 500 }).default(''),
  hasConflict: z.enum(['yes', 'no'], 'integrity.errors.hasConflict'),
  details: cleanText({ max: 4000 }).default(''),
});
export type InterestInput = z.input<typeof InterestInput>;
