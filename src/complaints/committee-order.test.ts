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
import { fedContent } from '../../test/helpers/fed-content.js';
import { users } from '../core/auth/schema.js';
import { docxToText, pdfToText } from '../core/documents/read-back.js';
import { toThaiDigits } from '../core/i18n/thai-format.js';
import { officialDocuments } from '../core/official/schema.js';
import { currentFiscalYear } from '../core/i18n/thai-format.js';

const COMMITTEE = '/staff/complaints/committee';
const REGISTER = '/staff/integrity/documents';
const SIGNER = { signerName: 'นายสมชาย ใจดี', signerPosition: 'นายกเทศมนตรีตำบลทดสอบ' };
const CHAIR = 'นางสาวประธาน ซื่อตรง';
const SECRETARY = 'นายเลขา รอบคอบ';

void describe('the order appointing the complaint committee', () => {
  let t: TestContext;
  let admin: TestSession;
  let mayor: TestSession;
  let dataDir: string;
  const orders = () => t.database.db.select().from(officialDocuments);

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'complaints-order-'));
    t = await createTestContext({ dataDir });
    admin = await t.loginAs('agency_admin');
    mayor = await t.loginAs('executive');
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('refuses to draft an order without members or without a signer, storing nothing', async () => {
    const empty = await t.post(`${COMMITTEE}/order-document`, SIGNER, admin);
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /แต่งตั้งกรรมการก่อนร่างคำสั่ง/);
    const noSigner = await t.post(
      `${COMMITTEE}/order-document`,
      { signerName: '<b>', signerPosition: '' },
      admin,
    );
    assert.equal(noSigner.status, 422);
    assert.equal((await orders()).length, 0);
  });

  void it('drafts it from the members, the register numbers it, the PDF and DOCX name members and roles, O17 lists it', async () => {
    const chair = await t.loginAs('complaint_officer');
    const secretary = await t.loginAs('unit_officer');
    await t.database.db.update(users).set({ displayName: CHAIR }).where(eq(users.id, chair.userId));
    await t.database.db
      .update(users)
      .set({ displayName: SECRETARY })
      .where(eq(users.id, secretary.userId));
    // Appointed secretary first: the order still lists the chair first.
    await t.post(COMMITTEE, { userId: secretary.userId, role: 'secretary' }, admin);
    await t.post(COMMITTEE, { userId: chair.userId, role: 'chair' }, admin);
    await t.post(`${COMMITTEE}/order`, { orderNumber: '45/2567', orderDate: '2024-03-01' }, admin);

    const drafted = await t.post(`${COMMITTEE}/order-document`, SIGNER, admin);
    assert.equal(drafted.status, 303);
    const id = /documents\/([0-9a-f-]{36})/.exec(drafted.headers.get('location') ?? '')![1]!;
    // Only an executive signs; signing gives the next number of the calendar year.
    assert.equal((await t.post(`${REGISTER}/${id}/sign`, {}, admin)).status, 403);
    assert.equal((await t.post(`${REGISTER}/${id}/sign`, {}, mayor)).status, 303);
    assert.equal((await t.post(`${REGISTER}/${id}/publish`, {}, admin)).status, 303);
    const [row] = await t.database.db
      .select()
      .from(officialDocuments)
      .where(eq(officialDocuments.id, id));
    assert.equal(row!.status, 'published');
    assert.equal(row!.number, 1);
    const numberText = toThaiDigits(`ที่ ${row!.number}/${row!.numberYear}`);

    const page = await (await t.get(COMMITTEE, admin)).text();
    assert.ok(
      page.includes(`ที่ ${row!.number}/${row!.numberYear}`),
      'the page shows the register number',
    );

    const base = `/a/${t.agency.slug}/integrity/documents/${id}`;
    const pdf = await t.get(`${base}.pdf`);
    assert.equal(pdf.status, 200);
    const pdfText = (await pdfToText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    const docx = await t.get(`${base}.docx`);
    assert.equal(docx.status, 200);
    const docxText = (await docxToText(new Uint8Array(await docx.arrayBuffer()))).replace(
      /\s+/g,
      ' ',
    );
    for (const text of [pdfText, docxText]) {
      assert.ok(text.includes(`คำสั่ง${t.agency.nameTh}`), text);
      assert.ok(text.includes(numberText), text);
      assert.ok(text.includes(`${CHAIR} ประธานกรรมการ`), text);
      assert.ok(text.includes(`${SECRETARY} กรรมการและเลขานุการ`), text);
      assert.ok(text.indexOf(CHAIR) < text.indexOf(SECRETARY), 'chair listed first');
      assert.ok(text.includes(toThaiDigits('ให้ยกเลิกคำสั่งที่ 45/2567')), text);
    }

    const year = currentFiscalYear(new Date());
    const fed = await fedContent({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      fiscalYear: year,
    });
    const o17 = fed.byItem.get('o17') ?? [];
    assert.ok(
      o17.some((c) => c.links.some((l) => l.href === `${base}.pdf`)),
      JSON.stringify(o17),
    );
  });
});
