import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { jpegWithMetadata, METADATA_MARKER } from '../../test/helpers/complaint-files.js';
import { auditLog } from '../core/audit/schema.js';
import { backupDatabase } from '../core/db/backup.js';
import { readStoredFile } from '../core/files/index.js';
import { complaintFiles, complaintIdentities, complaints } from './schema.js';
import { escalateOverdue } from './escalate-overdue.js';

const NAME = 'นางสาวสมหญิง ใจกล้าหาญ';
const PHONE = '0891234567';
const EMAIL = 'somying.whistle@example.org';

describe('complaint centre', () => {
  let t: TestContext;
  let dataDir: string;
  let officer: TestSession;
  let admin: TestSession;
  const base = () => `/a/${t.agency.slug}/complaints`;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-'));
    t = await createTestContext({ dataDir });
    officer = await t.loginAs('complaint_officer');
    admin = await t.loginAs('agency_admin');
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A multipart POST as a browser without JavaScript sends it. */
  async function postMultipart(
    url: string,
    fields: Record<string, string>,
    files: { name: string; bytes: Uint8Array; type: string }[] = [],
    session: TestSession = t.anonymous(),
  ) {
    const form = new FormData();
    form.append('_csrf', session.csrfToken);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files)
      form.append('files', new File([Buffer.from(f.bytes)], f.name, { type: f.type }));
    return t.app.request(url, { method: 'POST', headers: session.headers, body: form });
  }

  const receiptOf = (html: string) =>
    /<strong>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})<\/strong>/.exec(html)?.[1];

  async function follow(receipt: string) {
    return t.post(`${base()}/follow`, { receipt });
  }

  let anonymousReceipt = '';
  let namedReceipt = '';
  let namedId = '';

  it('takes an anonymous corruption complaint with a photo and keeps no metadata, name or time', async () => {
    const res = await postMultipart(
      `${base()}/new/corruption`,
      {
        kind: 'corruption',
        conductType: 'bribery',
        subject: 'เรียกรับเงินค่าอนุญาตก่อสร้าง',
        details: 'เจ้าหน้าที่เรียกเงินสองหมื่นบาทเพื่อออกใบอนุญาตให้เร็วขึ้น',
        accusedText: 'นายช่าง ก.',
        isAnonymous: '1',
      },
      [{ name: `IMG_0001 ${NAME}.jpg`, bytes: jpegWithMetadata(), type: 'image/jpeg' }],
    );
    const html = await res.text();
    assert.equal(res.status, 200, html.slice(0, 500));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    anonymousReceipt = receiptOf(html) ?? '';
    assert.match(anonymousReceipt, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    const [row] = await t.database.db
      .select()
      .from(complaints)
      .where(eq(complaints.agencyId, t.agency.id));
    assert.equal(row!.isAnonymous, true);
    assert.equal(row!.channel, 'web');
    assert.match(row!.receivedOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.notEqual(row!.receiptHash, anonymousReceipt.replace(/-/g, ''));
    const identities = await t.database.db.select().from(complaintIdentities);
    assert.equal(identities.length, 0);
    const [file] = await t.database.db.select().from(complaintFiles);
    assert.equal(file!.fileName.includes('สมหญิง'), false);
    const stored = await readStoredFile(dataDir, file!.sha256);
    assert.equal(stored.includes(Buffer.from(METADATA_MARKER)), false);
    // A public filing writes no audit entry (it would keep the exact time and request id).
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'complaints.file'));
    assert.equal(entries.length, 0);
  });

  it('shows the case and takes a message by receipt; a guessed receipt is a 404', async () => {
    const res = await follow(anonymousReceipt.toLowerCase().replace(/-/g, ' '));
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(html, /เรียกรับเงินค่าอนุญาตก่อสร้าง/);
    const sent = await t.post(`${base()}/follow/message`, {
      receipt: anonymousReceipt,
      body: 'มีหลักฐานเพิ่มเติมครับ',
    });
    assert.equal(sent.status, 200);
    assert.match(await sent.text(), /มีหลักฐานเพิ่มเติมครับ/);
    const guessed = await follow('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
    assert.equal(guessed.status, 404);
    assert.match(await guessed.text(), /ไม่พบเรื่องของรหัสติดตามนี้/);
    const wrongMessage = await t.post(`${base()}/follow/message`, {
      receipt: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
      body: 'x',
    });
    assert.equal(wrongMessage.status, 404);
  });

  it('refuses a script posing as a photo and a 25 MB upload, storing nothing', async () => {
    const before = (await t.database.db.select().from(complaints)).length;
    const script = await postMultipart(
      `${base()}/new/grievance`,
      {
        kind: 'grievance',
        conductType: 'other',
        subject: 'ทดสอบ',
        details: 'รายละเอียดที่ยาวพอสมควร',
        isAnonymous: '1',
      },
      [{ name: 'photo.jpg', bytes: Buffer.from('<script>alert(1)</script>'), type: 'image/jpeg' }],
    );
    assert.equal(script.status, 422);
    assert.match(await script.text(), /รับเฉพาะภาพ JPG, PNG หรือเอกสาร PDF/);
    const huge = await postMultipart(
      `${base()}/new/grievance`,
      {
        kind: 'grievance',
        conductType: 'other',
        subject: 'ทดสอบ',
        details: 'รายละเอียดที่ยาวพอสมควร',
        isAnonymous: '1',
      },
      [{ name: 'big.jpg', bytes: Buffer.alloc(25 * 1024 * 1024, 1), type: 'image/jpeg' }],
    );
    assert.equal(huge.status, 413);
    assert.equal((await t.database.db.select().from(complaints)).length, before);
  });

  it('works a named grievance through to its reply; only a committee member reads who filed it', async () => {
    const res = await postMultipart(`${base()}/new/grievance`, {
      kind: 'grievance',
      conductType: 'infrastructure',
      subject: 'ไฟถนนดับหน้าบ้าน <b>ซอย 3</b>',
      details: 'ไฟถนนดับมาสามคืนแล้ว มืดมาก',
      location: 'ซอย 3 หมู่ 2',
      name: NAME,
      phone: PHONE,
      email: EMAIL,
    });
    const html = await res.text();
    assert.equal(res.status, 200, html.slice(0, 800));
    namedReceipt = receiptOf(html)!;
    const [row] = await t.database.db
      .select()
      .from(complaints)
      .where(and(eq(complaints.agencyId, t.agency.id), eq(complaints.kind, 'grievance')));
    namedId = row!.id;
    const casePage = await t.get(`/staff/complaints/${namedId}`, officer);
    const caseHtml = await casePage.text();
    assert.equal(casePage.status, 200);
    assert.equal(caseHtml.includes('<b>ซอย 3</b>'), false, 'HTML is escaped');
    assert.equal(caseHtml.includes(NAME), false, 'no identity until a member asks');

    // Not on the committee: refused, nothing audited as read.
    const refused = await t.post(`/staff/complaints/${namedId}/identity`, {}, officer);
    assert.equal(refused.status, 403);
    // Appointed, the same officer reads it, and the reading is audited.
    const appoint = await t.post(
      '/staff/complaints/committee',
      { userId: officer.userId, role: 'secretary' },
      admin,
    );
    assert.equal(appoint.status, 303);
    const shown = await t.post(`/staff/complaints/${namedId}/identity`, {}, officer);
    const shownHtml = await shown.text();
    assert.equal(shown.status, 200);
    assert.ok(shownHtml.includes(NAME) && shownHtml.includes(PHONE));
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'complaints.identity.read'));
    assert.equal(reads.length, 1);
    assert.equal(JSON.stringify(reads).includes(NAME), false);

    const steps: Record<string, string>[] = [
      { to: 'acknowledged' },
      { to: 'assigned', assigneeUserId: officer.userId },
      { to: 'fact_finding' },
      { to: 'outcome', text: 'ตรวจแล้วหลอดไฟเสีย' },
      { to: 'replied', text: 'กองช่างเปลี่ยนหลอดไฟเรียบร้อยแล้ว' },
    ];
    for (const step of steps) {
      const r = await t.post(`/staff/complaints/${namedId}/step`, step, officer);
      assert.equal(r.status, 303, `${step.to}: ${await r.text()}`);
    }
    const [done] = await t.database.db.select().from(complaints).where(eq(complaints.id, namedId));
    assert.equal(done!.status, 'replied');
    assert.equal(done!.closedOn, done!.receivedOn, 'replied the same day, within its 7-day clock');
    // Out of order is refused with 409 and changes nothing.
    const late = await t.post(`/staff/complaints/${namedId}/step`, { to: 'acknowledged' }, officer);
    assert.equal(late.status, 409);
    const followed = await follow(namedReceipt);
    assert.match(await followed.text(), /กองช่างเปลี่ยนหลอดไฟเรียบร้อยแล้ว/);
  });

  it('hides a case from the officer it names, whatever their role', async () => {
    const accused = await t.loginAs(['complaint_officer', 'agency_admin']);
    const [corruption] = await t.database.db
      .select()
      .from(complaints)
      .where(eq(complaints.kind, 'corruption'));
    const id = corruption!.id;
    assert.equal((await t.get(`/staff/complaints/${id}`, accused)).status, 200);
    const marked = await t.post(
      `/staff/complaints/${id}/accused`,
      { userId: accused.userId },
      officer,
    );
    assert.equal(marked.status, 303);
    assert.equal((await t.get(`/staff/complaints/${id}`, accused)).status, 404);
    assert.equal(
      (await t.post(`/staff/complaints/${id}/step`, { to: 'acknowledged' }, accused)).status,
      404,
    );
    assert.equal(
      (await t.post(`/staff/complaints/${id}/notes`, { body: 'ลบเรื่องนี้' }, accused)).status,
      404,
    );
    const list = await (await t.get('/staff/complaints', accused)).text();
    assert.equal(list.includes('เรียกรับเงินค่าอนุญาตก่อสร้าง'), false);
    assert.ok(
      (await (await t.get('/staff/complaints', officer)).text()).includes('เรียกรับเงินค่าอนุญาตก่อสร้าง'),
    );
  });

  it('refuses the identity to a member removed a moment ago', async () => {
    const member = await t.loginAs('complaint_officer');
    await t.post('/staff/complaints/committee', { userId: member.userId, role: 'member' }, admin);
    assert.equal((await t.post(`/staff/complaints/${namedId}/identity`, {}, member)).status, 200);
    const removed = await t.post(`/staff/complaints/committee/${member.userId}/remove`, {}, admin);
    assert.equal(removed.status, 303);
    assert.equal((await t.post(`/staff/complaints/${namedId}/identity`, {}, member)).status, 403);
  });

  it('holds no readable name, phone or e-mail in any table or in a backup', async () => {
    const tables = await t.database.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    for (const { name } of tables) {
      const rows = await t.database.query<{ r: string }>(
        `select row_to_json(x)::text as r from "${name}" x`,
      );
      const text = rows.map((r) => r.r).join('\n');
      for (const secret of [NAME, PHONE, EMAIL]) {
        assert.equal(text.includes(secret), false, `${name} holds ${secret}`);
      }
    }
    const file = path.join(dataDir, 'backup.jsonl.gz');
    await backupDatabase(t.database, file, { dataDir });
    const backup = gunzipSync(readFileSync(file)).toString('utf8');
    assert.ok(backup.includes('complaints_identities'), 'the backup has the sealed rows');
    for (const secret of [NAME, PHONE, EMAIL, METADATA_MARKER]) {
      assert.equal(backup.includes(secret), false, `backup holds ${secret}`);
    }
  });

  it('publishes quarter figures with small cells suppressed', async () => {
    const res = await t.get(`${base()}/statistics?period=year`, t.anonymous());
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(html, /data-received="true">1</);
    assert.match(html, /น้อยกว่า 3/);
    assert.equal(html.includes('ไฟถนนดับ'), false, 'no case detail on the statistics page');
  });

  it('escalates an open case whose clock ran out, once', async () => {
    const later = new Date(Date.now() + 10 * 86_400_000);
    const first = await escalateOverdue(t.database.db, later);
    assert.equal(first[t.agency.id], 1, 'the open corruption case, not the replied grievance');
    const second = await escalateOverdue(t.database.db, later);
    assert.equal(second[t.agency.id], undefined);
  });
});
