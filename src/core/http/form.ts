import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { AppError, ValidationError } from '../errors.js';
import { fieldErrorsOf } from '../validation/field-messages.js';
import type { AppEnv } from './env.js';
import { formFields } from './middleware.js';

/**
 * What a form page needs to come back after a refusal: the text as typed, the message next to
 * each field, the summary's message, and which files were chosen (browsers cannot refill a
 * file input, so the page names them and asks for them again).
 */
export interface FormState {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  message?: string | undefined;
  /** File field → names of the files chosen in the refused submission. */
  chosenFiles: Record<string, string[]>;
}

/** A form shown for the first time: nothing typed, nothing wrong. */
export const FRESH_FORM: FormState = { values: {}, errors: {}, chosenFiles: {} };

/**
 * Splits a submitted body into typed values (what goes back into the inputs) and the names of
 * the files chosen per field (never echoed as bytes). The CSRF token is dropped: the page
 * renders a fresh one.
 */
export function typedValues(body: Record<string, unknown>): Omit<FormState, 'errors'> {
  const values: Record<string, unknown> = {};
  const chosenFiles: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    const items = Array.isArray(value) ? value : [value];
    const files = items.filter((v): v is File => v instanceof File);
    if (files.length === 0) {
      values[key] = value;
      continue;
    }
    const names = files.filter((f) => f.size > 0).map((f) => f.name);
    if (names.length > 0) chosenFiles[key] = names;
  }
  return { values, chosenFiles };
}

/**
 * Whether an error is one the person can fix on the form they sent, and with which status:
 * invalid input (422), a file over its limit after the body was read (413), a conflict with
 * stored data (409) or a refusal of this particular change (403). Not found, log-in and rate
 * limits are not: they go to the one error page. A ZodError from a use case's own parse is
 * invalid input.
 */
export function formRefusal(
  error: unknown,
): { status: 403 | 409 | 413 | 422; errors: Record<string, string>; message: string } | null {
  if (error instanceof z.ZodError) {
    return {
      status: 422,
      errors: fieldErrorsOf(error.issues, { nested: true }),
      message: 'errors.validation',
    };
  }
  if (!(error instanceof AppError)) return null;
  const { fieldErrors, ...details } = error.details;
  const errors = (fieldErrors as Record<string, string> | undefined) ?? {};
  // The message's parameters ride on its key (`measures.errors.x?name=…`), as translate() reads.
  const params = Object.entries(details).filter(
    (entry): entry is [string, string | number] =>
      typeof entry[1] === 'string' || typeof entry[1] === 'number',
  );
  const message =
    params.length > 0
      ? `${error.messageKey}?${new URLSearchParams(params.map(([k, v]) => [k, String(v)]))}`
      : error.messageKey;
  switch (error.code) {
    case 'VALIDATION':
      return { status: 422, errors, message };
    case 'PAYLOAD_TOO_LARGE':
      return { status: 413, errors, message };
    case 'CONFLICT':
      return { status: 409, errors, message };
    case 'FORBIDDEN':
      return { status: 403, errors, message };
    default:
      return null;
  }
}

/** Renders a form page again, filled in, with the refusal's status. */
export function renderFormAgain(
  c: Context<AppEnv>,
  status: 403 | 409 | 413 | 422,
  state: FormState,
  page: (state: FormState) => Child | Promise<Child>,
): Response | Promise<Response> {
  c.status(status);
  const content = page(state);
  return content instanceof Promise ? content.then((p) => c.render(p)) : c.render(content);
}

/**
 * The one shape of a staff form's POST: read the body, validate it, call one use case, then
 * redirect (303, POST → redirect → GET). Any refusal — the schema's or the use case's (see
 * formRefusal) — renders the same page again with the person's text kept, the message next to
 * each field and the files to choose again named, instead of a dead-end error page. Anything
 * else propagates to the error handler.
 *
 * @example
 * .post('/units', (c) =>
 *   submitForm(c, {
 *     schema: UnitInput,
 *     run: (data) => createUnit(c.get('ctx'), data),
 *     redirect: () => '/staff/agency/units?notice=agencies.units.created',
 *     page: async (form) => <UnitsPage list={await list()} form={form} />,
 *   }))
 */
export async function submitForm<S extends z.ZodType, R>(
  c: Context<AppEnv>,
  options: {
    schema: S;
    run: (data: z.infer<S>, submitted: Omit<FormState, 'errors'>) => Promise<R>;
    page: (state: FormState) => Child | Promise<Child>;
  } & (
    | { redirect: (result: R) => string }
    /** For the rare form whose result is a page of its own (printed access codes). */
    | { respond: (result: R) => Response | Promise<Response> }
  ),
): Promise<Response> {
  let body: Record<string, unknown>;
  try {
    body = await formFields(c, { all: true });
  } catch (error) {
    throw new ValidationError('errors.badForm', {}, { cause: String(error) });
  }
  const submitted = typedValues(body);
  const fields: Record<string, unknown> = { ...body };
  delete fields._csrf;
  const parsed = options.schema.safeParse(fields);
  if (!parsed.success) {
    return renderFormAgain(
      c,
      422,
      { ...submitted, errors: fieldErrorsOf(parsed.error.issues), message: 'errors.validation' },
      options.page,
    );
  }
  let result: R;
  try {
    result = await options.run(parsed.data, submitted);
  } catch (error) {
    const refusal = formRefusal(error);
    if (!refusal) throw error;
    return renderFormAgain(
      c,
      refusal.status,
      { ...submitted, errors: refusal.errors, message: refusal.message },
      options.page,
    );
  }
  if ('respond' in options) return options.respond(result);
  return c.redirect(options.redirect(result), 303);
}
