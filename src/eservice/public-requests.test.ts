import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { seedEservice } from './seed.js';
import { listServices } from './queries.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = new TextEncoder().encode('MZ\x90\x00 not a scan');

void describe('e-service public pages and online requests', () => {
  let t: TestContext;
  let slug: string;
  before(async () => {
    t = await createTestContext({ dataDir: mkdtempSync(path.join(tmpdir(), 'eservice-')) });
    await t.database.query(
      `insert into core_units (agency_id, name_th) values ($1, 'กองช่าง'), ($1, 'กองสาธารณสุขและสิ่งแวดล้อม')`,
      [t.agency.id],
    );
    await seedEservice(t.ctx);
    slug = t.agency.slug;
  });
  after(() => t.close());

  /** A multipart POST of the request form with the visitor's CSRF token. */
  function fileOnline(
    code: string,
    fields: Record<string, string>,
    files: Record<string, Uint8Array<ArrayBuffer>> = {},
  ) {
    const visitor = t.anonymous();
    const body = new FormData();
    body.append('_csrf', visitor.csrfToken);
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    for (const [k, v] of Object.entries(files)) body.append(k, new File([v], `${k}.png`));
    return t.app.request(`/a/${slug}/services/${code}/request`, {
      method: 'POST',
      headers: visitor.headers,
      body,
    });
  }

  it('seeds ten services, idempotently', async () => {
    await seedEservice(t.ctx);
    assert.equal((await listServices(t.database.db, t.agency.id)).length, 10);
  });

  it('lists the services and shows a manual with its improvement and explicit "no fee"', async () => {
    const list = await (await t.get(`/a/${slug}/services`)).text();
    assert.match(list, /การขออนุญาตก่อสร้างอาคาร/);
    const res = await t.get(`/a/${slug}/services/health-hazard-licence`);
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /ลดระยะเวลาจาก 30 วันทำการ เหลือ 20 วันทำการ/);
    const grievance = await (await t.get(`/a/${slug}/services/grievance`)).text();
    assert.match(grievance, /ไม่มีค่าธรรมเนียม/);
    assert.match(grievance, /ไม่ต้องใช้เอกสารประกอบ/);
    assert.equal((await t.get(`/a/${slug}/services/no-such-service`)).status, 404);
  });

  it('files a request with an attachment and shows every step with its due date', async () => {
    const res = await fileOnline(
      'house-number',
      { requesterName: 'สมชาย ใจดี', contactPhone: '0812345678', pdpaAcknowledged: 'on' },
      { doc0: PNG },
    );
    assert.equal(res.status, 303);
    const location = res.headers.get('location')!;
    assert.match(location, /\/track\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\?/);
    const status = await (await t.get(location)).text();
    assert.match(status, /ตรวจสถานที่จริง/);
    assert.match(status, /รอคิว/);
    // The same request through Open311 GeoReport v2 (JSON).
    const code = /\/track\/([^?]+)/.exec(location)![1]!;
    const open311 = (await (await t.get(`/a/${slug}/open311/v2/requests/${code}.json`)).json()) as {
      service_request_id: string;
      status: string;
      service_code: string;
    }[];
    assert.deepEqual(
      [open311[0]!.service_request_id, open311[0]!.status, open311[0]!.service_code],
      [code, 'open', 'house-number'],
    );
    const services = (await (
      await t.get(`/a/${slug}/open311/v2/services.json`)
    ).json()) as unknown[];
    assert.equal(services.length, 10);
    const [files] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from eservice_request_files',
    );
    assert.equal(files!.n, 1);
  });

  it('refuses a wrong file type and a missing PDPA acknowledgement, keeping what was typed', async () => {
    const before = await t.database.query<{ n: number }>(
      'select count(*)::int as n from eservice_requests',
    );
    const wrong = await fileOnline(
      'house-number',
      { requesterName: 'สมหญิง', contactPhone: '0812345678', pdpaAcknowledged: 'on' },
      { doc0: EXE },
    );
    assert.equal(wrong.status, 422);
    const page = await wrong.text();
    assert.match(page, /รับเฉพาะไฟล์ PDF, JPG หรือ PNG/);
    assert.match(page, /value="สมหญิง"/);
    const noConsent = await fileOnline('house-number', {
      requesterName: 'สมหญิง',
      contactPhone: '081',
    });
    assert.equal(noConsent.status, 422);
    assert.match(await noConsent.text(), /โปรดรับทราบการเก็บและใช้ข้อมูลส่วนบุคคล/);
    const after = await t.database.query<{ n: number }>(
      'select count(*)::int as n from eservice_requests',
    );
    assert.deepEqual(after, before);
  });

  it('answers an unknown tracking code with 404 and rate-limits repeated misses', async () => {
    const res = await t.get(`/a/${slug}/track/AAAA-BBBB-CCCC`);
    assert.equal(res.status, 404);
    let last = 0;
    for (let i = 0; i < 25; i += 1)
      last = (await t.get(`/a/${slug}/track/ZZZZ-ZZZZ-ZZZ${i % 10}`)).status;
    assert.equal(last, 429);
  });
});
