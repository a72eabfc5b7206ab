import { z } from 'zod';
import isValidThaiID from 'thai-id-validator';
import { cleanText, isUuid, requiredText } from '../core/validation/text.js';
import { typedNumber } from '../core/validation/typed-number.js';
import { fromThaiDigits } from '../core/i18n/thai-format.js';
import { STAFF_TYPES } from './schema.js';

/**
 * A national ID as typed (Thai digits, spaces and dashes allowed: 1-2345-67890-12-1), checked
 * with its mod-11 check digit by `thai-id-validator`; empty means none.
 */
export const NationalId = z
  .string()
  .default('')
  .transform((s) => fromThaiDigits(s).replace(/[\s-]/g, ''))
  .refine(
    (s) => s === '' || (/^\d{13}$/.test(s) && isValidThaiID(s)),
    'personnel.errors.nationalId',
  );

export const PersonInput = z.object({
  fullName: requiredText(200),
  staffType: z.enum(STAFF_TYPES, 'personnel.errors.staffType'),
  position: requiredText(200),
  unitId: z
    .string()
    .default('')
    .refine((s) => s === '' || isUuid(s), 'personnel.errors.unit')
    .transform((s) => (s === '' ? null : s)),
  nationalId: NationalId,
});
export type PersonInput = z.input<typeof PersonInput>;

export const TrainingInput = z.object({
  fiscalYear: typedNumber(
    z.coerce
      .number('personnel.errors.badYear')
      .int('personnel.errors.badYear')
      .min(2500, 'personnel.errors.badYear')
      .max(2700, 'personnel.errors.badYear'),
  ),
  course: requiredText(300),
  provider: cleanText({ max: 300 }).default(''),
  attendedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'personnel.errors.date'),
  hours: typedNumber(
    z.coerce
      .number('personnel.errors.hours')
      .positive('personnel.errors.hours')
      .max(1000, 'personnel.errors.hours'),
  ),
});
export type TrainingInput = z.input<typeof TrainingInput>;

/** A staff hearing meeting as typed: date, how many attended, issues raised and answers. */
export const HearingInput = z.object({
  fiscalYear: TrainingInput.shape.fiscalYear,
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'personnel.errors.date'),
  attendees: typedNumber(
    z.coerce
      .number('personnel.errors.attendees')
      .int('personnel.errors.attendees')
      .min(1, 'personnel.errors.attendees')
      .max(100000, 'personnel.errors.attendees'),
  ),
  issues: requiredText(8000),
  answers: cleanText({ max: 8000 }).default(''),
});
export type HearingInput = z.input<typeof HearingInput>;

/** One activity of the year's HR plan as typed. */
export const PlanActivityInput = z.object({
  fiscalYear: TrainingInput.shape.fiscalYear,
  title: requiredText(500),
  target: cleanText({ max: 1000 }).default(''),
  owner: cleanText({ max: 300 }).default(''),
});
export type PlanActivityInput = z.input<typeof PlanActivityInput>;

/** Progress of a plan activity: a whole percentage and what was done. */
export const PlanProgressInput = z.object({
  progress: typedNumber(
    z.coerce
      .number('personnel.errors.progress')
      .int('personnel.errors.progress')
      .min(0, 'personnel.errors.progress')
      .max(100, 'personnel.errors.progress'),
  ),
  result: cleanText({ max: 4000 }).default(''),
});
export type PlanProgressInput = z.input<typeof PlanProgressInput>;
