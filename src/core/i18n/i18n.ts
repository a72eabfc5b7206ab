import type { Locale } from '../context.js';

/** A catalog typed against the Thai source: same keys, string leaves. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
type Catalog = { [key: string]: string | Catalog };

const catalogs: Record<Locale, Catalog> = { th: {}, en: {} };

/**
 * Registers a module's catalogs under its namespace (`agencies`, `assessment`, …).
 * Thai is the source language; English is typed against it so a missing key fails tsc.
 */
export function registerCatalog<T extends Catalog>(
  namespace: string,
  th: T,
  en: Translation<T>,
): void {
  if (namespace === '') {
    // The core catalog sits at the root: t('save'), t('errors.notFound').
    Object.assign(catalogs.th, th);
    Object.assign(catalogs.en, en);
    return;
  }
  catalogs.th[namespace] = th;
  catalogs.en[namespace] = en as Catalog;
}

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Whether a key exists in the Thai catalog (used by the i18n test). */
export function hasKey(key: string): boolean {
  return lookup(catalogs.th, key) !== undefined;
}

export function allKeys(locale: Locale = 'th'): string[] {
  const out: string[] = [];
  const walk = (node: Catalog, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out.push(key);
      else walk(v, key);
    }
  };
  walk(catalogs[locale], '');
  return out;
}

/**
 * Translates a key, falling back to Thai and then to the key itself (visible, never a crash).
 * `{name}` placeholders are filled from params, and from a `?name=value` suffix on the key
 * (how a zod issue carries its limits, core/validation/field-messages.ts). A value that is not
 * a key (a ready message) is returned as it is.
 */
export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string {
  // A validator's message carries its numbers after the key: `form.textTooLong?max=500`.
  const query = key.indexOf('?');
  if (query > 0 && lookup(catalogs.th, key.slice(0, query)) !== undefined) {
    const carried = Object.fromEntries(new URLSearchParams(key.slice(query + 1)));
    return translate(locale, key.slice(0, query), { ...carried, ...params });
  }
  const text = lookup(catalogs[locale], key) ?? lookup(catalogs.th, key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] === undefined ? m : String(params[name]),
  );
}

export type TranslateFn = (key: string, params?: Record<string, unknown>) => string;

export function translator(locale: Locale): TranslateFn {
  return (key, params) => translate(locale, key, params);
}
