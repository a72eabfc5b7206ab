import type { AgencyContext } from '../core/context.js';
import { listUnits } from '../core/agencies/units.js';
import { listServices } from './queries.js';
import { saveManual } from './save-manual.js';
import type { ManualInput } from './manual.js';

// Typical municipal services with the times อปท. publish (thai-rules.md §1.3). Times marked
// UNCONFIRMED there are this agency's data, which its staff change on the manual page.

const HOURS = 'วันจันทร์ ถึง วันศุกร์ (ยกเว้นวันหยุดที่ทางราชการกำหนด) 08.30–12.00 และ 13.00–16.30 น.';
const PLACE = 'สำนักงานเทศบาลตำบลโพธิ์ทอง (ศูนย์บริการร่วม) และทางออนไลน์';
const COMPLAINTS = [
  'เทศบาลตำบลโพธิ์ทอง โทร 043-000000 หรือหน้าเว็บไซต์ร้องเรียนของเทศบาล',
  'ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี สายด่วน 1111 / www.1111.go.th / เลขที่ 1 ถ.พิษณุโลก เขตดุสิต กทม. 10300',
  'ศูนย์รับเรื่องร้องเรียนการทุจริตในภาครัฐ ป.ป.ท. สายด่วน 1206',
];
const ID_CARD = { name: 'บัตรประจำตัวประชาชน', isCopy: true };
const HOUSE_REG = { name: 'สำเนาทะเบียนบ้าน', isCopy: true };

type Draft = Omit<ManualInput, 'steps' | 'unitId'> & {
  unit: string;
  steps: (Omit<ManualInput['steps'][number], 'unitId'> & { unit: string })[];
};

interface DemoService {
  code: string;
  manual: Draft;
  /** An earlier, slower revision: the improvement the public page announces. */
  before?: Partial<Draft>;
  changeNote?: string;
}

const SERVICES: DemoService[] = [
  {
    code: 'birth-notification',
    manual: {
      name: 'การรับแจ้งการเกิด',
      unit: 'สำนักปลัด',
      category: 'จดทะเบียน',
      legalBasis: ['พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534'],
      conditions: 'แจ้งภายใน 15 วันนับแต่วันเกิด ณ สำนักทะเบียนท้องถิ่นที่เด็กเกิด',
      steps: [
        {
          title: 'ตรวจสอบเอกสารและบันทึกข้อมูล',
          duration: 5,
          durationUnit: 'minutes',
          unit: 'สำนักปลัด',
        },
        {
          title: 'ออกสูติบัตรและเพิ่มชื่อในทะเบียนบ้าน',
          duration: 5,
          durationUnit: 'minutes',
          unit: 'สำนักปลัด',
        },
      ],
      documents: [
        { name: 'หนังสือรับรองการเกิด (ท.ร.1/1)' },
        { ...HOUSE_REG, note: 'ฉบับเจ้าบ้าน' },
        { ...ID_CARD, note: 'ของผู้แจ้งและบิดามารดา' },
      ],
      fees: [],
    },
  },
  {
    code: 'death-notification',
    manual: {
      name: 'การรับแจ้งการตาย',
      unit: 'สำนักปลัด',
      category: 'จดทะเบียน',
      legalBasis: ['พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534'],
      conditions: 'แจ้งภายใน 24 ชั่วโมงนับแต่เวลาตาย',
      steps: [
        { title: 'ตรวจสอบเอกสารและหลักฐาน', duration: 5, durationUnit: 'minutes', unit: 'สำนักปลัด' },
        {
          title: 'ออกมรณบัตรและจำหน่ายชื่อออกจากทะเบียนบ้าน',
          duration: 5,
          durationUnit: 'minutes',
          unit: 'สำนักปลัด',
        },
      ],
      documents: [{ name: 'หนังสือรับรองการตาย (ท.ร.4/1)' }, HOUSE_REG, ID_CARD],
      fees: [],
    },
  },
  {
    code: 'house-number',
    manual: {
      name: 'การขอเลขที่บ้าน',
      unit: 'สำนักปลัด',
      category: 'จดทะเบียน',
      legalBasis: ['พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534'],
      conditions: 'บ้านที่ปลูกสร้างเสร็จแล้ว เจ้าบ้านแจ้งภายใน 15 วันนับแต่วันสร้างเสร็จ',
      steps: [
        { title: 'รับคำร้องและตรวจเอกสาร', duration: 1, durationUnit: 'hours', unit: 'สำนักปลัด' },
        { title: 'ตรวจสถานที่จริง', duration: 2, durationUnit: 'days', unit: 'กองช่าง' },
        {
          title: 'กำหนดเลขที่บ้านและออกทะเบียนบ้าน',
          duration: 1,
          durationUnit: 'days',
          unit: 'สำนักปลัด',
        },
      ],
      documents: [
        ID_CARD,
        { name: 'ใบอนุญาตก่อสร้างอาคาร (ถ้ามี)', isCopy: true },
        { name: 'หลักฐานการเป็นเจ้าของที่ดิน', isCopy: true },
      ],
      fees: [],
    },
    before: {
      steps: [
        { title: 'รับคำร้องและตรวจเอกสาร', duration: 1, durationUnit: 'days', unit: 'สำนักปลัด' },
        { title: 'ตรวจสถานที่จริง', duration: 3, durationUnit: 'days', unit: 'กองช่าง' },
        {
          title: 'กำหนดเลขที่บ้านและออกทะเบียนบ้าน',
          duration: 1,
          durationUnit: 'days',
          unit: 'สำนักปลัด',
        },
      ],
    },
    changeNote: 'ลดระยะเวลาตามมาตรการลดขั้นตอนการให้บริการ',
  },
  {
    code: 'commercial-registration',
    manual: {
      name: 'การจดทะเบียนพาณิชย์ (ตั้งใหม่)',
      unit: 'กองคลัง',
      category: 'จดทะเบียน',
      legalBasis: ['พระราชบัญญัติทะเบียนพาณิชย์ พ.ศ. 2499'],
      conditions: 'ผู้ประกอบพาณิชยกิจต้องยื่นขอจดทะเบียนภายใน 30 วันนับแต่วันเริ่มประกอบกิจการ',
      steps: [
        { title: 'ตรวจสอบคำขอและเอกสาร', duration: 30, durationUnit: 'minutes', unit: 'กองคลัง' },
        {
          title: 'รับชำระค่าธรรมเนียมและออกใบทะเบียนพาณิชย์',
          duration: 30,
          durationUnit: 'minutes',
          unit: 'กองคลัง',
        },
      ],
      documents: [
        { name: 'คำขอจดทะเบียนพาณิชย์ (แบบ ทพ.)' },
        ID_CARD,
        HOUSE_REG,
        { name: 'หนังสือยินยอมให้ใช้สถานที่ (กรณีไม่ใช่เจ้าของ)' },
      ],
      fees: [{ description: 'ค่าธรรมเนียมจดทะเบียนพาณิชย์ (ตั้งใหม่)', amountSatang: 5000 }],
      forms: ['แบบ ทพ. คำขอจดทะเบียนพาณิชย์'],
    },
  },
  {
    code: 'building-permit',
    manual: {
      name: 'การขออนุญาตก่อสร้างอาคารตามมาตรา 21',
      unit: 'กองช่าง',
      category: 'อนุญาต/ออกใบอนุญาต/รับรอง',
      legalBasis: ['พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522', 'กฎกระทรวง ฉบับที่ 10 (พ.ศ. 2528)'],
      conditions:
        'ยื่นคำขอตามแบบ ข.1 พร้อมแบบแปลน กรณีใช้แบบมาตรฐานของกรมโยธาธิการและผังเมืองพิจารณาได้เร็วขึ้น',
      steps: [
        { title: 'ตรวจสอบเอกสารและตรวจสถานที่', duration: 5, durationUnit: 'days', unit: 'กองช่าง' },
        {
          title: 'พิจารณาแบบแปลนและออกใบอนุญาต (อ.1)',
          duration: 10,
          durationUnit: 'days',
          unit: 'กองช่าง',
        },
      ],
      documents: [
        { name: 'คำขออนุญาตก่อสร้างอาคาร (แบบ ข.1)' },
        { name: 'แบบแปลนและรายการประกอบแบบแปลน', copies: 5 },
        { name: 'โฉนดที่ดิน', isCopy: true },
        ID_CARD,
      ],
      fees: [
        { description: 'ค่าใบอนุญาตก่อสร้าง', amountSatang: 2000 },
        {
          description: 'ค่าตรวจแบบแปลน ตามพื้นที่อาคาร (ตารางเมตรละ 50 สตางค์ถึง 4 บาท)',
          amountSatang: 0,
        },
      ],
      forms: ['แบบ ข.1'],
    },
    before: {
      steps: [
        { title: 'ตรวจสอบเอกสารและตรวจสถานที่', duration: 10, durationUnit: 'days', unit: 'กองช่าง' },
        {
          title: 'พิจารณาแบบแปลนและออกใบอนุญาต (อ.1)',
          duration: 20,
          durationUnit: 'days',
          unit: 'กองช่าง',
        },
      ],
    },
    changeNote: 'ลดระยะเวลาพิจารณาตามมาตรการปรับปรุงกระบวนงาน',
  },
  {
    code: 'health-hazard-licence',
    manual: {
      name: 'การขอรับใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ',
      unit: 'กองสาธารณสุขและสิ่งแวดล้อม',
      category: 'อนุญาต/ออกใบอนุญาต/รับรอง',
      legalBasis: [
        'พระราชบัญญัติการสาธารณสุข พ.ศ. 2535',
        'เทศบัญญัติเทศบาลตำบลโพธิ์ทอง เรื่อง กิจการที่เป็นอันตรายต่อสุขภาพ',
      ],
      conditions: 'ใบอนุญาตมีอายุ 1 ปีนับแต่วันที่ออก พิจารณาภายใน 20 วันทำการนับแต่ได้รับคำขอที่ครบถ้วน',
      steps: [
        {
          title: 'ตรวจสอบความครบถ้วนของคำขอ',
          duration: 1,
          durationUnit: 'days',
          unit: 'กองสาธารณสุขและสิ่งแวดล้อม',
        },
        {
          title: 'ตรวจสถานประกอบการตามหลักเกณฑ์สุขลักษณะ',
          duration: 10,
          durationUnit: 'days',
          unit: 'กองสาธารณสุขและสิ่งแวดล้อม',
        },
        {
          title: 'พิจารณาออกใบอนุญาต',
          duration: 9,
          durationUnit: 'days',
          unit: 'กองสาธารณสุขและสิ่งแวดล้อม',
        },
      ],
      documents: [
        { name: 'คำขอรับใบอนุญาต (แบบ อภ.1)' },
        ID_CARD,
        HOUSE_REG,
        { name: 'แผนที่ตั้งสถานประกอบการ' },
      ],
      fees: [{ description: 'ค่าธรรมเนียมตามประเภทกิจการ (ตามเทศบัญญัติ) ขั้นต่ำ', amountSatang: 10000 }],
      forms: ['แบบ อภ.1'],
    },
    before: {
      steps: [
        {
          title: 'ตรวจสอบความครบถ้วนของคำขอ',
          duration: 1,
          durationUnit: 'days',
          unit: 'กองสาธารณสุขและสิ่งแวดล้อม',
        },
        {
          title: 'ตรวจสถานประกอบการตามหลักเกณฑ์สุขลักษณะ',
          duration: 15,
          durationUnit: 'days',
          unit: 'กองสาธารณสุขและสิ่งแวดล้อม',
        },
        {
          title: 'พิจารณาออกใบอนุญาต',
          duration: 14,
          durationUnit: 'days',
          unit: 'กองสาธารณสุขและสิ่งแวดล้อม',
        },
      ],
    },
    changeNote: 'ลดระยะเวลาจาก 30 วันเหลือ 20 วันทำการ',
  },
  {
    code: 'elderly-allowance',
    manual: {
      name: 'การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ',
      unit: 'สำนักปลัด',
      category: 'สวัสดิการ',
      legalBasis: ['ระเบียบกระทรวงมหาดไทยว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุขององค์กรปกครองส่วนท้องถิ่น'],
      conditions:
        'สัญชาติไทย มีภูมิลำเนาในเขตเทศบาล อายุ 60 ปีขึ้นไปในปีงบประมาณถัดไป และไม่ได้รับสวัสดิการหรือสิทธิประโยชน์อื่นใดจากรัฐในลักษณะเดียวกัน ลงทะเบียนภายในเดือนพฤศจิกายน',
      steps: [
        { title: 'ตรวจสอบคุณสมบัติและเอกสาร', duration: 15, durationUnit: 'minutes', unit: 'สำนักปลัด' },
        { title: 'บันทึกข้อมูลลงทะเบียน', duration: 15, durationUnit: 'minutes', unit: 'สำนักปลัด' },
      ],
      documents: [
        ID_CARD,
        HOUSE_REG,
        { name: 'สมุดบัญชีเงินฝากธนาคาร (กรณีรับเงินผ่านบัญชี)', isCopy: true },
      ],
      fees: [],
    },
  },
  {
    code: 'grievance',
    manual: {
      name: 'การรับแจ้งเรื่องราวร้องทุกข์',
      unit: 'สำนักปลัด',
      category: 'รับเรื่องร้องทุกข์',
      conditions: 'แจ้งผลการดำเนินการให้ผู้ร้องทราบภายใน 7 วันทำการ',
      steps: [
        { title: 'รับเรื่องและลงทะเบียน', duration: 1, durationUnit: 'hours', unit: 'สำนักปลัด' },
        {
          title: 'ส่งเรื่องให้ส่วนงานที่รับผิดชอบดำเนินการ',
          duration: 1,
          durationUnit: 'days',
          unit: 'สำนักปลัด',
        },
        { title: 'แจ้งผลการดำเนินการให้ผู้ร้องทราบ', duration: 6, durationUnit: 'days', unit: 'สำนักปลัด' },
      ],
      documents: [],
      fees: [],
    },
    before: {
      steps: [
        { title: 'รับเรื่องและลงทะเบียน', duration: 1, durationUnit: 'hours', unit: 'สำนักปลัด' },
        {
          title: 'ส่งเรื่องให้ส่วนงานที่รับผิดชอบดำเนินการ',
          duration: 2,
          durationUnit: 'days',
          unit: 'สำนักปลัด',
        },
        { title: 'แจ้งผลการดำเนินการให้ผู้ร้องทราบ', duration: 8, durationUnit: 'days', unit: 'สำนักปลัด' },
      ],
    },
    changeNote: 'ลดระยะเวลาจาก 10 วันเหลือ 7 วันทำการ',
  },
  {
    code: 'water-support',
    manual: {
      name: 'การขอรับการสนับสนุนน้ำอุปโภคบริโภค',
      unit: 'สำนักปลัด',
      category: 'ช่วยเหลือประชาชน',
      legalBasis: ['พระราชบัญญัติป้องกันและบรรเทาสาธารณภัย พ.ศ. 2550'],
      conditions: 'ครัวเรือนในเขตเทศบาลที่ขาดแคลนน้ำอุปโภคบริโภค',
      steps: [
        { title: 'รับคำร้องและตรวจสอบพื้นที่', duration: 1, durationUnit: 'hours', unit: 'สำนักปลัด' },
        { title: 'จัดรถบรรทุกน้ำไปส่ง', duration: 2, durationUnit: 'hours', unit: 'สำนักปลัด' },
      ],
      documents: [],
      fees: [],
    },
  },
  {
    code: 'signboard-tax',
    manual: {
      name: 'การยื่นแบบแสดงรายการภาษีป้าย (ภ.ป.1)',
      unit: 'กองคลัง',
      category: 'ภาษี',
      legalBasis: ['พระราชบัญญัติภาษีป้าย พ.ศ. 2510'],
      conditions:
        'ยื่นแบบภายในเดือนมกราคมถึงมีนาคม ชำระภาษีภายใน 15 วันนับแต่ได้รับแจ้งการประเมิน ยื่นแบบล่าช้าเสียเงินเพิ่มร้อยละ 10 ของค่าภาษี',
      steps: [
        { title: 'รับแบบ ภ.ป.1 และตรวจสอบป้าย', duration: 1, durationUnit: 'days', unit: 'กองคลัง' },
        {
          title: 'ประเมินภาษีและแจ้งการประเมิน (ภ.ป.3)',
          duration: 2,
          durationUnit: 'days',
          unit: 'กองคลัง',
        },
      ],
      documents: [{ name: 'แบบแสดงรายการภาษีป้าย (ภ.ป.1)' }, ID_CARD, { name: 'ภาพถ่ายป้ายพร้อมขนาด' }],
      fees: [{ description: 'ภาษีป้ายตามอัตราในกฎกระทรวง (คิดตามขนาดและประเภทป้าย)', amountSatang: 0 }],
      forms: ['แบบ ภ.ป.1'],
    },
  },
];

/**
 * Demo services for เทศบาลตำบลโพธิ์ทอง: ten manuals, four with an earlier slower revision so
 * the public pages show the improvement. Safe to run again (existing codes are left alone).
 */
export async function seedEservice(ctx: AgencyContext): Promise<void> {
  const units = await listUnits(ctx.db, ctx.agencyId);
  const unitId = (name: string) => units.find((u) => u.nameTh === name)?.id ?? null;
  const existing = new Set((await listServices(ctx.db, ctx.agencyId)).map((s) => s.code));
  const toManual = (draft: Draft): ManualInput => {
    const { unit, steps, ...rest } = draft;
    return {
      servicePlace: PLACE,
      serviceHours: HOURS,
      complaintChannels: COMPLAINTS,
      ...rest,
      unitId: unitId(unit),
      steps: steps.map(({ unit: stepUnit, ...s }) => ({ ...s, unitId: unitId(stepUnit) })),
    };
  };
  for (const [sortOrder, demo] of SERVICES.entries()) {
    if (existing.has(demo.code)) continue;
    const first = toManual({ ...demo.manual, ...demo.before });
    const { service } = await saveManual(ctx, { code: demo.code, manual: first, sortOrder });
    if (demo.before) {
      await saveManual(ctx, {
        serviceId: service.id,
        manual: toManual(demo.manual),
        changeNote: demo.changeNote,
      });
    }
  }
}
