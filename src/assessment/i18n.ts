import type { Translation } from '../core/i18n/i18n.js';

export const th = {
  nav: {
    dashboard: 'ผลการประเมิน ITA',
    import: 'นำเข้าผลการประเมิน',
    frameworks: 'เกณฑ์การประเมิน',
    settings: 'สิทธิ์ของเจ้าหน้าที่ในงาน ITA',
  },
  notice: {
    imported: 'นำเข้าผลการประเมินแล้ว',
    analysisStarted: 'สร้างรายงานการวิเคราะห์จากคลังข้อเสนอแนะแล้ว',
    analysisSaved: 'บันทึกรายงานการวิเคราะห์แล้ว',
    areaSaved: 'บันทึกประเด็นแล้ว',
    weakSaved: 'บันทึกเกณฑ์ข้อคำถามที่มีผลการประเมินต่ำแล้ว',
    settingsSaved: 'บันทึกสิทธิ์ของเจ้าหน้าที่แล้ว',
  },
  weak: { unknownCode: 'ไม่พบรหัสข้อคำถามนี้ในเกณฑ์ของปีนี้' },
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
  },
  analysis: { title: 'รายงานการวิเคราะห์ผลการประเมิน' },
};

export const en: Translation<typeof th> = {
  nav: {
    dashboard: 'ITA results',
    import: 'Import results',
    frameworks: 'ITA frameworks',
    settings: "Officers' rights in ITA work",
  },
  notice: {
    imported: 'Results imported',
    analysisStarted: 'Analysis started from the recommendation library',
    analysisSaved: 'Analysis saved',
    areaSaved: 'Issue area saved',
    weakSaved: 'Weak-question rule saved',
    settingsSaved: "Officers' rights saved",
  },
  weak: { unknownCode: 'This question code is not in the year’s framework' },
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
  },
  analysis: { title: 'ITA analysis report' },
};
