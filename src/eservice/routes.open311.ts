import { Hono, type Context } from 'hono';
import type { AppEnv } from '../core/http/env.js';
import { formFields } from '../core/http/middleware.js';
import { clientAddress } from '../core/http/client-address.js';
import { NotFoundError } from '../core/errors.js';
import { SYSTEM_ACTOR, type AgencyContext } from '../core/context.js';
import { getServiceByCode, listServices } from './queries.js';
import { trackRequest } from './track-request.js';
import { open311Request, open311ServiceDefinition, open311Services } from './open311.js';
import { fileOpen311Request, searchOpen311Requests } from './open311-requests.js';
import { open311Answer, open311Send, splitFormat, type Open311Format } from './open311-format.js';

const db = (c: Context<AppEnv>) => c.get('database').db;
const agency = (c: Context<AppEnv>) => c.get('publicAgency');

/** A client system acts for nobody on staff: the audit records the channel and the key's use. */
function clientContext(c: Context<AppEnv>): AgencyContext {
  return {
    db: db(c),
    agencyId: agency(c).id,
    actor: { ...SYSTEM_ACTOR, label: 'open311', isInstanceAdmin: false },
    locale: c.get('locale'),
    now: () => new Date(),
    requestId: c.get('requestId'),
  };
}

const bearer = (c: Context<AppEnv>) =>
  /^Bearer (\S{1,200})$/.exec(c.req.header('authorization') ?? '')?.[1];

/** The format of a `<name>.json|xml` route; any other suffix is a page that does not exist. */
function formatOf(c: Context<AppEnv>, name: string): Open311Format {
  const split = splitFormat(c.req.param('file') ?? '');
  if (!split || split[0] !== name) throw new NotFoundError();
  return split[1];
}

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), mounted at /a/:slug/open311/v2. Every
 * endpoint answers JSON or XML by its suffix, and errors in the spec's error array.
 */
export const eserviceOpen311Routes = new Hono<AppEnv>()
  .get('/services/:file', (c) => {
    const [code, format] = splitFormat(c.req.param('file')) ?? ['', 'json'];
    return open311Answer(c, format, async () => {
      const { current } = await getServiceByCode(db(c), agency(c).id, code);
      return open311Send(
        c,
        format,
        'service_definition',
        open311ServiceDefinition(code, current.manual),
      );
    });
  })
  .get('/requests/:file', (c) => {
    const [code, format] = splitFormat(c.req.param('file')) ?? ['', 'json'];
    return open311Answer(c, format, async () => {
      const found = await trackRequest(db(c), agency(c).id, code, clientAddress(c));
      const row = open311Request(
        found.request,
        { code: found.service.code, name: found.manual.name },
        agency(c).nameTh,
      );
      c.header('cache-control', 'no-store');
      return open311Send(c, format, 'service_requests', [row]);
    });
  })
  .get('/:file', (c) => {
    const split = splitFormat(c.req.param('file'));
    if (split?.[0] === 'services') {
      return open311Answer(c, split[1], async () =>
        open311Send(
          c,
          split[1],
          'services',
          open311Services(await listServices(db(c), agency(c).id)),
        ),
      );
    }
    const format = formatOf(c, 'requests');
    return open311Answer(c, format, async () => {
      const rows = await searchOpen311Requests(db(c), agency(c), c.req.query(), clientAddress(c));
      c.header('cache-control', 'no-store');
      return open311Send(c, format, 'service_requests', rows);
    });
  })
  .post('/:file', (c) => {
    const format = formatOf(c, 'requests');
    return open311Answer(c, format, async () => {
      const fields = await formFields(c);
      const created = await fileOpen311Request(
        clientContext(c),
        fields,
        bearer(c),
        c.get('config').dataDir,
      );
      return open311Send(c, format, 'service_requests', created);
    });
  });
