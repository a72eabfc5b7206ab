import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkWebsite, type WebsiteCheckReport } from './check-website.js';
import { openThaiPdfMaker } from './fixtures/make-thai-pdf.js';
import {
  page,
  serveSyntheticSite,
  type SyntheticSite,
  REACH_LOOPBACK,
} from './fixtures/serve-synthetic-site.js';
import { SAMPLE_OIT_ITEMS_2566 } from './oit-item-for-check.js';

/** code → [status, isCurrent, path of the first evidence] */
type Expected = Record<string, [string, boolean | null, string | null]>;

function summary(report: WebsiteCheckReport, origin: string): Expected {
  return Object.fromEntries(
    report.items.map((i) => [
      i.code,
      [i.status, i.isCurrent, i.evidence[0]?.url.replace(origin, '') ?? null],
    ]),
  );
}

const HOME = [['/', 'หน้าแรก']] as [string, string][];

void describe('checkWebsite on a good municipal site', () => {
  let site: SyntheticSite;
  let report: WebsiteCheckReport;
  before(async () => {
    site = await serveSyntheticSite({
      '/': {
        body: page('เทศบาลตำบลโพธิ์ทอง', '<h1>ยินดีต้อนรับ</h1>', [
          ['/structure', 'O1 โครงสร้างองค์กร'],
          ['/executives', 'ข้อมูลผู้บริหาร'],
          ['/contact', 'ติดต่อเรา'],
          ['/news', 'ข่าวประชาสัมพันธ์'],
          ['/ita', 'ITA'],
        ]),
      },
      '/structure': { body: page('โครงสร้าง', '<h1>แผนผังโครงสร้างเทศบาล</h1>', HOME) },
      '/executives': { body: page('ผู้บริหาร', '<h1>คณะผู้บริหาร</h1><p>นายสมชาย ใจดี</p>', HOME) },
      '/contact': { body: page('ติดต่อ', '<p>โทร 0 3500 0000</p>', HOME) },
      '/news': {
        body: page('ข่าว', '<h1>ข่าวสาร</h1><p>ประกาศรับสมัครพนักงานจ้าง 15 ธันวาคม 2565</p>', HOME),
      },
      '/ita': {
        body: page('ITA', '<h1>การเปิดเผยข้อมูลสาธารณะ</h1>', [
          ...HOME,
          ['/docs/plan-2566', 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2566'],
          ['/docs/report-2565', 'รายงานผลการดำเนินงานประจำปี 2565'],
          ['/docs/manual', 'คู่มือการปฏิบัติงาน'],
          ['/eservice', 'E-Service ยื่นคำร้องออนไลน์'],
        ]),
      },
      '/docs/plan-2566': {
        body: page('แผน', '<h1>แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี พ.ศ. 2566</h1>', HOME),
      },
      '/docs/report-2565': { body: page('รายงาน', '<h1>สรุปผล</h1><p>ปี 2565</p>', HOME) },
      '/docs/manual': { body: page('คู่มือ', '<h1>งานทะเบียนราษฎร</h1>', HOME) },
      '/eservice': { body: page('บริการ', '<form>คำร้อง</form>', HOME) },
    });
    report = await checkWebsite({
      network: REACH_LOOPBACK,
      url: site.origin,
      fiscalYear: 2566,
      items: SAMPLE_OIT_ITEMS_2566,
    });
  });
  after(async () => site.close());

  void it('finds each published item, where, and whether it is of FY 2566', () => {
    assert.deepEqual(summary(report, site.origin), {
      o1: ['found', null, '/structure'],
      o2: ['found', null, '/executives'],
      o4: ['found', null, '/contact'],
      // "ธันวาคม 2565" falls in FY 2566 (1 Oct 2565 – 30 Sep 2566).
      o6: ['found', true, '/news'],
      o9: ['found', true, '/docs/plan-2566'],
      o11: ['found', false, '/docs/report-2565'],
      o12: ['found', null, '/docs/manual'],
      o16: ['found', null, '/eservice'],
      o17: ['not_found', null, null],
      o36: ['not_found', null, null],
    });
  });

  void it('quotes the strongest label as evidence: the page heading, else the link text', () => {
    const text = (code: string) => report.items.find((i) => i.code === code)?.evidence[0]?.text;
    assert.equal(text('o9'), 'แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี พ.ศ. 2566');
    assert.equal(text('o12'), 'คู่มือการปฏิบัติงาน');
    assert.equal(report.pagesVisited, 10);
    assert.deepEqual(report.brokenLinks, []);
  });
});

void describe('checkWebsite when the items are only inside PDFs', () => {
  let site: SyntheticSite;
  let report: WebsiteCheckReport;
  before(async () => {
    const maker = await openThaiPdfMaker();
    const procurementPlan = await maker.makePdf([
      'แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
      'เทศบาลตำบลโพธิ์ทอง',
    ]);
    const riskAssessment = await maker.makePdf(['การประเมินความเสี่ยงการทุจริตประจำปี ๒๕๖๕']);
    // Names no year: only the PDF's own date (set to March 2023 = FY 2566) can say it is current.
    const annualReport = Buffer.from(
      (await maker.makePdf(['รายงานผลการดำเนินงานประจำปี', 'เทศบาลตำบลโพธิ์ทอง']))
        .toString('latin1')
        .replace(/\(D:\d{8}/g, '(D:20230301'),
      'latin1',
    );
    await maker.close();
    const pdf = (body: Buffer) => ({ headers: { 'content-type': 'application/pdf' }, body });
    site = await serveSyntheticSite({
      '/': {
        body: page('อบต. ทดสอบ', '<h1>เอกสารเผยแพร่</h1>', [
          ['/files/a.pdf', 'เอกสาร 1'],
          ['/files/b.pdf', 'เอกสาร 2'],
          ['/files/c.pdf', 'เอกสาร 3'],
        ]),
      },
      '/files/a.pdf': pdf(procurementPlan),
      // Served as a download: the .pdf name must be enough.
      '/files/b.pdf': {
        headers: { 'content-type': 'application/octet-stream' },
        body: riskAssessment,
      },
      '/files/c.pdf': pdf(annualReport),
    });
    report = await checkWebsite({
      network: REACH_LOOPBACK,
      url: site.origin,
      fiscalYear: 2566,
      items: SAMPLE_OIT_ITEMS_2566,
    });
  });
  after(async () => site.close());

  void it('reads Thai text and Thai-digit years out of the PDFs', () => {
    assert.deepEqual(summary(report, site.origin), {
      o1: ['not_found', null, null],
      o2: ['not_found', null, null],
      o4: ['not_found', null, null],
      o6: ['not_found', null, null],
      o9: ['not_found', null, null],
      o11: ['found', true, '/files/c.pdf'],
      o12: ['not_found', null, null],
      o16: ['not_found', null, null],
      o17: ['found', true, '/files/a.pdf'],
      o36: ['found', false, '/files/b.pdf'],
    });
  });
});
