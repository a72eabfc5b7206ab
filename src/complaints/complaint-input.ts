import { z } from 'zod';
import { cleanText, requiredText } from '../core/validation/text.js';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  CONDUCT_TYPES,
  FORWARDING_CHANNELS,
} from './schema.js';

const checkbox = z
  .union([z.literal('1'), z.literal('on'), z.literal('')])
  .optional()
  .transform((v) => v === '1' || v === 'on');

/**
 * What a complaint form sends, from the public site or a staff member. A named complaint needs
 * a name and one way to reply (the common acceptance rule: a name and address that can be
 * verified, thai-rules §2); an anonymous one needs neither and is followed by its receipt.
 */
export const ComplaintInput = z
  .object({
    kind: z.enum(COMPLAINT_KINDS, { error: 'complaints.errors.kind' }),
    conductType: z.enum(CONDUCT_TYPES, { error: 'complaints.errors.conductType' }),
    subject: requiredText(200),
    details: cleanText({ min: 10, max: 5000 }),
    location: cleanText({ max: 300 }).default(''),
    accusedText: cleanText({ max: 300 }).default(''),
    isAnonymous: checkbox,
    name: cleanText({ max: 200 }).default(''),
    phone: cleanText({ max: 40 })
      .default('')
      .refine((v) => v === '' || /^[0-9+()\s-]{6,40}$/.test(v), 'complaints.errors.phone'),
    email: cleanText({ max: 200 })
      .default('')
      .refine((v) => v === '' || z.email().safeParse(v).success, 'complaints.errors.email'),
    address: cleanText({ max: 500 }).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.isAnonymous) return;
    if (!v.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'complaints.errors.nameRequired' });
    if (!v.phone && !v.email && !v.address) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'complaints.errors.contactRequired',
      });
    }
  });
export type ComplaintInput = z.infer<typeof ComplaintInput>;

/** A staff member's entry adds the channel and, for a forwarded case, its reference. */
export const StaffComplaintInput = z
  .object({
    channel: z.enum(COMPLAINT_CHANNELS, { error: 'complaints.errors.channel' }),
    channelReference: cleanText({ max: 100 }).default(''),
  })
  .and(ComplaintInput)
  .superRefine((v, ctx) => {
    if (FORWARDING_CHANNELS.includes(v.channel) && !v.channelReference) {
      ctx.addIssue({
        code: 'custom',
        path: ['channelReference'],
        message: 'complaints.errors.referenceRequired',
      });
    }
  });
export type StaffComplaintInput = z.infer<typeof StaffComplaintInput>;
