import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { listExecutives, listNews } from './queries.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

void describe('basic-information pages (staff)', () => {
  let t: TestContext;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prongsai-basic-'));
    t = await createTestContext({ dataDir });
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('adds news (sanitised) and an executive with a photo; refuses a PDF as photo', async () => {
    const admin = await t.loginAs('agency_admin');
    const res = await t.post(
      '/staff/disclosure/basic/news',
      {
        kind: 'announcement',
        titleTh: 'ประกาศรับสมัคร',
        bodyHtml: '<p>รายละเอียด</p><img src=x onerror=alert(1)>',
        publishedOn: '2023-02-01',
      },
      admin,
    );
    assert.equal(res.status, 303);
    const [news] = await listNews(t.database.db, t.agency.id);
    assert.equal(news?.bodyHtml, '<p>รายละเอียด</p>');
    assert.equal(news?.kind, 'announcement');

    const form = new FormData();
    form.append('_csrf', admin.csrfToken);
    form.append('nameTh', 'นายทดสอบ ระบบ');
    form.append('positionTh', 'นายกเทศมนตรี');
    form.append('branch', 'political');
    form.append('photo', new File([PNG], 'photo.png'));
    const created = await t.app.request('/staff/disclosure/basic/executives', {
      method: 'POST',
      headers: admin.headers,
      body: form,
    });
    assert.equal(created.status, 303);
    const [executive] = await listExecutives(t.database.db, t.agency.id);
    assert.equal(executive?.photo?.mediaType, 'image/png');
    const photo = await t.get(`/a/${t.agency.slug}${executive!.photo!.path}`);
    assert.equal(photo.status, 200);

    const bad = new FormData();
    bad.append('_csrf', admin.csrfToken);
    bad.append('nameTh', 'ก');
    bad.append('positionTh', 'ข');
    bad.append('branch', 'political');
    bad.append('photo', new File(['%PDF-1.4\n'], 'photo.png'));
    const refused = await t.app.request('/staff/disclosure/basic/executives', {
      method: 'POST',
      headers: admin.headers,
      body: bad,
    });
    assert.equal(refused.status, 422);
    assert.equal((await listExecutives(t.database.db, t.agency.id)).length, 1);
  });

  void it("is for admins only and deletes only this agency's records", async () => {
    const officer = await t.loginAs('unit_officer');
    assert.equal((await t.get('/staff/disclosure/basic', officer)).status, 403);
    const { agency: other } = await t.makeAgency();
    const otherAdmin = await t.loginAs('agency_admin', other);
    const [news] = await listNews(t.database.db, t.agency.id);
    const res = await t.post(`/staff/disclosure/basic/news/${news!.id}/delete`, {}, otherAdmin);
    assert.equal(res.status, 404);
    assert.equal((await listNews(t.database.db, t.agency.id)).length, 1);
  });
});
