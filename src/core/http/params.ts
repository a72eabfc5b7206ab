import type { Context } from 'hono';
import { NotFoundError } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | undefined | null): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A route's UUID parameter; anything else is simply "not found" (never a database error). */
export function uuidParam(c: Context<any>, name: string): string {
  const value = c.req.param(name) as string | undefined;
  if (!isUuid(value)) throw new NotFoundError();
  return value.toLowerCase();
}
