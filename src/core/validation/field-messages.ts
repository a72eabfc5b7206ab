import { z } from 'zod';
import { en as coreEn, th as coreTh } from '../i18n/core-catalog.js';

/**
 * zod's own messages ("Invalid string: must match pattern…", "expected number, received NaN")
 * are English text for developers. Installed as zod's locale, this map turns every issue a
 * schema did not word itself into a key of the core catalog (`form.*`), with the numbers the
 * message needs after a `?` (`form.textTooLong?max=500`). `translate()` fills them in, so the
 * person reads Thai (or English) and never the validator's wording. A schema's own message
 * (`'measures.errors.percentRange'`) still wins, as zod gives it precedence.
 */
export function fieldMessageKey(issue: z.core.$ZodRawIssue): string {
  const withParams = (key: string, params: Record<string, number | bigint | string>) =>
    `${key}?${new URLSearchParams(
      Object.entries(params).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : Number(v).toLocaleString('en-US'),
      ]),
    ).toString()}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') {
        return 'form.required';
      }
      // z.int() on 2.5: a number, just not a whole one.
      if (
        issue.expected === 'int' &&
        typeof issue.input === 'number' &&
        Number.isFinite(issue.input)
      ) {
        return 'form.notWholeNumber';
      }
      return issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint'
        ? 'form.notANumber'
        : issue.expected === 'date'
          ? 'form.badDate'
          : 'form.invalid';
    case 'too_big': {
      const max = issue.inclusive === false ? Number(issue.maximum) - 1 : issue.maximum;
      if (issue.origin === 'string') return withParams('form.textTooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') {
        return withParams('form.tooManyItems', { max });
      }
      if (issue.origin === 'file') return 'form.fileTooLarge';
      return withParams('form.numberTooBig', { max: issue.maximum });
    }
    case 'too_small': {
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'form.required'
          : withParams('form.textTooShort', { min: issue.minimum });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return withParams('form.tooFewItems', { min: issue.minimum });
      }
      return withParams('form.numberTooSmall', { min: issue.minimum });
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'form.badEmail';
        case 'url':
          return 'form.badUrl';
        case 'date':
        case 'datetime':
          return 'form.badDate';
        case 'uuid':
        case 'guid':
          return 'form.badChoice';
        default:
          return 'form.badFormat';
      }
    case 'not_multiple_of':
      return issue.divisor === 1 ? 'form.notWholeNumber' : 'form.invalid';
    case 'invalid_union': {
      // `'' | email`: the branch that explains is the one that is not the blank literal.
      const inner = (issue.errors ?? []).flat().find((i) => i.code !== 'invalid_value');
      return inner?.message ?? 'form.badChoice';
    }
    case 'invalid_value':
      return 'form.badChoice';
    default:
      return 'form.invalid';
  }
}

// Once per process, whichever module is loaded first: forms, use cases and tests alike.
z.config({ localeError: fieldMessageKey });

/**
 * A field's message from a zod issue: the schema's own key, else the `form.*` key above. The
 * first issue of each field wins. Nested paths are joined as the inputs are named
 * (`measures.0.measureTh`); a trailing line index (`findingsTh.3`) names the whole field.
 */
export function fieldErrorsOf(
  issues: readonly z.core.$ZodIssue[],
  options: { nested?: boolean } = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    // A trailing index is one line of a list typed one item per line into one field.
    const path =
      options.nested && typeof issue.path.at(-1) === 'number'
        ? issue.path.slice(0, -1)
        : issue.path;
    const field = options.nested
      ? path.map(String).join('.') || '_form'
      : String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * A `form.*` message in Thai or English without the app's catalogs (for start-up, where the
 * config is validated before any catalog is registered). Other text is returned as it is.
 */
export function describeFieldMessage(message: string, locale: 'th' | 'en'): string {
  const [key = '', query = ''] = message.split('?', 2);
  const name = key.startsWith('form.') ? key.slice('form.'.length) : '';
  const catalog = (locale === 'th' ? coreTh.form : coreEn.form) as Record<string, string>;
  const text = catalog[name];
  if (!text) return message;
  const params = Object.fromEntries(new URLSearchParams(query));
  return text.replace(/\{(\w+)\}/g, (m, p: string) => params[p] ?? m);
}
