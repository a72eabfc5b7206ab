import type { Translation } from '../core/i18n/i18n.js';

export const th = {
  waiting: {
    sampleShort:
      'แบบวัด {tool} ปี {year} ยังได้คำตอบไม่ครบกลุ่มตัวอย่างขั้นต่ำ (ได้ {have} จาก {need} ยังขาด {count})',
  },
  nav: { surveys: 'แบบวัด IIT/EIT' },
  created: 'เปิดแบบวัดแล้ว',
  emailed: 'ส่งรหัสทางอีเมลแล้ว',
  populationSaved: 'บันทึกจำนวนผู้มีส่วนได้ส่วนเสียแล้ว',
  wordingSaved: 'บันทึกถ้อยคำข้อคำถามแล้ว',
  errors: {
    unknownQuestion: 'แบบฟอร์มมีข้อคำถามที่ไม่อยู่ในแบบวัดนี้',
    wordingLocked: 'แบบวัดนี้เปิดและมีผู้ตอบแล้ว จึงแก้ถ้อยคำข้อคำถามไม่ได้ ผู้ตอบทุกคนต้องได้อ่านคำถามเดียวกัน',
    badAnswer: 'คำตอบไม่อยู่ในตัวเลือกของข้อคำถาม',
    closed: 'แบบวัดนี้ปิดรับคำตอบแล้ว หรือยังไม่เปิด',
    codeRequired: 'กรุณากรอกรหัสเข้าตอบ',
    badCode: 'ไม่พบรหัสเข้าตอบนี้ กรุณาตรวจสอบอีกครั้ง',
    codeUsed: 'รหัสนี้ถูกใช้ตอบแล้ว รหัสหนึ่งตอบได้ครั้งเดียว',
    codeMissing:
      'เบราว์เซอร์นี้ไม่ได้เก็บรหัสเข้าตอบไว้ (ยังไม่มีคำตอบใดถูกบันทึก และรหัสยังใช้ได้) กรุณาเริ่มตอบใหม่ด้วยรหัสเดิม',
    noDraft: 'ไม่พบแบบวัดที่กำลังตอบบนอุปกรณ์นี้ กรุณาเริ่มใหม่',
    incomplete: 'ยังตอบไม่ครบทุกข้อ',
    missing: 'กรุณาเลือกคำตอบ',
    rateLimited: 'ส่งคำตอบถี่เกินไป กรุณารอสักครู่แล้วลองใหม่',
    date: 'วันที่ไม่ถูกต้อง (ปปปป-ดด-วว)',
    dates: 'วันปิดต้องไม่ก่อนวันเปิด',
    noFramework: 'ยังไม่มีข้อมูลเกณฑ์ของปีงบประมาณนี้',
    codeCount: 'จำนวนรหัสต้องอยู่ระหว่าง 1 ถึง 2,000',
    codesForIitOnly: 'รหัสเข้าตอบใช้กับแบบวัด IIT เท่านั้น',
    emails: 'กรุณากรอกอีเมลที่ถูกต้อง บรรทัดละหนึ่งอีเมล',
    noSmtp: 'ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล (smtpUrl)',
    population: 'จำนวนผู้มีส่วนได้ส่วนเสียต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 100,000,000 คน (เว้นว่างได้ถ้ายังไม่ทราบ)',
  },
};

export const en: Translation<typeof th> = {
  waiting: {
    sampleShort:
      '{tool} {year}: answers still short of the minimum sample ({have} of {need}, {count} to go)',
  },
  nav: { surveys: 'IIT/EIT surveys' },
  created: 'Survey opened',
  emailed: 'Codes e-mailed',
  populationSaved: 'Number of stakeholders saved',
  wordingSaved: 'Question wording saved',
  errors: {
    unknownQuestion: 'The form contains a question that is not in this survey',
    wordingLocked:
      'This survey is open and has answers, so its question wording can no longer change: every respondent must read the same questions.',
    badAnswer: 'The answer is not one of the options',
    closed: 'This survey is closed or not open yet',
    codeRequired: 'Please enter your access code',
    badCode: 'Unknown access code',
    codeUsed: 'This code has already been used; a code answers once',
    codeMissing:
      'This browser no longer holds your access code (nothing was stored and the code is still valid); start again with the same code',
    noDraft: 'No survey in progress on this device; please start again',
    incomplete: 'Some questions are unanswered',
    missing: 'Please choose an answer',
    rateLimited: 'Too many submissions; please wait and try again',
    date: 'Invalid date (YYYY-MM-DD)',
    dates: 'The closing date must not be before the opening date',
    noFramework: 'No framework data for this fiscal year',
    codeCount: 'Between 1 and 2,000 codes',
    codesForIitOnly: 'Access codes are for IIT surveys only',
    emails: 'Enter valid e-mail addresses, one per line',
    noSmtp: 'No mail server configured (smtpUrl)',
    population:
      'The number of stakeholders must be a whole number from 0 to 100,000,000 (or empty)',
  },
};
