import { z } from 'zod';

/**
 * ข้อ OIT: one item of the Open-data Integrity and Transparency Assessment, reduced to what the
 * website checker needs. The assessment framework data (per fiscal year) maps into this shape.
 */
export const OitItemForCheck = z.object({
  /** o1 … o43, as the NACC numbers them for the year. */
  code: z.string().regex(/^[oO]\d{1,2}$/),
  nameTh: z.string().min(1),
  /** ตัวชี้วัดย่อย, e.g. "9.1 ข้อมูลพื้นฐาน". */
  subIndicator: z.string().min(1),
  /** Other ways agencies title this item on their sites; any one of them is evidence. */
  keywords: z.array(z.string().min(1)),
  /** The NACC accepts only information of the assessed fiscal year for this item. */
  mustBeCurrentYear: z.boolean(),
});
export type OitItemForCheck = z.infer<typeof OitItemForCheck>;

/**
 * A small built-in sample of FY 2566 items for tests and for running the checker before the
 * framework data is wired in. It is NOT the full NACC list: names are abridged from the
 * 2566 manual and keywords are ours.
 */
export const SAMPLE_OIT_ITEMS_2566: OitItemForCheck[] = z.array(OitItemForCheck).parse([
  {
    code: 'o1',
    nameTh: 'โครงสร้าง',
    subIndicator: '9.1 ข้อมูลพื้นฐาน',
    keywords: ['โครงสร้างองค์กร', 'แผนผังโครงสร้าง', 'โครงสร้างส่วนราชการ'],
    mustBeCurrentYear: false,
  },
  {
    code: 'o2',
    nameTh: 'ข้อมูลผู้บริหาร',
    subIndicator: '9.1 ข้อมูลพื้นฐาน',
    keywords: ['ผู้บริหาร', 'คณะผู้บริหาร', 'นายกเทศมนตรี'],
    mustBeCurrentYear: false,
  },
  {
    code: 'o4',
    nameTh: 'ข้อมูลการติดต่อ',
    subIndicator: '9.1 ข้อมูลพื้นฐาน',
    keywords: ['ติดต่อเรา', 'ช่องทางการติดต่อ', 'ติดต่อหน่วยงาน'],
    mustBeCurrentYear: false,
  },
  {
    code: 'o6',
    nameTh: 'ข่าวประชาสัมพันธ์',
    subIndicator: '9.1 ข้อมูลพื้นฐาน',
    keywords: ['ข่าวสาร', 'ประชาสัมพันธ์'],
    mustBeCurrentYear: true,
  },
  {
    code: 'o9',
    nameTh: 'แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี',
    subIndicator: '9.2 การบริหารงาน',
    keywords: ['แผนการดำเนินงาน', 'แผนดำเนินงาน', 'แผนการใช้จ่ายงบประมาณ'],
    mustBeCurrentYear: true,
  },
  {
    code: 'o11',
    nameTh: 'รายงานผลการดำเนินงานประจำปี',
    subIndicator: '9.2 การบริหารงาน',
    keywords: ['รายงานผลการดำเนินงาน', 'ผลการดำเนินงานประจำปี'],
    mustBeCurrentYear: true,
  },
  {
    code: 'o12',
    nameTh: 'คู่มือหรือมาตรฐานการปฏิบัติงาน',
    subIndicator: '9.2 การบริหารงาน',
    keywords: ['คู่มือการปฏิบัติงาน', 'มาตรฐานการปฏิบัติงาน', 'คู่มือปฏิบัติงาน'],
    mustBeCurrentYear: false,
  },
  {
    code: 'o16',
    nameTh: 'E-Service',
    subIndicator: '9.2 การบริหารงาน',
    keywords: ['บริการออนไลน์', 'e-service', 'บริการอิเล็กทรอนิกส์'],
    mustBeCurrentYear: false,
  },
  {
    code: 'o17',
    nameTh: 'แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ',
    subIndicator: '9.3 การจัดซื้อจัดจ้าง',
    keywords: ['แผนการจัดซื้อจัดจ้าง', 'แผนจัดซื้อจัดจ้าง', 'แผนการจัดหาพัสดุ'],
    mustBeCurrentYear: true,
  },
  {
    code: 'o36',
    nameTh: 'การประเมินความเสี่ยงการทุจริตประจำปี',
    subIndicator: '10.1 การดำเนินการเพื่อป้องกันการทุจริต',
    keywords: ['ประเมินความเสี่ยงการทุจริต', 'ความเสี่ยงการทุจริต'],
    mustBeCurrentYear: true,
  },
]);
