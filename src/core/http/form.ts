import type { Context } from 'hono';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import type { AppEnv } from './env.js';
import { formFields } from './middleware.js';

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// C0/C1 controls except tab, newline and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Text typed by a person: NFC-normalised (Thai vowels and tone marks typed in either order
 * compare equal), zero-width characters removed (they are invisible in forms and break
 * search and uniqueness), trimmed; control characters and undecodable bytes refused.
 */
export function cleanText(options: { max?: number; min?: number } = {}) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').replace(ZERO_WIDTH, '').trim())
    .pipe(
      z
        .string()
        .min(options.min ?? 0, options.min ? 'form.required' : undefined)
        .max(options.max ?? 500, 'form.tooLong')
        .refine((s) => !s.includes('\uFFFD'), 'errors.invalidEncoding')
        .refine((s) => !CONTROL.test(s.replace(/[\t\n\r]/g, '')), 'errors.controlCharacters'),
    );
}

export const requiredText = (max = 500) => cleanText({ min: 1, max });

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, unknown> }
  | { ok: false; errors: Record<string, string>; values: Record<string, unknown> };

/**
 * Reads an urlencoded or multipart body and validates it. On failure returns field errors
 * (i18n keys or zod's Thai messages) and the submitted values so the form re-renders filled in.
 */
export async function readForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<FormResult<z.infer<S>>> {
  let body: Record<string, unknown>;
  try {
    body = await formFields(c, { all: true });
  } catch (error) {
    throw new ValidationError('errors.badForm', {}, { cause: String(error) });
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key !== '_csrf') values[key] = value;
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** Like readForm, but throws a ValidationError (→ 422 page) instead of returning errors. */
export async function parseForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<z.infer<S>> {
  const result = await readForm(c, schema);
  if (!result.ok) throw new ValidationError('errors.validation', result.errors);
  return result.data;
}
