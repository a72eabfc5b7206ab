import type { Context } from 'hono';
import { ZodError } from 'zod';
import type { AppEnv } from '../core/http/env.js';
import { AppError } from '../core/errors.js';

// GeoReport v2 answers in the format the path ends with (services.json | services.xml), and
// reports errors as an array of {code, description} in that same format, never as the HTML
// error page (wiki.open311.org/GeoReport_v2#Errors).

export type Open311Format = 'json' | 'xml';
type Open311ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

/** The element name of one item of a list, per the spec's XML examples. */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
};

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!,
  );

function xmlOf(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM[name] ?? 'item';
    return `<${name}>${value.map((v) => xmlOf(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => xmlOf(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * Sends `body` as JSON, or as XML under `root` (a list's root names its items, see ITEM).
 * @example open311Send(c, 'xml', 'services', [{ service_code: 'x' }])
 *   // <?xml …?><services><service><service_code>x</service_code></service></services>
 */
export function open311Send(
  c: Context<AppEnv>,
  format: Open311Format,
  root: string,
  body: unknown,
  status: 200 | Open311ErrorStatus = 200,
): Response {
  if (format === 'json') return c.json(body, status);
  return c.body(`<?xml version="1.0" encoding="utf-8"?>${xmlOf(root, body)}`, status, {
    'content-type': 'text/xml; charset=utf-8',
  });
}

/** The format suffix of a path segment (`abc.json` → ['abc', 'json']); null when neither. */
export function splitFormat(file: string): [string, Open311Format] | null {
  const match = /^(.{1,60})\.(json|xml)$/.exec(file);
  return match ? [match[1]!, match[2] as Open311Format] : null;
}

/**
 * Runs an Open311 handler; an AppError or invalid input becomes the spec's error array with the
 * same status and a Thai-first description (the agency's language), anything else propagates
 * to the app's error handler (a logged 500).
 */
export async function open311Answer(
  c: Context<AppEnv>,
  format: Open311Format,
  handler: () => Promise<Response>,
): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    const t = c.get('t');
    let status: Open311ErrorStatus;
    let description: string;
    if (error instanceof ZodError) {
      status = 400;
      const fields = [...new Set(error.issues.map((i) => i.path.join('.')))].join(', ');
      description = `${t('eservice.open311.badInput')}: ${fields}`;
    } else if (error instanceof AppError && error.status < 500) {
      status = error.status;
      const fields = Object.keys((error.details.fieldErrors as object | undefined) ?? {});
      description =
        t(error.messageKey, error.details) + (fields.length ? `: ${fields.join(', ')}` : '');
    } else {
      throw error;
    }
    c.header('cache-control', 'no-store');
    return open311Send(c, format, 'errors', [{ code: status, description }], status);
  }
}
