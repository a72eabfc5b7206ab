import type { Context } from 'hono';
import { NotFoundError } from '../errors.js';
import { isUuid } from '../validation/text.js';

/** A route's UUID parameter; anything else is simply "not found" (never a database error). */
export function uuidParam(c: Context<any>, name: string): string {
  const value = c.req.param(name) as string | undefined;
  if (!isUuid(value)) throw new NotFoundError();
  return value.toLowerCase();
}
