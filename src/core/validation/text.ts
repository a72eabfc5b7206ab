import { z } from 'zod';

// Validators that use cases share. They live here, not in core/http, so that a use case
// (which may run from the CLI, a job or a worker) never imports Hono.

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
        .max(options.max ?? 500)
        .refine((s) => !s.includes('\uFFFD'), 'errors.invalidEncoding')
        .refine((s) => !CONTROL.test(s.replace(/[\t\n\r]/g, '')), 'errors.controlCharacters'),
    );
}

export const requiredText = (max = 500) => cleanText({ min: 1, max });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | undefined | null): value is string {
  return typeof value === 'string' && UUID.test(value);
}
