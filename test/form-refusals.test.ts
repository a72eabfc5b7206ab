/**
 * Issue #12, "forms that keep what the user typed": each wrong value the attacker-and-clumsy-
 * user pass found (and its neighbours in every module) is posted to its staff form. The same
 * form must come back with a 4xx, the text as typed, the Thai message next to the field, the
 * files to choose again named, and nothing stored: no row, no audit entry.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { createTestContext, type TestContext, type TestSession } from './helpers/test-context.js';
import { translate } from '../src/core/i18n/i18n.js';
import { auditLog } from '../src/core/audit/schema.js';
import { listUnits } from '../src/core/agencies/units.js';
import { createMeasure } from '../src/measures/create-measure.js';
import { actions, measures, progressUpdates } from '../src/measures/schema.js';
import { startAnalysis } from '../src/assessment/start-analysis.js';
import { createCampaign } from '../src/surveys/campaigns.js';
import { saveEntry } from '../src/disclosure/save-entry.js';
import { submitEntry } from '../src/disclosure/review-entry.js';
import { surveyAccessCodes, surveyCampaigns } from '../src/surveys/schema.js';
import { units } from '../src/core/agencies/schema.js';
import {
  disclosureDocuments,
  disclosureEntries,
  disclosureExecutives,
} from '../src/disclosure/schema.js';
import {
  assessmentAnalyses,
  assessmentAnalysisAreas,
  assessmentWeakQuestionSettings,
} from '../src/assessment/schema.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n% evidence\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 1]);
const FAKE_PDF = new TextEncoder().encode('MZ\x90\x00 this is a program, not a PDF');
/** 11 MB that sniff as a PDF: over the 10 MB evidence limit, under the 25 MB body limit. */
const PDF_11MB = (() => {
  const bytes = new Uint8Array(11 * 1024 * 1024);
  bytes.set(PDF);
  return bytes;
})();

interface Upload {
  field: string;
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

interface Case {
  name: string;
  /** Where the form posts; built once the fixtures exist. */
  path: () => string;
  fields: () => Record<string, string>;
  files?: Upload[];
  status: number;
  /** The field whose message is checked, and the message's catalog key (with its params). */
  field: string;
  message: string;
  /** Text typed into the form that must come back. */
  typed: string[];
  /** Tables that must not grow. */
  tables: PgTable[];
  /** Who posts: the agency admin unless the form is a reviewer's. */
  as?: 'executive';
}

/** A year with a framework file (the routes 404 on any other). */
const ASSESSMENT_YEAR = 2566;
const FOREWORD = `คำนำที่เจ้าหน้าที่พิมพ์ไว้ยาวมาก ${'ก'.repeat(20_001)}`;

const RETURN_COMMENT = `กรุณาแก้ชื่อตำแหน่งให้ตรงคำสั่ง ${'ข'.repeat(2_000)}`;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text of the error paragraph rendered next to a field (id="f-<field>-error"). */
function errorNextTo(html: string, field: string): string | null {
  const m = new RegExp(
    `<p class="error" id="f-${field.replace(/\./g, '\\.')}-error">([^<]*)</p>`,
  ).exec(html);
  return m ? m[1]! : null;
}

void describe('staff forms refuse a wrong value by coming back filled in', () => {
  let t: TestContext;
  let admin: TestSession;
  let executive: TestSession;
  let dataDir: string;
  let measureId = '';
  let actionId = '';
  let unitId = '';
  let campaignId = '';
  let entryId = '';

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'form-refusals-'));
    t = await createTestContext({ dataDir });
    admin = await t.loginAs('agency_admin');
    executive = await t.loginAs('executive');
    unitId = (await listUnits(t.ctx.db, t.ctx.agencyId))[0]!.id;
    const measure = await createMeasure(t.ctx, { fiscalYear: 2569, title: 'มาตรการทดสอบ' }, [
      { stepText: 'ขั้นตอนแรก', unitId, startDate: '2026-01-01', dueDate: '2026-06-30' },
    ]);
    measureId = measure.id;
    const [action] = await t.database.db
      .select()
      .from(actions)
      .where(eq(actions.measureId, measureId));
    actionId = action!.id;
    await startAnalysis(t.ctx, { fiscalYear: ASSESSMENT_YEAR });
    const campaign = await createCampaign(t.ctx, {
      fiscalYear: ASSESSMENT_YEAR,
      tool: 'IIT',
      titleTh: 'แบบวัด IIT ทดสอบ',
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
    });
    campaignId = campaign.id;
    const entry = await saveEntry(t.ctx, {
      fiscalYear: ASSESSMENT_YEAR,
      itemCode: 'o2',
      contentHtml: '<p>ข้อมูลผู้บริหารที่ส่งตรวจแล้ว</p>',
    });
    entryId = (await submitEntry(t.ctx, entry.id)).id;
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const progressText = 'ติดประกาศที่บอร์ดหน้าสำนักงานแล้ว ครบทุกหมู่บ้าน';
  const cases: Case[] = [
    {
      name: 'measures progress: percent 150',
      path: () => `/staff/measures/actions/${actionId}/progress`,
      fields: () => ({ text: progressText, percent: '150', links: 'https://example.go.th/a' }),
      status: 422,
      field: 'percent',
      message: 'measures.errors.percentRange',
      typed: [progressText, '150', 'https://example.go.th/a'],
      tables: [progressUpdates],
    },
    {
      name: 'measures progress: a fake PDF',
      path: () => `/staff/measures/actions/${actionId}/progress`,
      fields: () => ({ text: progressText, percent: '๕๐' }),
      files: [{ field: 'files', name: 'หลักฐาน.pdf', bytes: FAKE_PDF }],
      status: 422,
      field: 'files',
      message: 'measures.errors.evidenceType',
      typed: [progressText, '๕๐'],
      tables: [progressUpdates],
    },
    {
      name: 'measures progress: an 11 MB file',
      path: () => `/staff/measures/actions/${actionId}/progress`,
      fields: () => ({ text: progressText, percent: '60' }),
      files: [{ field: 'files', name: 'scan-11mb.pdf', bytes: PDF_11MB }],
      status: 413,
      field: 'files',
      message: 'measures.errors.evidenceTooLarge',
      typed: [progressText, '60'],
      tables: [progressUpdates],
    },
    {
      name: 'measures: a new measure with a year that is not one',
      path: () => `/staff/measures`,
      fields: () => ({ fiscalYear: '25x9', title: 'ลดขั้นตอนการขออนุญาตก่อสร้าง' }),
      status: 422,
      field: 'fiscalYear',
      message: 'measures.errors.badYear',
      typed: ['25x9', 'ลดขั้นตอนการขออนุญาตก่อสร้าง'],
      tables: [measures],
    },
    {
      name: 'measures: an action due before it starts',
      path: () => `/staff/measures/${measureId}/actions`,
      fields: () => ({
        stepText: 'จัดอบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน',
        unitId,
        startDate: '2026-05-01',
        dueDate: '2026-04-01',
      }),
      status: 422,
      field: 'dueDate',
      message: 'measures.errors.datesOutOfOrder',
      typed: ['จัดอบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน', '2026-05-01'],
      tables: [actions],
    },
    {
      name: 'assessment: a bad question code',
      path: () => `/staff/assessment/years/${ASSESSMENT_YEAR}/weak-questions`,
      fields: () => ({ kind: 'below', threshold: '๘๐', addedCodes: 'e1, x9', removedCodes: 'i3' }),
      status: 422,
      field: 'addedCodes',
      message: 'assessment.weak.badCode',
      typed: ['e1, x9', '๘๐'],
      tables: [assessmentWeakQuestionSettings],
    },
    {
      name: 'assessment: a question code not in the framework',
      path: () => `/staff/assessment/years/${ASSESSMENT_YEAR}/weak-questions`,
      fields: () => ({
        kind: 'lowestPerIndicator',
        n: '3',
        addedCodes: 'e1',
        removedCodes: 'i999',
      }),
      status: 422,
      field: 'removedCodes',
      message: 'assessment.weak.unknownCode?codes=i999',
      typed: ['i999'],
      tables: [assessmentWeakQuestionSettings],
    },
    {
      name: 'assessment: a too-long analysis',
      path: () => `/staff/assessment/years/${ASSESSMENT_YEAR}/analysis`,
      fields: () => ({ titleTh: 'รายงานของเราเอง', forewordTh: FOREWORD, useThaiDigits: '1' }),
      status: 422,
      field: 'forewordTh',
      message: 'form.textTooLong?max=20,000',
      typed: ['รายงานของเราเอง', FOREWORD],
      tables: [assessmentAnalyses],
    },
    {
      name: 'assessment: a measure row left half empty',
      path: () => `/staff/assessment/years/${ASSESSMENT_YEAR}/analysis/areas/operating-process`,
      fields: () => ({
        findingsTh: 'ข้อค้นพบที่พิมพ์ไว้',
        improvementsTh: '',
        'measures.0.measureTh': 'มาตรการใหม่ที่ยังไม่ครบ',
        'measures.0.methodsTh': '',
        'measures.0.stepsTh': 'ขั้นตอนที่หนึ่ง',
        'measures.0.responsibleUnitTh': 'สำนักปลัด',
        'measures.0.timelineTh': 'ทุกไตรมาส',
      }),
      status: 422,
      field: 'measures.0.methodsTh',
      message: 'form.tooFewItems?min=1',
      typed: ['ข้อค้นพบที่พิมพ์ไว้', 'มาตรการใหม่ที่ยังไม่ครบ', 'ทุกไตรมาส'],
      tables: [assessmentAnalysisAreas],
    },
    {
      name: 'disclosure item: a fake PDF beside typed content',
      path: () => `/staff/disclosure/items/${ASSESSMENT_YEAR}/o1`,
      fields: () => ({
        contentHtml: '<p>โครงสร้างองค์กรของเทศบาล ปรับปรุงล่าสุด</p>',
        links: 'แผนผัง | https://example.go.th/chart',
        documentYear: '๒๕๖๖',
      }),
      files: [{ field: 'file', name: 'โครงสร้าง.pdf', bytes: FAKE_PDF }],
      status: 422,
      field: 'file',
      message: 'disclosure.errors.fileType',
      typed: ['แผนผัง | https://example.go.th/chart', '๒๕๖๖'],
      tables: [disclosureEntries, disclosureDocuments],
    },
    {
      name: 'disclosure item: a year that is not a number',
      path: () => `/staff/disclosure/items/${ASSESSMENT_YEAR}/o1`,
      fields: () => ({ contentHtml: 'ข้อความที่พิมพ์ไว้ก่อน', documentYear: 'ปีหน้า' }),
      files: [{ field: 'file', name: 'ok.pdf', bytes: PDF }],
      status: 422,
      field: 'documentYear',
      message: 'form.notANumber',
      typed: ['ข้อความที่พิมพ์ไว้ก่อน', 'ปีหน้า'],
      tables: [disclosureEntries, disclosureDocuments],
    },
    {
      name: 'disclosure item: a malformed link line',
      path: () => `/staff/disclosure/items/${ASSESSMENT_YEAR}/o1`,
      fields: () => ({ contentHtml: 'เนื้อหาที่พิมพ์', links: 'ดีแล้ว | https://a.go.th\nไม่มีลิงก์' }),
      status: 422,
      field: 'links',
      message: 'disclosure.errors.badLinks?line=2',
      typed: ['เนื้อหาที่พิมพ์', 'ไม่มีลิงก์'],
      tables: [disclosureEntries],
    },
    {
      name: 'disclosure review: a return comment over its limit',
      path: () => `/staff/disclosure/entries/${entryId}/return`,
      fields: () => ({ comment: RETURN_COMMENT }),
      status: 422,
      field: 'comment',
      message: 'form.textTooLong?max=2,000',
      typed: [RETURN_COMMENT],
      tables: [disclosureEntries],
      as: 'executive',
    },
    {
      name: 'disclosure executives: a PDF as the photo',
      path: () => `/staff/disclosure/basic/executives`,
      fields: () => ({ nameTh: 'นายสมชาย ใจดี', positionTh: 'นายกเทศมนตรี', sortOrder: '๑' }),
      files: [{ field: 'photo', name: 'รูปนายก.jpg', bytes: PDF }],
      status: 422,
      field: 'photo',
      message: 'disclosure.errors.fileType',
      typed: ['นายสมชาย ใจดี', 'นายกเทศมนตรี'],
      tables: [disclosureExecutives, disclosureDocuments],
    },
    {
      name: 'disclosure executives: a bad e-mail beside a good photo',
      path: () => `/staff/disclosure/basic/executives`,
      fields: () => ({ nameTh: 'นางสาวมาลี ดีงาม', positionTh: 'ปลัด', email: 'malee-at-example' }),
      files: [{ field: 'photo', name: 'malee.png', bytes: PNG }],
      status: 422,
      field: 'email',
      message: 'form.badEmail',
      typed: ['นางสาวมาลี ดีงาม', 'malee-at-example'],
      tables: [disclosureExecutives, disclosureDocuments],
    },
    {
      name: 'surveys: a new campaign whose year is not a number',
      path: () => `/staff/surveys`,
      fields: () => ({
        fiscalYear: '๒๕x๖',
        tool: 'EIT',
        titleTh: 'สำรวจผู้มารับบริการ ไตรมาสแรก',
        opensOn: '2026-01-01',
        closesOn: '2026-03-31',
      }),
      status: 422,
      field: 'fiscalYear',
      message: 'form.notANumber',
      typed: ['๒๕x๖', 'สำรวจผู้มารับบริการ ไตรมาสแรก'],
      tables: [surveyCampaigns],
    },
    {
      name: 'surveys: a campaign that closes before it opens',
      path: () => `/staff/surveys`,
      fields: () => ({
        fiscalYear: String(ASSESSMENT_YEAR),
        tool: 'EIT',
        titleTh: 'สำรวจย้อนเวลา',
        opensOn: '2026-03-01',
        closesOn: '2026-01-01',
        extraQuestions: 'ท่านได้รับบริการรวดเร็วหรือไม่',
      }),
      status: 422,
      field: 'closesOn',
      message: 'surveys.errors.dates',
      typed: ['สำรวจย้อนเวลา', 'ท่านได้รับบริการรวดเร็วหรือไม่'],
      tables: [surveyCampaigns],
    },
    {
      name: 'surveys: zero access codes',
      path: () => `/staff/surveys/${campaignId}/codes`,
      fields: () => ({ count: '๐' }),
      status: 422,
      field: 'count',
      message: 'surveys.errors.codeCount',
      typed: ['๐'],
      tables: [surveyAccessCodes],
    },
    {
      name: 'agency units: a sort order that is not a number',
      path: () => `/staff/agency/units`,
      fields: () => ({ nameTh: 'กองช่าง', nameEn: 'Engineering', sortOrder: 'สาม' }),
      status: 422,
      field: 'sortOrder',
      message: 'form.notANumber',
      typed: ['กองช่าง', 'Engineering', 'สาม'],
      tables: [units],
    },
  ];

  void it('accepts Thai digits and thousands separators in numeric and year fields', async () => {
    const unit = await t.post(
      '/staff/agency/units',
      { nameTh: 'กองการศึกษา', sortOrder: '๑,๒๐๐' },
      admin,
    );
    assert.equal(unit.status, 303, await unit.text());
    const [row] = await t.database.db.select().from(units).where(eq(units.nameTh, 'กองการศึกษา'));
    assert.equal(row!.sortOrder, 1200);
    const measure = await t.post(
      '/staff/measures',
      { fiscalYear: '๒๕๖๙', title: 'มาตรการปีเลขไทย' },
      admin,
    );
    assert.equal(measure.status, 303, await measure.text());
    const [stored] = await t.database.db
      .select()
      .from(measures)
      .where(eq(measures.title, 'มาตรการปีเลขไทย'));
    assert.equal(stored!.fiscalYear, 2569);
    const progress = await t.post(
      `/staff/measures/actions/${actionId}/progress`,
      { text: 'ทำไปครึ่งหนึ่ง', percent: '๕๐' },
      admin,
    );
    assert.equal(progress.status, 303, await progress.text());
    const [update] = await t.database.db
      .select()
      .from(progressUpdates)
      .where(eq(progressUpdates.text, 'ทำไปครึ่งหนึ่ง'));
    assert.equal(update!.percent, 50);
  });

  for (const c of cases) {
    void it(`${c.name}: ${c.status}, text kept, message next to the field, nothing stored`, async () => {
      const rows = async () => {
        const counts: number[] = [];
        for (const table of [...c.tables, auditLog]) {
          const [row] = await t.database.db.select({ n: count() }).from(table);
          counts.push(row!.n);
        }
        return counts;
      };
      const before = await rows();
      const session = c.as === 'executive' ? executive : admin;
      const form = new FormData();
      form.append('_csrf', session.csrfToken);
      for (const [k, v] of Object.entries(c.fields())) form.append(k, v);
      for (const f of c.files ?? []) form.append(f.field, new File([f.bytes], f.name));
      const res = await t.app.request(c.path(), {
        method: 'POST',
        headers: session.headers,
        body: c.files ? form : new URLSearchParams(form as unknown as Record<string, string>),
      });
      const html = await res.text();
      assert.equal(res.status, c.status, html.slice(0, 2000));
      const [key = '', query = ''] = c.message.split('?');
      const expected = escapeHtml(
        translate('th', key, Object.fromEntries(new URLSearchParams(query))),
      );
      assert.equal(
        errorNextTo(html, c.field),
        expected,
        `message next to ${c.field}: ${html.match(/<p class="error"[^]*?<\/p>/g)?.join('\n')}`,
      );
      for (const text of c.typed) assert.ok(html.includes(escapeHtml(text)), `kept: ${text}`);
      for (const f of c.files ?? []) {
        assert.match(html, /data-choose-again/);
        assert.ok(html.includes(escapeHtml(f.name)), `names the file to choose again: ${f.name}`);
      }
      assert.doesNotMatch(html, /Invalid (input|string|option)|expected \w+, received/);
      assert.deepEqual(await rows(), before, 'nothing stored');
    });
  }
});
