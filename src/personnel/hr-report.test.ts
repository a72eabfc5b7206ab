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
import { docxToText, pdfToText } from '../core/documents/read-back.js';
import { currentFiscalYear, toThaiDigits } from '../core/i18n/thai-format.js';
import { draftOfficialDocument } from '../core/official/index.js';
import { hrReports, people, planActivities } from './schema.js';

const PLAN = '/staff/personnel/plan';

void describe('HR plan with progress and the yearly HR report', () => {
  let t: TestContext;
  let admin: TestSession;
  let officer: TestSession;
  let dataDir: string;
  const year = currentFiscalYear(new Date());

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'personnel-report-'));
    t = await createTestContext({ dataDir });
    admin = await t.loginAs('agency_admin');
    officer = await t.loginAs('unit_officer');
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it('records plan activities and their progress, refusing a bad percentage and keeping the old one', async () => {
    const added = await t.post(
      PLAN,
      {
        fiscalYear: String(year),
        title: 'อบรมจริยธรรมบุคลากร',
        target: 'บุคลากรร้อยละ 80 เข้าร่วม',
        owner: 'งานการเจ้าหน้าที่',
      },
      admin,
    );
    assert.equal(added.status, 303);
    assert.equal((await t.post(PLAN, { fiscalYear: String(year), title: '' }, admin)).status, 422);
    assert.equal(
      (await t.post(PLAN, { fiscalYear: String(year), title: 'x' }, officer)).status,
      403,
    );
    const [activity] = await t.database.db.select().from(planActivities);
    const bad = await t.post(`${PLAN}/${activity!.id}/progress`, { progress: '150' }, admin);
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /ความก้าวหน้าต้องเป็นจำนวนเต็ม/);
    const ok = await t.post(
      `${PLAN}/${activity!.id}/progress`,
      { progress: '๗๕', result: 'จัดอบรมแล้ว ๒ รุ่น' },
      admin,
    );
    assert.equal(ok.status, 303);
    const [after] = await t.database.db.select().from(planActivities);
    assert.equal(after!.progress, 75);

    // The year's HR policy announcement in the register is linked from the plan page.
    const policy = await draftOfficialDocument(t.ctx, {
      kind: 'announcement',
      fiscalYear: year,
      subject: 'นโยบายการบริหารทรัพยากรบุคคลทดสอบ',
      signerName: 'นายสมชาย ใจดี',
      signerPosition: 'นายกเทศมนตรี',
      feed: 'integrity.hr-policy',
    });
    const page = await (await t.get(PLAN, officer)).text();
    assert.ok(page.includes(`/staff/integrity/documents/${policy.id}`), 'policy linked');
    assert.ok(page.includes('จัดอบรมแล้ว ๒ รุ่น'), 'progress shown');
  });

  void it('publishes the report with roster counts, training hours, hearings and plan progress, fed to O15', async () => {
    const person = async (fullName: string, staffType: string) => {
      assert.equal(
        (
          await t.post(
            '/staff/personnel/people',
            { fullName, staffType, position: 'เจ้าพนักงาน' },
            admin,
          )
        ).status,
        303,
      );
    };
    await person('นายหนึ่ง ทดสอบ', 'municipal_employee');
    await person('นายสอง ทดสอบ', 'municipal_employee');
    await person('นางสาม ทดสอบ', 'general_contract');
    const [first] = await t.database.db.select().from(people);
    assert.equal(
      (
        await t.post(
          `/staff/personnel/people/${first!.id}/trainings`,
          {
            fiscalYear: String(year),
            course: 'หลักสูตรการป้องกันการทุจริต',
            attendedOn: '2026-11-02',
            hours: '12',
          },
          admin,
        )
      ).status,
      303,
    );
    assert.equal(
      (
        await t.post(
          '/staff/personnel/hearings',
          {
            fiscalYear: String(year),
            heldOn: '2026-11-20',
            attendees: '37',
            issues: 'ขอให้จัดอบรมภาษาอังกฤษ',
            answers: 'บรรจุในแผนพัฒนาปีถัดไป',
          },
          admin,
        )
      ).status,
      303,
    );
    assert.equal((await t.post(`${PLAN}/report`, { fiscalYear: 'ปีหน้า' }, admin)).status, 422);
    assert.equal((await t.database.db.select().from(hrReports)).length, 0);
    assert.equal((await t.post(`${PLAN}/report`, { fiscalYear: String(year) }, admin)).status, 303);

    const base = `/a/${t.agency.slug}/personnel/reports/${year}`;
    const pdf = await t.get(`${base}.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const docx = await t.get(`${base}.docx`);
    assert.equal(docx.status, 200);
    const texts = [
      (await pdfToText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' '),
      (await docxToText(new Uint8Array(await docx.arrayBuffer()))).replace(/\s+/g, ' '),
    ];
    for (const text of texts) {
      assert.ok(text.includes(toThaiDigits(`ประจำปีงบประมาณ พ.ศ. ${year}`)), text);
      assert.ok(text.includes(`พนักงานเทศบาล ${toThaiDigits('2')}`), text);
      assert.ok(text.includes(`พนักงานจ้างทั่วไป ${toThaiDigits('1')}`), text);
      assert.ok(text.includes('หลักสูตรการป้องกันการทุจริต'), text);
      // One person attended, 12 hours (the PDF's text may put a column header in between).
      assert.ok(text.includes(toThaiDigits('1 12')), text);
      assert.ok(text.includes(toThaiDigits('รวม 12 ชั่วโมง เฉลี่ย 4 ชั่วโมงต่อคน')), text);
      assert.ok(text.includes('ขอให้จัดอบรมภาษาอังกฤษ'), text);
      assert.ok(text.includes(`อบรมจริยธรรมบุคลากร`), text);
      assert.ok(text.includes(toThaiDigits('75%')), text);
      assert.ok(!text.includes('นายหนึ่ง'), 'the public report names no one');
    }
    assert.equal((await t.get(`/a/${t.agency.slug}/personnel/reports/2400.pdf`)).status, 404);

    const fed = await fedContent({
      db: t.database.db,
      agencyId: t.agency.id,
      agencySlug: t.agency.slug,
      fiscalYear: year,
    });
    const o15 = fed.byItem.get('o15') ?? [];
    assert.equal(o15.length, 1);
    assert.equal(o15[0]!.links[0]!.href, `${base}.pdf`);
  });
});
