import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedEservice } from './seed.js';
import { issueApiKey } from './issue-api-key.js';

interface Open311Error {
  code: number;
  description: string;
}

void describe('Open311 GeoReport v2: keys, filing, searching, JSON and XML', () => {
  let t: TestContext;
  let slug: string;
  let key = '';
  let otherKey = '';
  let tracking = '';
  const base = () => `/a/${slug}/open311/v2`;

  before(async () => {
    t = await createTestContext();
    await t.database.query(`insert into core_units (agency_id, name_th) values ($1, 'กองช่าง')`, [
      t.agency.id,
    ]);
    await seedEservice(t.ctx);
    slug = t.agency.slug;
    const other = await t.makeAgency('other-agency');
    otherKey = (await issueApiKey(other.ctx, { label: 'ระบบของหน่วยงานอื่น' })).key;
  });
  after(() => t.close());

  /** A client system's POST: urlencoded, no cookie and no CSRF token (the spec's way). */
  const post = (
    file: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    t.app.request(`${base()}/${file}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const requestCount = async () =>
    (await t.database.query<{ n: number }>('select count(*)::int as n from eservice_requests'))[0]!
      .n;
  const person = {
    service_code: 'house-number',
    first_name: 'สมศรี',
    last_name: 'มีสุข',
    phone: '0812345678',
    description: 'ขอเลขที่บ้านใหม่',
  };

  it('lets the agency admin issue a key that is shown once and stored only as a hash', async () => {
    const admin = await t.loginAs('agency_admin');
    const res = await t.post('/staff/eservice/api-keys', { label: 'แอปเทศบาลบนมือถือ' }, admin);
    assert.equal(res.status, 200);
    const page = await res.text();
    key = /<code id="issued-key">(p311_[A-Za-z0-9_-]{43})<\/code>/.exec(page)?.[1] ?? '';
    assert.ok(key, 'the page shows the new key');
    const list = await (await t.get('/staff/eservice/api-keys', admin)).text();
    assert.match(list, /แอปเทศบาลบนมือถือ/);
    assert.equal(list.includes(key), false, 'the key is never shown again');
    const dump = await t.database.query<{ r: string }>(
      `select row_to_json(x)::text as r from eservice_api_keys x
       union all select row_to_json(a)::text from core_audit_log a`,
    );
    assert.equal(
      dump.some(({ r }) => r.includes(key)),
      false,
      'the key is stored nowhere',
    );
    assert.ok(dump.some(({ r }) => r.includes('eservice.apiKey.issue')));
    const empty = await t.post('/staff/eservice/api-keys', { label: '  ' }, admin);
    assert.equal(empty.status, 422);
  });

  it('refuses a POST without a key, with another agency’s key, as the spec’s error array', async () => {
    const before = await requestCount();
    const none = await post('requests.json', person);
    assert.equal(none.status, 403);
    const errors = (await none.json()) as Open311Error[];
    assert.equal(errors[0]!.code, 403);
    assert.match(errors[0]!.description, /กุญแจ API ไม่ถูกต้อง/);
    const foreign = await post('requests.json', { ...person, api_key: otherKey });
    assert.equal(foreign.status, 403);
    const xml = await post('requests.xml', { ...person, api_key: 'p311_made-up' });
    assert.equal(xml.status, 403);
    assert.match(xml.headers.get('content-type') ?? '', /xml/);
    assert.match(await xml.text(), /<errors><error><code>403<\/code><description>กุญแจ/);
    assert.equal(await requestCount(), before);
  });

  it('files a request with the key into the same queue, on the open311 channel', async () => {
    const res = await post('requests.json', { ...person, api_key: key });
    assert.equal(res.status, 200);
    const [created] = (await res.json()) as { service_request_id: string }[];
    tracking = created!.service_request_id;
    assert.match(tracking, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [row] = await t.database.query<{ channel: string; requester_name: string }>(
      'select channel, requester_name from eservice_requests where tracking_code = $1',
      [tracking],
    );
    assert.deepEqual(row, { channel: 'open311', requester_name: 'สมศรี มีสุข' });
    // The bearer header is accepted too, and answers XML by the suffix.
    const viaHeader = await post(
      'requests.xml',
      { ...person, service_code: 'grievance' },
      { authorization: `Bearer ${key}` },
    );
    assert.equal(viaHeader.status, 200);
    assert.match(
      await viaHeader.text(),
      /^<\?xml[^>]*\?><service_requests><request><service_request_id>[0-9A-Z-]{14}<\/service_request_id>/,
    );
  });

  it('refuses bad fields and unknown services with 4xx and stores nothing', async () => {
    const before = await requestCount();
    const noName = await post('requests.json', { service_code: 'house-number', api_key: key });
    assert.equal(noName.status, 400);
    assert.match(((await noName.json()) as Open311Error[])[0]!.description, /^ข้อมูล.*first_name/);
    const badMail = await post('requests.json', { ...person, email: 'not-mail', api_key: key });
    assert.equal(badMail.status, 400);
    const unknown = await post('requests.json', { ...person, service_code: 'nope', api_key: key });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as Open311Error[])[0]!.code, 404);
    assert.equal(await requestCount(), before);
  });

  it('searches requests with the spec’s filters; a listing needs the key, an id does not', async () => {
    const ids = async (query: string) => {
      const res = await t.get(`${base()}/requests.json?${query}`);
      assert.equal(res.status, 200, query);
      return ((await res.json()) as { service_request_id: string }[]).map(
        (r) => r.service_request_id,
      );
    };
    const noKey = await t.get(`${base()}/requests.json`);
    assert.equal(noKey.status, 403);
    assert.ok((await ids(`api_key=${key}`)).includes(tracking));
    assert.ok(
      (await ids(`api_key=${key}&status=open&service_code=house-number`)).includes(tracking),
    );
    assert.deepEqual(await ids(`api_key=${key}&status=closed`), []);
    assert.deepEqual(
      await ids(`api_key=${key}&service_code=grievance,birth-notification`).then((l) =>
        l.includes(tracking),
      ),
      false,
    );
    assert.deepEqual(await ids(`api_key=${key}&start_date=2100-01-01T00:00:00Z`), []);
    assert.deepEqual(await ids(`service_request_id=${tracking}`), [tracking]);
    const badDate = await t.get(`${base()}/requests.json?api_key=${key}&start_date=yesterday`);
    assert.equal(badDate.status, 400);
    assert.match(((await badDate.json()) as Open311Error[])[0]!.description, /start_date/);
  });

  it('answers every endpoint in XML as well as JSON', async () => {
    const services = await (await t.get(`${base()}/services.xml`)).text();
    assert.match(services, /<services><service><service_code>[a-z-]+<\/service_code>/);
    const definition = await (await t.get(`${base()}/services/house-number.xml`)).text();
    assert.match(
      definition,
      /<service_definition><service_code>house-number<\/service_code><attributes><attribute>/,
    );
    const one = await (await t.get(`${base()}/requests/${tracking}.xml`)).text();
    assert.match(
      one,
      new RegExp(
        `<request><service_request_id>${tracking}</service_request_id><status>open</status>`,
      ),
    );
    const missing = await t.get(`${base()}/services/no-such.xml`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /<errors><error><code>404<\/code>/);
    assert.equal((await t.get(`${base()}/services.html`)).status, 404);
  });

  it('revokes a key (audited): the revoked key files nothing', async () => {
    const admin = await t.loginAs('agency_admin');
    const [row] = await t.database.query<{ id: string }>(
      'select id from eservice_api_keys where agency_id = $1',
      [t.agency.id],
    );
    const res = await t.post(`/staff/eservice/api-keys/${row!.id}/revoke`, {}, admin);
    assert.equal(res.status, 303);
    const again = await t.post(`/staff/eservice/api-keys/${row!.id}/revoke`, {}, admin);
    assert.equal(again.status, 409);
    const refused = await post('requests.json', { ...person, api_key: key });
    assert.equal(refused.status, 403);
    const [audit] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from core_audit_log where action = 'eservice.apiKey.revoke'`,
    );
    assert.equal(audit!.n, 1);
    const officer = await t.loginAs('unit_officer');
    assert.equal((await t.get('/staff/eservice/api-keys', officer)).status, 403);
  });
});
