import type { ServiceWithManual, RequestRow } from './queries.js';
import type { Manual } from './manual.js';

// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), JSON. A service is a service of the
// agency's catalogue (service_code = its code); a request's service_request_id is its tracking
// code, so an Open311 client can follow a request only as far as its filer could.

/** GET services.json: the catalogue; every service is "realtime" (a request id comes back at once). */
export function open311Services(services: ServiceWithManual[]) {
  return services.map((s) => ({
    service_code: s.code,
    service_name: s.manual.name,
    description: s.manual.conditions,
    metadata: s.manual.documents.length > 0,
    type: 'realtime',
    keywords: s.manual.category,
    group: s.manual.category,
  }));
}

/** GET services/{code}.json: the attributes a request may carry (one per listed document). */
export function open311ServiceDefinition(code: string, manual: Manual) {
  return {
    service_code: code,
    attributes: manual.documents.map((d, i) => ({
      variable: true,
      code: `doc${i}`,
      datatype: 'string',
      required: false,
      datatype_description: d.name,
      order: i + 1,
      description: d.name,
    })),
  };
}

/** Closed for Open311: the request reached its end, granted or not. */
export const CLOSED_STATUSES = ['completed', 'rejected'] as const;

/**
 * One request in the spec's shape (GET requests.json lists them, GET requests/{id}.json answers
 * a one-element array). No requester data: name and contacts never leave through Open311.
 */
export function open311Request(
  request: RequestRow,
  service: { code: string; name: string },
  agencyName: string,
) {
  const isClosed = (CLOSED_STATUSES as readonly string[]).includes(request.status);
  return {
    service_request_id: request.trackingCode,
    status: isClosed ? 'closed' : 'open',
    status_notes: request.resultNote ?? request.status,
    service_name: service.name,
    service_code: service.code,
    description: null,
    agency_responsible: agencyName,
    service_notice: null,
    requested_datetime: request.queuedAt.toISOString(),
    updated_datetime: request.updatedAt.toISOString(),
    expected_datetime: request.dueAt.toISOString(),
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}
