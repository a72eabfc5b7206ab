import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTestContext,
  type TestContext,
  type TestSession,
} from '../../test/helpers/test-context.js';
import { auditLog } from '../core/audit/schema.js';
import { hearings, people, trainings } from './schema.js';

const VALID_ID = '1101700203450'; // check digit 0 (mod 11 over the first twelve digits)
const PERSON = {
  fullName: 'นางสาวใจดี รักงาน',
  staffType: 'mission_contract',
  position: 'นักทรัพยากรบุคคล',
};

void describe('personnel roster and training records', () => {
  let t: TestContext;
  let admin: TestSession;
  const rows = async () => t.database.db.select().from(people);

  before(async () => {
    t = await createTestContext();
    admin = await t.loginAs('agency_admin');
  });
  after(() => t.close());

  void it('stores no national ID until the agency turns it on, then checks its check digit', async () => {
    const off = await t.post('/staff/personnel/people', { ...PERSON, nationalId: VALID_ID }, admin);
    assert.equal(off.status, 422);
    assert.match(await off.text(), /ไม่ได้เปิดให้เก็บเลขประจำตัวประชาชน/);
    assert.equal((await rows()).length, 0);

    assert.equal(
      (await t.post('/staff/personnel/settings', { storeNationalId: 'on' }, admin)).status,
      303,
    );
    const bad = await t.post(
      '/staff/personnel/people',
      { ...PERSON, nationalId: '1101700203451' },
      admin,
    );
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /เลขประจำตัวประชาชนไม่ถูกต้อง/);
    const thaiDigits = '๑-๑๐๑๗-๐๐๒๐๓-๔๕-๐';
    assert.equal(
      (await t.post('/staff/personnel/people', { ...PERSON, nationalId: thaiDigits }, admin))
        .status,
      303,
    );
    assert.equal((await rows())[0]!.nationalId, VALID_ID);
    const audits = await t.database.db.select().from(auditLog);
    assert.ok(!JSON.stringify(audits).includes(VALID_ID), 'the audit log never holds the ID');

    assert.equal(
      (await t.post('/staff/personnel/settings', { storeNationalId: 'off' }, admin)).status,
      303,
    );
    assert.equal((await rows())[0]!.nationalId, null, 'turning it off erases stored IDs');
  });

  void it('records training hours (Thai digits) and sums them for the year', async () => {
    const [person] = await rows();
    const year = String(new Date().getFullYear() + 543 + (new Date().getMonth() >= 9 ? 1 : 0));
    const res = await t.post(
      `/staff/personnel/people/${person!.id}/trainings`,
      { fiscalYear: year, course: 'หลักสูตรจริยธรรม', attendedOn: '2026-11-20', hours: '๖.๕' },
      admin,
    );
    assert.equal(res.status, 303);
    const refused = await t.post(
      `/staff/personnel/people/${person!.id}/trainings`,
      { fiscalYear: year, course: 'x', attendedOn: '2026-11-20', hours: '-1' },
      admin,
    );
    assert.equal(refused.status, 422);
    assert.equal((await t.database.db.select().from(trainings)).length, 1);
    const page = await (await t.get('/staff/personnel', admin)).text();
    assert.match(page, /ได้รับการพัฒนา 1 จาก 1 คน รวม 6\.5 ชั่วโมง เฉลี่ย 6\.5 ชั่วโมงต่อคน/);
  });
  void it('records a staff hearing meeting and refuses one without attendees', async () => {
    const year = String(new Date().getFullYear() + 543 + (new Date().getMonth() >= 9 ? 1 : 0));
    const ok = await t.post(
      '/staff/personnel/hearings',
      {
        fiscalYear: year,
        heldOn: '2026-11-30',
        attendees: '๔๒',
        issues: 'ขอให้จัดอบรมคอมพิวเตอร์',
        answers: 'บรรจุในแผนพัฒนา',
      },
      admin,
    );
    assert.equal(ok.status, 303);
    const refused = await t.post(
      '/staff/personnel/hearings',
      { fiscalYear: year, heldOn: '2026-11-30', attendees: '0', issues: 'ประเด็นที่ไม่ควรบันทึก' },
      admin,
    );
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /จำนวนผู้เข้าร่วมต้องเป็นจำนวนเต็ม/);
    const stored = await t.database.db.select().from(hearings);
    assert.deepEqual(
      stored.map((h) => h.attendees),
      [42],
    );
    assert.match(
      await (await t.get('/staff/personnel/hearings', admin)).text(),
      /ขอให้จัดอบรมคอมพิวเตอร์/,
    );
  });
});
