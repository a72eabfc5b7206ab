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
  public: {
    privacy: {
      title: 'ประกาศความเป็นส่วนตัว (PDPA)',
      purpose:
        'แบบวัดนี้ใช้ข้อคำถามของการประเมินคุณธรรมและความโปร่งใส (ITA) ของสำนักงาน ป.ป.ช. เพื่อให้หน่วยงานทราบผลเบื้องต้นและนำไปปรับปรุงการทำงาน',
      keptLabel: 'สิ่งที่เก็บ:',
      keptIit: 'คำตอบของท่าน วันที่ตอบ (ไม่เก็บเวลา) เท่านั้น',
      keptEit:
        'คำตอบของท่าน วันที่ตอบ (ไม่เก็บเวลา) และช่องทางที่ท่านเข้ามาตอบ (เช่น เคาน์เตอร์ เว็บไซต์ เฟซบุ๊ก) เท่านั้น',
      notKeptLabel: 'สิ่งที่ไม่เก็บ:',
      notKeptIit:
        'ชื่อ เลขประจำตัว ที่อยู่ IP อุปกรณ์ที่ใช้ และรหัสเข้าตอบ (ระบบบันทึกเพียงว่ารหัสถูกใช้แล้ว แยกจากคำตอบ) จึงไม่มีใคร รวมทั้งผู้ดูแลระบบ เชื่อมโยงคำตอบกับตัวท่านได้',
      notKeptEit:
        'ชื่อ เลขประจำตัว ที่อยู่ IP อุปกรณ์ที่ใช้ และเวลาที่ตอบ จึงไม่มีใคร รวมทั้งผู้ดูแลระบบ เชื่อมโยงคำตอบกับตัวท่านได้',
      clientKey:
        'เพื่อป้องกันการส่งซ้ำ ระบบแปลงที่อยู่ IP เป็นรหัสลับที่เปลี่ยนทุกวัน ไม่บันทึกที่อยู่ IP และเก็บรหัสนี้ในตารางชั่วคราวที่ลบทิ้งเมื่อพ้นชั่วโมง ไม่อยู่ในข้อมูลสำรอง',
      draftCookie:
        'ระหว่างตอบ ระบบเก็บคำตอบชั่วคราวด้วยคุกกี้สุ่มบนอุปกรณ์นี้ เพื่อให้กลับมาตอบต่อได้ และลบทิ้งเมื่อส่งคำตอบ',
    },
    notOpen: 'แบบวัดนี้ไม่ได้เปิดรับคำตอบในขณะนี้ (เปิด {opens} ถึง {closes})',
    resume: 'ตอบต่อจากที่ค้างไว้',
    code: 'รหัสเข้าตอบ (ได้รับจากกระดาษหรืออีเมล)',
    start: 'รับทราบและเริ่มตอบ',
    pageTitle: '{title} หน้า {n}',
    pageOf: 'หน้า {n} จาก {total}',
    back: 'ย้อนกลับ',
    next: 'ถัดไป',
    submit: 'ส่งคำตอบ',
    thanksTitle: 'ขอบคุณ',
    thanksHeading: 'ขอบคุณที่ตอบแบบวัด',
    thanksText: 'บันทึกคำตอบของท่านแล้ว (แบบวัด: {title}) คำตอบไม่ระบุตัวผู้ตอบ',
    backToSite: 'กลับสู่เว็บไซต์{name}',
    agencyWebsite: 'เว็บไซต์หลักของหน่วยงาน',
  },
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
  public: {
    privacy: {
      title: 'Privacy notice (PDPA)',
      purpose:
        "This survey uses the questions of the NACC's Integrity and Transparency Assessment (ITA), so that the agency learns its early result and improves its work.",
      keptLabel: 'What is kept:',
      keptIit: 'your answers and the date you answered (not the time), nothing else.',
      keptEit:
        'your answers, the date you answered (not the time) and the channel you came from (such as the counter, the website or Facebook), nothing else.',
      notKeptLabel: 'What is not kept:',
      notKeptIit:
        'your name, ID number, IP address, device and access code (the system only records that the code was used, apart from the answers), so no one, system administrators included, can link the answers to you.',
      notKeptEit:
        'your name, ID number, IP address, device and the time you answered, so no one, system administrators included, can link the answers to you.',
      clientKey:
        'To prevent repeated submissions, the IP address is turned into a secret key that changes every day; the IP address is not recorded, and the key is kept in a temporary table emptied after the hour and left out of backups.',
      draftCookie:
        'While you answer, your answers are kept for a while under a random cookie on this device so you can come back to them; they are deleted when you submit.',
    },
    notOpen: 'This survey is not taking answers now (open {opens} to {closes})',
    resume: 'Continue where you left off',
    code: 'Access code (from the slip or the e-mail)',
    start: 'I understand; start',
    pageTitle: '{title}, page {n}',
    pageOf: 'Page {n} of {total}',
    back: 'Back',
    next: 'Next',
    submit: 'Submit',
    thanksTitle: 'Thank you',
    thanksHeading: 'Thank you for answering',
    thanksText: 'Your answers are recorded (survey: {title}). They do not identify you.',
    backToSite: 'Back to the website of {name}',
    agencyWebsite: "The agency's main website",
  },
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
