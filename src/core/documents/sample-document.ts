/**
 * A sample document model shaped like the seed ITA analysis report (เทศบาลตำบลโพธิ์ทอง, FY 2566):
 * cover, foreword, results table, charts, per-area analysis, a 5-column measures table,
 * limitations. Tests render it; module authors can read it as a worked example.
 */
import { groupedBarChart, horizontalBarChart } from './charts.js';
import type { OfficialDocumentInput, SectionInput } from './document-model.js';
import { formatScore } from '../i18n/thai-format.js';

/** The seed report's indicator scores (NACC results, FY 2566). */
export const SAMPLE_INDICATORS: readonly { no: number; name: string; score: number }[] = [
  { no: 1, name: 'การปฏิบัติหน้าที่', score: 100 },
  { no: 2, name: 'การใช้งบประมาณ', score: 100 },
  { no: 3, name: 'การใช้อำนาจ', score: 100 },
  { no: 4, name: 'การใช้ทรัพย์สินของราชการ', score: 99.02 },
  { no: 5, name: 'การแก้ไขปัญหาการทุจริต', score: 99.51 },
  { no: 6, name: 'คุณภาพการดำเนินงาน', score: 98.41 },
  { no: 7, name: 'ประสิทธิภาพการสื่อสาร', score: 98.75 },
  { no: 8, name: 'การปรับปรุงการทำงาน', score: 98.72 },
  { no: 9, name: 'การเปิดเผยข้อมูล', score: 100 },
  { no: 10, name: 'การป้องกันการทุจริต', score: 100 },
];

/** Words whose marks stack (tone over lower/upper vowel, tall consonants) to check shaping. */
export const SHAPING_SAMPLES = ['ผู้บริหาร', 'ปู่', 'ญี่ปุ่น', 'ฝั่ง', 'ฟื้นฟู', 'กิ๊ก'] as const;

const FOREWORD =
  'การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency ' +
  'Assessment : ITA) มีเจตนาประเมินเพื่อมุ่งหวังให้หน่วยงานภาครัฐได้ยกระดับคุณธรรมและความโปร่งใสของ' +
  'หน่วยงานของตน และมุ่งหวังให้หน่วยงานภาครัฐได้มีการปรับปรุงพัฒนาตนเองในด้านคุณธรรมและความโปร่งใส' +
  'เพื่อให้เกิดธรรมาภิบาลในหน่วยงานภาครัฐ ส่งผลให้บรรลุเป้าหมายตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ' +
  'ประเด็นที่ 21 การต่อต้านการทุจริตและประพฤติมิชอบ (พ.ศ. 2561 – 2580)';

const MEASURE_ROW = [
  '1. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
  ['1. จัดทำมาตรการตรวจสอบการใช้ดุลพินิจ', '2. จัดทำและปรับปรุงคู่มือการปฏิบัติงาน'],
  [
    '1. ประกาศมาตรการตรวจสอบการใช้ดุลพินิจ เผยแพร่บนเว็บไซต์ http://www.phothong-roiet.go.th',
    '2. ผู้บริหารประกาศหลักเกณฑ์ให้เจ้าหน้าที่และบุคคลภายนอกรับทราบ',
  ],
  'สำนักปลัด',
  'รายงานความก้าวหน้าให้ผู้บริหารทราบ อย่างน้อยปีละ 1 ครั้ง',
];

/**
 * A sample ITA analysis report model. `pages` repeats the analysis part to reach a long report
 * (about 10 pages at 4) for timing and page-break tests.
 */
export function sampleItaReport(options: { thaiDigits?: boolean; repeat?: number } = {}) {
  const thaiDigits = options.thaiDigits ?? true;
  const analysis: SectionInput[] = [];
  for (let i = 0; i < (options.repeat ?? 1); i++) {
    analysis.push(
      { kind: 'heading', level: 2, text: `(${i + 1}) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ` },
      {
        kind: 'paragraph',
        text:
          'เมื่อพิจารณาจากผลคะแนนพบว่า มีผู้รับบริการบางรายเห็นว่าการปฏิบัติงานของเจ้าหน้าที่ ' +
          'ไม่เป็นไปตามขั้นตอนและระยะเวลาที่กำหนด ผู้บริหารจึงกำหนดให้ปรับปรุงคู่มือการปฏิบัติงาน ' +
          'ลดขั้นตอน และเผยแพร่ให้ประชาชนรับทราบผ่านช่องทางที่หลากหลาย ทั้งญี่ปุ่นและปู่ย่าตายาย',
      },
      {
        kind: 'list',
        items: [
          'ปรับปรุงคู่มือการปฏิบัติงานหรือมาตรฐานการให้บริการ โดยมุ่งเน้นการอำนวยความสะดวก',
          'ระบุขั้นตอนและระยะเวลาที่ใช้ในการให้บริการแต่ละขั้นตอนไว้ในคู่มือ',
          'จัดทำสื่อในรูปแบบอื่น เช่น แผ่นพับ อินโฟกราฟิก ป้ายประชาสัมพันธ์',
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: 'มาตรการ', width: 2 },
          { header: 'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', width: 3 },
          { header: 'ขั้นตอน/วิธีการปฏิบัติ', width: 3 },
          { header: 'ผู้รับผิดชอบ', width: 1.2, align: 'center' },
          { header: 'ระยะเวลา/การกำกับติดตาม', width: 1.8 },
        ],
        rows: Array.from({ length: 4 }, () => MEASURE_ROW),
      },
    );
  }
  const sections: SectionInput[] = [
    {
      kind: 'cover',
      titleLines: [
        'รายงานผลการประเมินคุณธรรมและความโปร่งใส',
        'ในการดำเนินการของหน่วยงานภาครัฐ',
        'ปีงบประมาณ พ.ศ. 2566',
      ],
      agencyLines: ['เทศบาลตำบลโพธิ์ทอง', 'ตำบลโพธิ์ทอง อำเภอศรีสมเด็จ จังหวัดร้อยเอ็ด'],
    },
    { kind: 'heading', level: 1, text: 'คำนำ' },
    { kind: 'paragraph', text: FOREWORD },
    { kind: 'paragraph', text: `คำทดสอบ: ${SHAPING_SAMPLES.join(' ')}` },
    { kind: 'paragraph', text: 'เทศบาลตำบลโพธิ์ทอง', align: 'right', indentFirstLine: false },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: 'สรุปผลการประเมินรายตัวชี้วัด' },
    {
      kind: 'table',
      caption: 'ตารางที่ 1 คะแนนรายตัวชี้วัด',
      columns: [
        { header: 'ตัวชี้วัดที่', width: 1, align: 'center' },
        { header: 'รายละเอียดตัวชี้วัด', width: 4 },
        { header: 'คะแนน', width: 1.2, align: 'right' },
      ],
      rows: SAMPLE_INDICATORS.map((i) => [String(i.no), i.name, formatScore(i.score)]),
    },
    {
      kind: 'image',
      alt: 'แผนภูมิแท่งคะแนนรายตัวชี้วัด 10 ตัวชี้วัด',
      caption: 'แผนภูมิที่ 1 คะแนนรายตัวชี้วัด',
      svg: horizontalBarChart({
        title: `คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. ${thaiDigits ? '๒๕๖๖' : '2566'}`,
        bars: SAMPLE_INDICATORS.map((i) => ({ label: i.name, value: i.score })),
        thaiDigits,
      }),
    },
    {
      kind: 'image',
      alt: 'แผนภูมิเปรียบเทียบคะแนนรายเครื่องมือ ปี 2565 และ 2566',
      widthCm: 14,
      svg: groupedBarChart({
        title: 'คะแนนรายเครื่องมือ เปรียบเทียบปี',
        categories: ['IIT', 'EIT', 'OIT'],
        series: [
          { name: thaiDigits ? 'พ.ศ. ๒๕๖๕' : 'พ.ศ. 2565', values: [92.5, 88.1, 95] },
          { name: thaiDigits ? 'พ.ศ. ๒๕๖๖' : 'พ.ศ. 2566', values: [99.7, 98.6, 100] },
        ],
        thaiDigits,
      }),
    },
    { kind: 'heading', level: 1, text: 'การวิเคราะห์ผลการประเมิน' },
    ...analysis,
    { kind: 'heading', level: 2, text: 'ข้อจำกัดของหน่วยงาน' },
    {
      kind: 'paragraph',
      text: 'เครื่องมือแบบวัดการเปิดเผยข้อมูลสาธารณะมีการเปลี่ยนแปลงหลักเกณฑ์ ติดต่อ saraband_05451607@dla.go.th',
    },
  ];
  return {
    title: 'รายงานผลการประเมินคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. 2566',
    thaiDigits,
    sections,
  } satisfies OfficialDocumentInput;
}
