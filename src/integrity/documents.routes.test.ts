import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { officialDocuments } from '../core/official/schema.js';
import { pdfToText } from '../core/documents/read-back.js';
import { renderSvgsToPng } from '../core/documents/render-svg-to-png.js';
import { fedContent } from '../../test/helpers/fed-content.js';

const BASE = '/staff/integrity/documents';
const SIGNER = { signerName: 'นายสมชาย ใจดี', signerPosition: 'นายกเทศมนตรีตำบลทดสอบ' };

void describe('integrity documents: template → review → signature → OIT', () => {
  let t: TestContext;
  let officer: TestSession;
  let mayor: TestSession;
  let admin: TestSession;
  let dataDir: string;
  const count = async () => (await t.database.db.select().from(officialDocuments)).length;
  const doc = async (id: string) =>
    (await t.database.db.select().from(officialDocuments).where(eq(officialDocuments.id, id)))[0]!;
  const idOf = (res: Response) =>
    /documents\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prongsai-integrity-'));
    t = await createTestContext({ dataDir });
    officer = await t.loginAs('unit_officer');
    mayor = await t.loginAs('executive');
    admin = await t.loginAs('agency_admin');
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('drafts the No Gift announcement, has the mayor sign it, publishes it on o21', async () => {
    const page = await (await t.get(BASE, officer)).text();
    assert.match(page, /ประกาศเจตนารมณ์ No Gift Policy/);
    const res = await t.post(
      `${BASE}/new/no-gift`,
      { fiscalYear: '๒๕๗๐', digits: 'thai', f_giftLimit: '3,000', ...SIGNER },
      officer,
    );
    assert.equal(res.status, 303);
    const id = idOf(res);
    assert.match((await doc(id)).subject, /No Gift Policy\) ประจำปีงบประมาณ พ\.ศ\. 2570$/);

    assert.equal((await t.post(`${BASE}/${id}/submit`, {}, officer)).status, 303);
    assert.equal((await t.post(`${BASE}/${id}/sign`, {}, officer)).status, 403);
    assert.equal((await t.post(`${BASE}/${id}/sign`, {}, mayor)).status, 303);
    assert.equal((await doc(id)).status, 'signed');

    const edit = await t.post(
      `${BASE}/${id}/edit`,
      { fiscalYear: '2570', subject: 'แก้หลังลงนาม', clauses: 'ข้อใหม่', ...SIGNER },
      officer,
    );
    assert.equal(edit.status, 409);
    assert.match(await edit.text(), /ลงนามแล้ว จึงแก้ไขไม่ได้/);
    assert.doesNotMatch((await doc(id)).subject, /แก้หลังลงนาม/);

    assert.equal((await t.post(`${BASE}/${id}/publish`, {}, admin)).status, 303);
    const pdf = await t.get(`/a/${t.agency.slug}/integrity/documents/${id}.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const text = (await pdfToText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    assert.ok(text.includes(`ประกาศ${t.agency.nameTh}`), text);
    assert.ok(text.includes('ประกาศ ณ วันที่'), text);
    assert.ok(text.includes('ข้อ ๓ หากมีผู้มอบของขวัญหรือประโยชน์อื่นใดเกินกว่า ๓,๐๐๐ บาท'), text);

    const fed = await fedContent({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      fiscalYear: 2570,
    });
    const o21 = fed.byItem.get('o21') ?? [];
    assert.equal(o21.length, 1);
    assert.equal(o21[0]!.links[0]!.href, `/a/${t.agency.slug}/integrity/documents/${id}.pdf`);
  });

  void it('refuses a template with a field left empty, keeping what was typed', async () => {
    const before = await count();
    const res = await t.post(
      `${BASE}/new/ita-working-group`,
      { fiscalYear: '2570', f_members: '  ', ...SIGNER, signerName: 'นายคงเดิม' },
      officer,
    );
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /กรุณากรอกช่องนี้/);
    assert.match(html, /value="นายคงเดิม"/);
    assert.equal(await count(), before);
  });

  void it('numbers the ITA working-group order and refuses a typed number that is taken', async () => {
    const members = 'นายหนึ่ง ปลัดเทศบาล ประธาน\nนางสอง หัวหน้าสำนักปลัด คณะทำงาน';
    const first = await t.post(
      `${BASE}/new/ita-working-group`,
      { fiscalYear: '2570', f_members: members, ...SIGNER },
      officer,
    );
    const id = idOf(first);
    assert.equal((await t.post(`${BASE}/${id}/sign`, {}, mayor)).status, 303);
    const signed = await doc(id);
    assert.equal(signed.number, 1);
    assert.match(await (await t.get(`${BASE}/${id}`, mayor)).text(), /ที่ 1\/25\d\d/);

    const second = idOf(
      await t.post(
        `${BASE}/new/ita-working-group`,
        { fiscalYear: '2570', f_members: members, ...SIGNER },
        officer,
      ),
    );
    const taken = await t.post(`${BASE}/${second}/sign`, { number: '๑' }, mayor);
    assert.equal(taken.status, 409);
    assert.match(await taken.text(), /เลขที่คำสั่งนี้ใช้แล้วในปีนี้/);
    assert.equal((await doc(second)).status, 'draft');
    assert.equal((await t.post(`${BASE}/${second}/sign`, { number: '' }, mayor)).status, 303);
    assert.equal((await doc(second)).number, 2);
  });

  void it('takes a PNG emblem and refuses anything else with a Thai message', async () => {
    const upload = async (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      const body = new FormData();
      body.append('_csrf', admin.csrfToken);
      body.append('emblem', new File([bytes], name));
      return t.app.request('/staff/integrity/emblem', {
        method: 'POST',
        headers: admin.headers,
        body,
      });
    };
    const refused = await upload(new TextEncoder().encode('GIF89a not a png'), 'seal.png');
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /ต้องเป็นไฟล์รูปภาพ PNG/);
    const [png] = await renderSvgsToPng(
      [
        '<svg xmlns="http://www.w3.org/2000/svg" width="50" height="60"><rect width="50" height="60"/></svg>',
      ],
      { scale: 1 },
    );
    assert.equal((await upload(new Uint8Array(png!), 'seal.png')).status, 303);
  });
});
