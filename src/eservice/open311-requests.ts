import { and, desc, gte, inArray, lte, notInArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import type { DbOrTx } from '../core/db/client.js';
import { scoped } from '../core/db/scoped.js';
import { cleanText, requiredText } from '../core/validation/text.js';
import { checkApiKey } from './api-keys.js';
import { fileRequest } from './file-request.js';
import { CLOSED_STATUSES, open311Request } from './open311.js';
import { listServices } from './queries.js';
import { eserviceRequests } from './schema.js';
import { normalizeTrackingCode } from './tracking-code.js';
import { checkTrackLimit, recordTrackMiss } from './track-limiter.js';

/** The spec: "the default query should return requests of the last 90 days, at most 1000". */
const DEFAULT_DAYS = 90;
const MAX_RESULTS = 1000;

const commaList = (max: number) =>
  z
    .string()
    .max(2000)
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length <= max);

/** GET requests.json's filters (all optional; dates are W3C/ISO 8601 instants). */
export const Open311RequestQuery = z.object({
  service_request_id: commaList(50),
  service_code: commaList(50),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: commaList(2).pipe(z.array(z.enum(['open', 'closed']))),
  api_key: z.string().max(200).optional(),
});
export type Open311RequestQuery = z.input<typeof Open311RequestQuery>;

/**
 * GET requests.json. With `service_request_id` (tracking codes) it answers those requests and
 * ignores the other filters, as the spec says; each unknown code counts as a miss against the
 * caller's limit like the public status page. A listing without ids would hand out tracking
 * codes, the only key to each status page, so it needs this agency's API key.
 */
export async function searchOpen311Requests(
  db: DbOrTx,
  agency: { id: string; nameTh: string },
  raw: Open311RequestQuery,
  address: string,
) {
  const query = Open311RequestQuery.parse(raw);
  const q = scoped(db, agency.id);
  const byIds = query.service_request_id.length > 0;
  let condition: SQL;
  if (byIds) {
    checkTrackLimit(address);
    const valid = query.service_request_id
      .map(normalizeTrackingCode)
      .filter((c): c is string => c !== null);
    condition = inArray(eserviceRequests.trackingCode, valid.length ? valid : ['-']);
  } else {
    await checkApiKey(db, agency.id, query.api_key);
    const end = query.end_date ? new Date(query.end_date) : new Date();
    const start = query.start_date
      ? new Date(query.start_date)
      : new Date(end.getTime() - DEFAULT_DAYS * 86_400_000);
    const parts = [gte(eserviceRequests.queuedAt, start), lte(eserviceRequests.queuedAt, end)];
    if (query.status.length === 1) {
      parts.push(
        query.status[0] === 'closed'
          ? inArray(eserviceRequests.status, [...CLOSED_STATUSES])
          : notInArray(eserviceRequests.status, [...CLOSED_STATUSES]),
      );
    }
    condition = and(...parts)!;
  }
  const services = await listServices(db, agency.id);
  const byCode = new Map(services.map((s) => [s.code, s]));
  if (query.service_code.length > 0 && !byIds) {
    const ids = query.service_code.map(
      (c) => byCode.get(c)?.id ?? '00000000-0000-0000-0000-000000000000',
    );
    condition = and(condition, inArray(eserviceRequests.serviceId, ids))!;
  }
  const rows = await q.list(eserviceRequests, condition, desc(eserviceRequests.queuedAt));
  if (byIds)
    for (let i = rows.length; i < query.service_request_id.length; i++) recordTrackMiss(address);
  const byId = new Map(services.map((s) => [s.id, s]));
  return rows.slice(0, MAX_RESULTS).map((r) => {
    const s = byId.get(r.serviceId);
    return open311Request(r, { code: s?.code ?? '', name: s?.manual.name ?? '' }, agency.nameTh);
  });
}

/** POST requests.json's fields (the spec's names; location is optional: services are not places). */
export const Open311PostInput = z.object({
  service_code: z.string().trim().min(1).max(60),
  api_key: z.string().max(200).optional(),
  first_name: requiredText(100),
  last_name: cleanText({ max: 100 }).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9๐-๙+\- ]{0,20}$/)
    .default(''),
  description: cleanText({ max: 3000 }).default(''),
  address_string: cleanText({ max: 500 }).default(''),
});
export type Open311PostInput = z.input<typeof Open311PostInput>;

/**
 * POST requests.json: a client system files a request into the same queue and clock as the
 * online form (channel `open311`). The key is checked first, so nothing of an unauthorised
 * caller is validated or stored. The client that holds the agency's key collects the person's
 * data and shows them the PDPA notice (the key is issued on that condition), hence the
 * acknowledgement is given on its behalf. Media URLs are not fetched (no server-side requests
 * to addresses a caller chooses).
 */
export async function fileOpen311Request(
  ctx: AgencyContext,
  raw: Record<string, unknown>,
  bearer: string | undefined,
  dataDir: string,
) {
  await checkApiKey(
    ctx.db,
    ctx.agencyId,
    bearer ?? (typeof raw.api_key === 'string' ? raw.api_key : undefined),
  );
  const input = Open311PostInput.parse(raw);
  const details = [input.description, input.address_string].filter(Boolean).join('\n');
  const request = await fileRequest(ctx, {
    serviceCode: input.service_code,
    form: {
      requesterName: `${input.first_name} ${input.last_name}`.trim(),
      contactEmail: input.email,
      contactPhone: input.phone,
      details,
      pdpaAcknowledged: 'on',
    },
    attachments: [],
    channel: 'open311',
    dataDir,
  });
  return [{ service_request_id: request.trackingCode, service_notice: null, account_id: null }];
}
