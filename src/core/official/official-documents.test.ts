import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import type { AgencyContext } from '../context.js';
import { AppError } from '../errors.js';
import { auditLog } from '../audit/schema.js';
import { renderSvgsToPng } from '../documents/render-svg-to-png.js';
import { docxToText, pdfFonts, pdfToText } from '../documents/read-back.js';
import {
  draftOfficialDocument,
  issueOrder,
  publishOfficialDocument,
  renderOfficialDocument,
  replaceOfficialDocument,
  setEmblem,
  signOfficialDocument,
  submitForReview,
  updateOfficialDocument,
} from './index.js';
import { officialDocuments } from './schema.js';

const NO_GIFT = {
  kind: 'announcement' as const,
  fiscalYear: 2570,
  subject: 'เจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)',
  preamble: 'เพื่อให้การปฏิบัติหน้าที่เป็นไปด้วยความซื่อสัตย์สุจริต จึงประกาศเจตนารมณ์ ดังนี้',
  clauses: ['บุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่', 'ให้ผู้บังคับบัญชาทุกระดับเป็นแบบอย่างที่ดี'],
  closing: 'จึงประกาศให้ทราบโดยทั่วกัน',
  signerName: 'นายสมชาย ใจดี',
  signerPosition: 'นายกเทศมนตรีตำบลทดสอบ',
};

const ORDER = {
  fiscalYear: 2570,
  subject: 'แต่งตั้งคณะทำงานการประเมินคุณธรรมและความโปร่งใส',
  clauses: ['ให้คณะทำงานมีหน้าที่รวบรวมข้อมูลการเปิดเผยข้อมูลสาธารณะ'],
  signerName: 'นายสมชาย ใจดี',
  signerPosition: 'นายกเทศมนตรีตำบลทดสอบ',
};

const code = (error: unknown) => (error instanceof AppError ? error.code : String(error));

void describe('official announcements and orders', () => {
  let t: TestContext;
  let exec: AgencyContext;
  let dataDir: string;

  before(async () => {
    t = await createTestContext();
    exec = {
      ...t.ctx,
      actor: { userId: null, label: 'นายก', roles: ['executive'], isInstanceAdmin: false },
    };
    dataDir = await mkdtemp(join(tmpdir(), 'prongsai-official-'));
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('goes draft → review → signed → published, and a signed one is never edited', async () => {
    const draft = await draftOfficialDocument(t.ctx, NO_GIFT);
    assert.equal(draft.status, 'draft');
    await updateOfficialDocument(t.ctx, draft.id, { ...NO_GIFT, closing: 'ประกาศ ณ ที่นี้' });
    await submitForReview(t.ctx, draft.id);
    await assert.rejects(signOfficialDocument(t.ctx, draft.id), (e) => code(e) === 'FORBIDDEN');
    const signed = await signOfficialDocument(exec, draft.id);
    assert.equal(signed.status, 'signed');
    assert.equal(signed.number, null, 'announcements carry no number');
    assert.equal(signed.signedByLabel, 'นายก');
    assert.match(signed.issuedOn ?? '', /^\d{4}-\d{2}-\d{2}$/);

    await assert.rejects(
      updateOfficialDocument(t.ctx, draft.id, { ...NO_GIFT, subject: 'แก้หลังลงนาม' }),
      (e) => code(e) === 'CONFLICT',
    );
    const [row] = await t.database.db
      .select()
      .from(officialDocuments)
      .where(eq(officialDocuments.id, draft.id));
    assert.equal(row!.subject, NO_GIFT.subject);
    assert.equal(row!.closing, 'ประกาศ ณ ที่นี้');

    const published = await publishOfficialDocument(t.ctx, draft.id, { dataDir });
    assert.equal(published.status, 'published');
    assert.match(published.pdfSha256 ?? '', /^[0-9a-f]{64}$/);
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, draft.id));
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      'official.draft',
      'official.publish',
      'official.sign',
      'official.submit',
      'official.update',
    ]);
  });

  void it('numbers orders per calendar year; a typed number that collides is refused', async () => {
    const first = await issueOrder(exec, ORDER);
    const second = await issueOrder(exec, ORDER);
    assert.equal(second.number, first.number! + 1);
    assert.equal(first.numberYear, Number(first.issuedOn!.slice(0, 4)) + 543);
    const draft = await draftOfficialDocument(t.ctx, { ...ORDER, kind: 'order' });
    await assert.rejects(
      signOfficialDocument(exec, draft.id, { number: String(first.number) }),
      (e) => code(e) === 'CONFLICT',
    );
    const stillDraft = await t.database.db
      .select()
      .from(officialDocuments)
      .where(eq(officialDocuments.id, draft.id));
    assert.equal(stillDraft[0]!.status, 'draft');
    const typed = await signOfficialDocument(exec, draft.id, { number: '40' });
    assert.equal(typed.number, 40);
    const next = await issueOrder(exec, ORDER);
    assert.equal(next.number, 41, 'the counter moves past a typed number');
  });

  void it('gives 50 parallel issuers 50 consecutive numbers, no gap, no duplicate', async () => {
    const { ctx: other } = await t.makeAgency();
    const otherExec = { ...other, actor: exec.actor };
    const orders = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        issueOrder(otherExec, { ...ORDER, subject: `คำสั่ง ${i}` }),
      ),
    );
    const numbers = orders.map((o) => o.number!).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const stored = await t.database.db
      .select({ n: officialDocuments.number })
      .from(officialDocuments)
      .where(
        and(eq(officialDocuments.agencyId, other.agencyId), eq(officialDocuments.kind, 'order')),
      );
    assert.equal(new Set(stored.map((s) => s.n)).size, 50);
  });

  void it('replaces a signed document with a new draft that names what it cancels', async () => {
    const old = await issueOrder(exec, ORDER);
    const replacement = await replaceOfficialDocument(t.ctx, old.id);
    assert.equal(replacement.replacesId, old.id);
    assert.equal(replacement.status, 'draft');
    await assert.rejects(replaceOfficialDocument(t.ctx, old.id), (e) => code(e) === 'CONFLICT');
    const signed = await signOfficialDocument(exec, replacement.id);
    const text = await docxToText(
      await renderOfficialDocument(t.database.db, signed, 'docx', { dataDir }),
    );
    assert.match(text, /ให้ยกเลิกคำสั่ง/);
    assert.match(text, /และให้ใช้คำสั่งฉบับนี้แทน/);
  });

  void it('refuses an emblem that is not a PNG or is 20 MB, and keeps none', async () => {
    await assert.rejects(
      setEmblem(t.ctx, new TextEncoder().encode('<svg/>'), { dataDir }),
      (e) => code(e) === 'VALIDATION',
    );
    await assert.rejects(
      setEmblem(t.ctx, new Uint8Array(20 * 1024 * 1024), { dataDir }),
      (e) => code(e) === 'PAYLOAD_TOO_LARGE',
    );
  });

  void it('prints the official layout with the emblem, Thai digits and Sarabun (PDF and DOCX)', async () => {
    const [png] = await renderSvgsToPng(
      [
        '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="100"><circle cx="45" cy="50" r="40" fill="#b8860b"/></svg>',
      ],
      { scale: 2 },
    );
    await setEmblem(t.ctx, new Uint8Array(png!), { dataDir });
    const order = await issueOrder(exec, {
      ...ORDER,
      clauses: ['หน้าที่หนึ่ง', 'หน้าที่สอง <b>ตัวหนา</b>'],
    });
    const pdf = await renderOfficialDocument(t.database.db, order, 'pdf', { dataDir });
    const text = (await pdfToText(pdf)).replace(/\s+/g, ' ');
    const n = String(order.number).replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
    assert.ok(text.includes(`คำสั่ง${t.agency.nameTh}`), text);
    assert.ok(text.includes(`ที่ ${n}/`), text);
    assert.ok(text.includes('เรื่อง แต่งตั้งคณะทำงาน'), text);
    assert.ok(text.includes('ข้อ ๑ หน้าที่หนึ่ง'), text);
    assert.ok(text.includes('<b>ตัวหนา</b>'), 'HTML typed in a field prints as text');
    assert.match(text, /สั่ง ณ วันที่ [๐-๙]+ \S+ พ\.ศ\. [๐-๙]{4}/);
    assert.ok(text.includes('(นายสมชาย ใจดี)'), text);
    assert.ok((await pdfFonts(pdf)).some((f) => /Sarabun/.test(f.name)));
    const docx = await renderOfficialDocument(t.database.db, order, 'docx', { dataDir });
    const docxText = await docxToText(docx);
    assert.ok(docxText.includes('สั่ง ณ วันที่'), docxText);
    assert.ok(docx.includes(Buffer.from('word/media/')), 'the emblem is in the DOCX');
  });
});
