import type { Translation } from '../core/i18n/i18n.js';

export const th = {
  nav: { dashboard: 'ผลการประเมิน ITA', import: 'นำเข้าผลการประเมิน', frameworks: 'เกณฑ์การประเมิน' },
  notice: {
    imported: 'นำเข้าผลการประเมินแล้ว',
    analysisStarted: 'สร้างรายงานการวิเคราะห์จากคลังข้อเสนอแนะแล้ว',
    analysisSaved: 'บันทึกรายงานการวิเคราะห์แล้ว',
    areaSaved: 'บันทึกประเด็นแล้ว',
    weakSaved: 'บันทึกเกณฑ์ข้อคำถามที่มีผลการประเมินต่ำแล้ว',
  },
  weak: {
    unknownCode: 'ไม่พบรหัสข้อคำถาม {codes} ในเกณฑ์ของปีนี้',
    unknownCodes: 'มีรหัสข้อคำถามที่ไม่อยู่ในเกณฑ์ของปีนี้ กรุณาตรวจสอบรหัส',
    badCode: 'รหัสข้อคำถามต้องเป็น i หรือ e ตามด้วยตัวเลข เช่น e1, i12 คั่นด้วยจุลภาค',
  },
  import: {
    title: 'นำเข้าผลการประเมิน ITA',
    lead: 'อัปโหลดไฟล์ CSV หรือ XLSX ที่มีคอลัมน์ ตัวชี้วัด,คะแนน หรือ ข้อคำถาม,คะแนน ตรวจสอบตัวอย่าง แล้วยืนยัน',
    year: 'ปีงบประมาณ (พ.ศ.)',
    statedLevel: 'ระดับผลการประเมินที่ระบุในหนังสือแจ้งผล (ถ้ามี)',
    file: 'ไฟล์ผลการประเมิน',
    preview: 'ตรวจสอบไฟล์',
    confirm: 'ยืนยันการนำเข้า',
    refused: 'ไฟล์นี้ไม่ถูกนำเข้า (ไม่มีข้อมูลใดถูกบันทึก) กรุณาแก้ไขตามรายการแล้วอัปโหลดใหม่',
    noFile: 'กรุณาเลือกไฟล์',
    expired: 'ไม่พบไฟล์ที่ตรวจสอบไว้ หรือเกิน 1 ชั่วโมงแล้ว (ไม่มีข้อมูลใดถูกบันทึก) กรุณาอัปโหลดไฟล์อีกครั้ง',
  },
  analysis: { title: 'รายงานการวิเคราะห์ผลการประเมิน' },
  frameworkImport: {
    title: 'เกณฑ์การประเมิน ITA ของระบบ',
    refused: 'ไฟล์เกณฑ์นี้ไม่ถูกนำเข้า (ไม่มีข้อมูลใดถูกบันทึก) กรุณาแก้ไขตามรายการแล้วอัปโหลดใหม่',
    alreadyDecided: 'เกณฑ์ฉบับนี้ได้รับการตัดสินแล้ว',
    staged: 'ตรวจไฟล์ผ่านแล้ว กรุณาตรวจการเปลี่ยนแปลงก่อนรับใช้',
    accepted: 'รับใช้เกณฑ์ฉบับนี้แล้ว ทุกหน่วยงานใช้เกณฑ์นี้ตั้งแต่บัดนี้',
    discarded: 'ยกเลิกเกณฑ์ฉบับนี้แล้ว',
  },
};

export const en: Translation<typeof th> = {
  nav: { dashboard: 'ITA results', import: 'Import results', frameworks: 'ITA frameworks' },
  notice: {
    imported: 'Results imported',
    analysisStarted: 'Analysis started from the recommendation library',
    analysisSaved: 'Analysis saved',
    areaSaved: 'Issue area saved',
    weakSaved: 'Weak-question rule saved',
  },
  weak: {
    unknownCode: 'Question code {codes} is not in the year’s framework.',
    unknownCodes: 'Some question codes are not in the year’s framework; please check them.',
    badCode: 'A question code is i or e followed by a number, e.g. e1, i12, separated by commas.',
  },
  import: {
    title: 'Import ITA results',
    lead: 'Upload a CSV or XLSX file with indicator,score or question,score columns, check the preview, then confirm',
    year: 'Fiscal year (B.E.)',
    statedLevel: 'Level stated in the NACC letter (optional)',
    file: 'Results file',
    preview: 'Check file',
    confirm: 'Confirm import',
    refused: 'The file was not imported (nothing was stored); fix the rows listed and upload again',
    noFile: 'Choose a file',
    expired:
      'The checked file was not found or is more than an hour old (nothing was stored); upload it again',
  },
  analysis: { title: 'ITA analysis report' },
  frameworkImport: {
    title: 'ITA frameworks of this instance',
    refused:
      'This framework file was not imported (nothing was saved). Fix the listed problems and upload it again.',
    alreadyDecided: 'This framework version has already been decided',
    staged: 'The file is valid. Review the changes before accepting it.',
    accepted: 'This framework version is accepted and now used by every agency.',
    discarded: 'This framework version was discarded.',
  },
};
