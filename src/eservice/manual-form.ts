import { z } from 'zod';
import { fromThaiDigits } from '../core/i18n/thai-format.js';
import { ValidationError } from '../core/errors.js';
import { cleanText } from '../core/validation/text.js';
import type { AgencyContext } from '../core/context.js';
import { saveManual } from './save-manual.js';
import { DURATION_UNITS, type Manual, type ManualInput } from './manual.js';

// The staff manual form works without JavaScript: steps are rows of parallel fields (blank
// rows ignored), lists are textareas with one entry per line. This file turns the submitted
// fields into a ManualInput and back, so the form re-renders exactly what was typed.

const asList = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => (typeof x === 'string' ? x : ''));
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Empty rows the form adds below the manual's steps, for new steps. */
export const BLANK_STEP_ROWS = 3;

export const ManualFormFields = z.object({
  code: z.string().max(100).default(''),
  name: cleanText({ max: 300 }),
  unitId: z.string().max(100).default(''),
  category: cleanText({ max: 200 }).default(''),
  legalBasis: cleanText({ max: 5000 }).default(''),
  servicePlace: cleanText({ max: 500 }).default(''),
  serviceHours: cleanText({ max: 300 }).default(''),
  isOnline: z.string().max(10).optional(),
  conditions: cleanText({ max: 3000 }).default(''),
  documents: cleanText({ max: 8000 }).default(''),
  fees: cleanText({ max: 5000 }).default(''),
  complaintChannels: cleanText({ max: 3000 }).default(''),
  forms: cleanText({ max: 3000 }).default(''),
  changeNote: cleanText({ max: 1000 }).default(''),
  stepTitle: z.unknown(),
  stepDuration: z.unknown(),
  stepUnit: z.unknown(),
  stepUnitId: z.unknown(),
});
export type ManualFormFields = z.infer<typeof ManualFormFields>;

const fieldError = (field: string, key: string) => new ValidationError(key, { [field]: key });

/** The submitted form as a ManualInput (validated again by Manual.parse in saveManual). */
export function manualFromForm(f: ManualFormFields): ManualInput {
  const titles = asList(f.stepTitle);
  const durations = asList(f.stepDuration);
  const units = asList(f.stepUnit);
  const unitIds = asList(f.stepUnitId);
  const steps: ManualInput['steps'] = [];
  titles.forEach((title, i) => {
    if (title.trim() === '') return;
    const duration = Number(fromThaiDigits((durations[i] ?? '').trim()));
    const unit = units[i] as (typeof DURATION_UNITS)[number];
    if (!Number.isInteger(duration) || duration < 1 || !DURATION_UNITS.includes(unit)) {
      throw fieldError('stepTitle', 'eservice.errors.stepsRequired');
    }
    steps.push({ title, duration, durationUnit: unit, unitId: unitIds[i] || null });
  });
  if (steps.length === 0) throw fieldError('stepTitle', 'eservice.errors.stepsRequired');
  const fees = lines(f.fees).map((line) => {
    const match = /^(.+?)\s*\|\s*([\d๐-๙,.]+)\s*(?:บาท)?$/.exec(line);
    if (!match) throw fieldError('fees', 'eservice.errors.badFee');
    const baht = Number(fromThaiDigits(match[2]!).replace(/,/g, ''));
    if (!Number.isFinite(baht) || baht < 0) throw fieldError('fees', 'eservice.errors.badFee');
    return { description: match[1]!, amountSatang: Math.round(baht * 100) };
  });
  return {
    name: f.name,
    unitId: f.unitId || null,
    category: f.category,
    legalBasis: lines(f.legalBasis),
    servicePlace: f.servicePlace,
    serviceHours: f.serviceHours,
    isOnline: f.isOnline === 'on',
    conditions: f.conditions,
    steps,
    documents: lines(f.documents).map((line) =>
      line.startsWith('สำเนา') ? { name: line, isCopy: true } : { name: line },
    ),
    fees,
    complaintChannels: lines(f.complaintChannels),
    forms: lines(f.forms),
  };
}

/** A stored manual as form values (the edit page's starting point). */
export function formFromManual(m: Manual): Record<string, unknown> {
  return {
    name: m.name,
    unitId: m.unitId ?? '',
    category: m.category,
    legalBasis: m.legalBasis.join('\n'),
    servicePlace: m.servicePlace,
    serviceHours: m.serviceHours,
    isOnline: m.isOnline ? 'on' : '',
    conditions: m.conditions,
    documents: m.documents
      .map((d) => (d.isCopy && !d.name.startsWith('สำเนา') ? `สำเนา${d.name}` : d.name))
      .join('\n'),
    fees: m.fees.map((fee) => `${fee.description} | ${fee.amountSatang / 100}`).join('\n'),
    complaintChannels: m.complaintChannels.join('\n'),
    forms: m.forms.join('\n'),
    stepTitle: m.steps.map((s) => s.title),
    stepDuration: m.steps.map((s) => String(s.duration)),
    stepUnit: m.steps.map((s) => s.durationUnit),
    stepUnitId: m.steps.map((s) => s.unitId ?? ''),
  };
}

/** Saves the submitted manual form as a new service or the next revision of one. */
export function saveManualForm(ctx: AgencyContext, fields: ManualFormFields, serviceId?: string) {
  return saveManual(ctx, {
    serviceId,
    code: fields.code,
    manual: manualFromForm(fields),
    changeNote: fields.changeNote,
  });
}
