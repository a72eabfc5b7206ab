import { z } from 'zod';
import { cleanText, requiredText } from '../core/validation/text.js';
import { typedNumber } from '../core/validation/typed-number.js';

/** A score on the 5-point scale, Thai digits accepted. */
const Score = typedNumber(
  z.coerce
    .number('integrity.errors.score')
    .int('integrity.errors.score')
    .min(1, 'integrity.errors.score')
    .max(5, 'integrity.errors.score'),
);

/** A risk of the register as typed on the form. */
export const RiskInput = z.object({
  fiscalYear: typedNumber(
    z.coerce
      .number('integrity.errors.badYear')
      .int('integrity.errors.badYear')
      .min(2500, 'integrity.errors.badYear')
      .max(2700, 'integrity.errors.badYear'),
  ),
  process: requiredText(300),
  risk: requiredText(1000),
  likelihood: Score,
  impact: Score,
  controls: cleanText({ max: 4000 }).default(''),
  owner: cleanText({ max: 300 }).default(''),
});
export type RiskInput = z.input<typeof RiskInput>;

/** A follow-up round (6 or 12 months) with the risk scored again. */
export const FollowUpInput = z.object({
  round: z.coerce.number().refine((r) => r === 6 || r === 12, 'integrity.errors.round'),
  likelihood: Score,
  impact: Score,
  note: requiredText(4000),
});
export type FollowUpInput = z.input<typeof FollowUpInput>;
