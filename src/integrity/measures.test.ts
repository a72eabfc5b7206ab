import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { fedContent } from '../../test/helpers/fed-content.js';
import { auditLog } from '../core/audit/schema.js';
import { activities, activityPhotos, gifts, interestDeclarations } from './schema.js';

const BASE = '/staff/integrity';
// A real 1 × 1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

void describe('no-gift measures, the declaration event and interest declarations', () => {
  let t: TestContext;
  let officer: TestSession;
  let otherOfficer: TestSession;
  let executive: TestSession;
  let dataDir: string;
  let year: number;
  // A date in the current fiscal year (1 October of the year before it ends).
  let heldOn: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prongsai-nogift-'));
    t = await createTestContext({ dataDir });
    officer = await t.loginAs('unit_officer');
    otherOfficer = await t.loginAs('unit_officer');
    executive = await t.loginAs('executive');
    const now = new Date();
    year = now.getFullYear() + 543 + (now.getMonth() >= 9 ? 1 : 0);
    heldOn = `${year - 543 - 1}-12-05`;
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const postActivity = (
    fields: Record<string, string>,
    files: { name: string; bytes: Buffer }[],
  ) => {
    const form = new FormData();
    form.append('_csrf', officer.csrfToken);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('photos', new File([new Uint8Array(f.bytes)], f.name));
    return t.app.request(`${BASE}/activities`, {
      method: 'POST',
      headers: officer.headers,
      body: form,
    });
  };
  const activity = {
    kind: 'no-gift',
    heldOn: '',
    title: 'ประชุมชี้แจงนโยบาย No Gift Policy',
    place: 'ห้องประชุมสภา',
    participants: 'ผู้บริหารและพนักงาน ๔๕ คน',
  };

  void it('refuses a photo that is not an image and a date that does not exist, writing nothing', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%disguised as a photo');
    const wrongType = await postActivity({ ...activity, heldOn }, [{ name: 'x.jpg', bytes: pdf }]);
    assert.equal(wrongType.status, 422);
    const html = await wrongType.text();
    assert.match(html, /ภาพกิจกรรมต้องเป็นไฟล์ JPEG หรือ PNG/);
    assert.match(html, /ประชุมชี้แจงนโยบาย No Gift Policy/, 'the typed title comes back');
    const badDate = await postActivity({ ...activity, heldOn: `${year - 543}-02-30` }, []);
    assert.equal(badDate.status, 422);
    assert.match(await badDate.text(), /กรุณาเลือกวันที่ที่มีอยู่จริง/);
    const html2 = await postActivity({ ...activity, heldOn, title: '<b>x</b>' }, []);
    assert.equal(html2.status, 303, 'HTML in text is kept as text');
    assert.match(await (await t.get(html2.headers.get('location')!, officer)).text(), /&lt;b&gt;x/);
    await t.database.db.delete(activities);
    assert.equal((await t.database.db.select().from(activityPhotos)).length, 0);
  });

  void it('records a No Gift activity with a photo the public page shows on o21', async () => {
    const res = await postActivity({ ...activity, heldOn }, [{ name: 'ภาพ.png', bytes: PNG }]);
    assert.equal(res.status, 303);
    const [row] = await t.database.db.select().from(activities);
    assert.equal(row!.fiscalYear, year);
    const [photo] = await t.database.db.select().from(activityPhotos);
    assert.equal(photo!.mediaType, 'image/png');

    const publicPage = await t.get(`/a/${t.agency.slug}/integrity/activities/${row!.id}`);
    assert.equal(publicPage.status, 200);
    const html = await publicPage.text();
    assert.match(html, /ผู้บริหารและพนักงาน ๔๕ คน/);
    const img = await t.get(
      `/a/${t.agency.slug}/integrity/activities/${row!.id}/photos/${photo!.sha256}`,
    );
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await img.arrayBuffer()), PNG);

    const audits = await t.database.db.select().from(auditLog);
    assert.ok(audits.some((a) => a.action === 'integrity.activity.record'));
  });

  void it("records the executive's declaration event on the declaration item (o27)", async () => {
    const page = await (await t.get(`${BASE}/activities?kind=declaration`, officer)).text();
    assert.match(page, /<option value="declaration" selected/);
    const title = 'ผู้บริหารประกาศเจตจำนงสุจริตต่อหน้าพนักงาน';
    const res = await postActivity({ ...activity, kind: 'declaration', heldOn, title }, []);
    assert.equal(res.status, 303);
    const fed = await fedContent({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      fiscalYear: year,
    });
    const onItem = fed.byItem.get('o27') ?? [];
    assert.ok(
      onItem.some((c) => c.title.includes(title)),
      JSON.stringify(onItem),
    );
    assert.ok(!(fed.byItem.get('o21') ?? []).some((c) => c.title.includes(title)));
  });

  void it('keeps the gift register and publishes it as the o22 report', async () => {
    const gift = {
      offeredOn: heldOn,
      recipient: 'นายสมชาย ใจดี ปลัดเทศบาล',
      giver: 'บริษัท ก่อสร้างดี จำกัด',
      description: 'กระเช้าผลไม้',
      valueBaht: '๑,๕๐๐',
      action: 'returned',
    };
    const negative = await t.post(`${BASE}/gifts`, { ...gift, valueBaht: '-1' }, officer);
    assert.equal(negative.status, 422);
    assert.match(await negative.text(), /มูลค่าเป็นจำนวนบาท/);
    const badAction = await t.post(`${BASE}/gifts`, { ...gift, action: 'sold' }, officer);
    assert.equal(badAction.status, 422);
    assert.equal((await t.database.db.select().from(gifts)).length, 0);

    assert.equal((await t.post(`${BASE}/gifts`, gift, officer)).status, 303);
    const [row] = await t.database.db.select().from(gifts);
    assert.equal(row!.valueBaht, 1500);
    const report = await (await t.get(`/a/${t.agency.slug}/integrity/gifts/${year}`)).text();
    assert.match(report, /กระเช้าผลไม้/);
    assert.match(report, /ส่งคืนผู้ให้/);

    const fed = await fedContent({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      fiscalYear: year,
    });
    assert.equal(fed.byItem.get('o21')?.length, 1, 'the activity on o21');
    assert.equal(fed.byItem.get('o22')?.length, 1, 'the gift report on o22');
  });

  void it('shows interest declarations to executives and to the declarer only', async () => {
    const declare = (session: TestSession, form: Record<string, string>) =>
      t.post(`${BASE}/interests`, { fiscalYear: String(year), ...form }, session);
    const noDetails = await declare(officer, { hasConflict: 'yes', details: '' });
    assert.equal(noDetails.status, 422);
    assert.match(await noDetails.text(), /กรุณาระบุรายละเอียด/);
    assert.equal(
      (await declare(officer, { hasConflict: 'yes', details: 'ญาติเป็นผู้เสนอราคา' })).status,
      303,
    );
    assert.equal(
      (await declare(otherOfficer, { committee: 'คณะกรรมการตรวจรับ โครงการถนน', hasConflict: 'no' }))
        .status,
      303,
    );
    assert.equal((await t.database.db.select().from(interestDeclarations)).length, 2);

    const page = (s: TestSession) =>
      t.get(`${BASE}/interests?year=${year}`, s).then((r) => r.text());
    const own = await page(otherOfficer);
    assert.match(own, /คณะกรรมการตรวจรับ โครงการถนน/);
    assert.doesNotMatch(own, /ญาติเป็นผู้เสนอราคา/, "another officer's declaration stays hidden");
    const all = await page(executive);
    assert.match(all, /ญาติเป็นผู้เสนอราคา/);
    assert.match(all, /คณะกรรมการตรวจรับ โครงการถนน/);
    // Never on the public site.
    const fed = await fedContent({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      fiscalYear: year,
    });
    const published = JSON.stringify([...fed.byItem.values()]);
    assert.doesNotMatch(published, /ญาติเป็นผู้เสนอราคา/);
  });
});
