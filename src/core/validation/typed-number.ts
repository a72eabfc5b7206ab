import { z } from 'zod';
import { fromThaiDigits } from '../i18n/thai-format.js';
import './field-messages.js';

/** 1,234,567 or 1 234 567 (grouped by three), optionally with decimals. */
const GROUPED = /^[+-]?\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?$/;

/**
 * A number as a person types it into a form: Thai digits (๐–๙) read as digits, surrounding
 * spaces dropped, and thousands separators (comma or space, grouped by three) removed.
 * "๒๕๖๙" → "2569", "1,500" → "1500", " ๑๐๐ " → "100". Anything else is left as it is for
 * the schema to refuse ("1,5" is not a grouping: the Thai decimal mark is the point).
 * Non-strings pass through untouched.
 */
export function normalizeTypedNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = fromThaiDigits(value.normalize('NFKC')).trim();
  return GROUPED.test(text) ? text.replace(/[,\u00a0\u202f ]/g, '') : text;
}

/**
 * Wraps a number schema so it accepts what people type (see normalizeTypedNumber).
 * @example typedNumber(z.coerce.number().int().min(0).max(100))
 */
export function typedNumber<S extends z.ZodType>(schema: S) {
  return z.preprocess(normalizeTypedNumber, schema);
}

/**
 * A whole number typed into a form; blank is refused as "required" (z.coerce alone reads ""
 * as 0). Thai digits and thousands separators accepted.
 */
export function typedInteger(options: { min?: number; max?: number; message?: string } = {}) {
  let schema = z.number(options.message).int(options.message);
  if (options.min !== undefined) schema = schema.min(options.min, options.message);
  if (options.max !== undefined) schema = schema.max(options.max, options.message);
  return z.preprocess((value) => {
    const text = normalizeTypedNumber(value);
    if (text === '' || text === undefined) return undefined;
    // Only plain decimals become numbers: Number() would also read "0x10", "1e3" or "Infinity".
    if (typeof text === 'string') return /^[+-]?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text;
    return text;
  }, schema);
}
