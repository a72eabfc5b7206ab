import { z } from 'zod';
import { cleanText, requiredText } from '../core/validation/text.js';

// The manual's fields follow the info.go.th template that อปท. use (thai-rules.md §1.2) and the
// ITA item "คู่มือหรือแนวทางการขอรับบริการ": name, steps, time, channels, fees, documents. A
// manual with no fee or no document says so explicitly: an empty list is rendered as
// "ไม่มีค่าธรรมเนียม" / "ไม่ต้องใช้เอกสาร", never as a blank.

/** The unit of a step's time limit. `days` are working days (วันทำการ), counted per ป.พ.พ. ม.193/3. */
export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const ManualStep = z.object({
  title: requiredText(200),
  description: cleanText({ max: 1000 }).default(''),
  duration: z.number().int().min(1).max(10_000),
  durationUnit: z.enum(DURATION_UNITS),
  /** ส่วนงานที่รับผิดชอบ: a unit of the agency (core_units). */
  unitId: z.string().uuid().nullable().default(null),
});
export type ManualStep = z.infer<typeof ManualStep>;

export const ManualDocument = z.object({
  name: requiredText(300),
  copies: z.number().int().min(1).max(99).default(1),
  /** Copy (สำเนา) rather than the original. */
  isCopy: z.boolean().default(false),
  note: cleanText({ max: 300 }).default(''),
});
export type ManualDocument = z.infer<typeof ManualDocument>;

export const ManualFee = z.object({
  description: requiredText(300),
  /** สตางค์: money is never a float (STYLE.md §4). */
  amountSatang: z.number().int().min(0).max(100_000_000_00),
});
export type ManualFee = z.infer<typeof ManualFee>;

/** คู่มือสำหรับประชาชน: one revision's content, stored whole as JSON. */
export const Manual = z.object({
  name: requiredText(300),
  unitId: z.string().uuid().nullable().default(null),
  category: cleanText({ max: 200 }).default(''),
  legalBasis: z.array(requiredText(300)).max(30).default([]),
  servicePlace: cleanText({ max: 500 }).default(''),
  serviceHours: cleanText({ max: 300 }).default(''),
  isOnline: z.boolean().default(true),
  conditions: cleanText({ max: 3000 }).default(''),
  steps: z.array(ManualStep).min(1).max(30),
  documents: z.array(ManualDocument).max(40).default([]),
  fees: z.array(ManualFee).max(20).default([]),
  complaintChannels: z.array(requiredText(300)).max(10).default([]),
  forms: z.array(requiredText(300)).max(20).default([]),
});
export type Manual = z.infer<typeof Manual>;
export type ManualInput = z.input<typeof Manual>;

const MINUTES_PER: Record<DurationUnit, number> = {
  minutes: 1,
  hours: 60,
  // One working day = the office day of 7 hours' service (08.30–16.30 less lunch), as the
  // manuals add them up; only used to compare totals across revisions, never for a deadline.
  days: 7 * 60,
};

/** A manual's total time in working minutes, to compare two revisions. */
export function totalMinutes(manual: Pick<Manual, 'steps'>): number {
  return manual.steps.reduce((sum, s) => sum + s.duration * MINUTES_PER[s.durationUnit], 0);
}

/**
 * The total as the manual states it: the sum in the unit of the longest step when all steps
 * share it, otherwise in the smallest unit used.
 */
export function totalDuration(manual: Pick<Manual, 'steps'>): {
  value: number;
  unit: DurationUnit;
} {
  const units = new Set(manual.steps.map((s) => s.durationUnit));
  if (units.size === 1) {
    const [unit] = [...units] as [DurationUnit];
    return { value: manual.steps.reduce((sum, s) => sum + s.duration, 0), unit };
  }
  const minutes = totalMinutes(manual);
  if (units.has('minutes')) return { value: minutes, unit: 'minutes' };
  return { value: Math.round(minutes / 60), unit: 'hours' };
}

/**
 * What a revision improved over the previous one, for the public page ("ลดระยะเวลาจาก 30 วัน
 * เหลือ 15 วัน"; the seed asks agencies to publish the improvement): fewer steps and/or less
 * total time. Null when nothing was cut.
 */
export function improvementOf(
  previous: Pick<Manual, 'steps'>,
  current: Pick<Manual, 'steps'>,
): {
  stepsFrom?: number;
  stepsTo?: number;
  timeFrom?: { value: number; unit: DurationUnit };
  timeTo?: { value: number; unit: DurationUnit };
} | null {
  const fewerSteps = current.steps.length < previous.steps.length;
  const lessTime = totalMinutes(current) < totalMinutes(previous);
  if (!fewerSteps && !lessTime) return null;
  return {
    ...(fewerSteps ? { stepsFrom: previous.steps.length, stepsTo: current.steps.length } : {}),
    ...(lessTime ? { timeFrom: totalDuration(previous), timeTo: totalDuration(current) } : {}),
  };
}

/** Baht from satang, with thousands separators and no trailing .00. */
export function bahtText(satang: number): string {
  return (satang / 100).toLocaleString('th-TH', { maximumFractionDigits: 2 });
}
