/**
 * The layout of a ประกาศ and a คำสั่ง as the ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. 2526
 * (แบบที่ 11 คำสั่ง, แบบที่ 12 ประกาศ, as amended) draws them, expressed in the one document model
 * so that the DOCX and the PDF come from the same data:
 *
 *   [ตรา 3 ซม.]
 *   ประกาศ<ชื่อส่วนราชการ>            คำสั่ง<ชื่อส่วนราชการ>
 *                                      ที่ <เลขที่>/<ปีพุทธศักราช>
 *   เรื่อง <ชื่อเรื่อง>
 *   ------------------
 *   <ข้อความ> ข้อ ๑ … ข้อ ๒ …
 *            ประกาศ ณ วันที่ … / สั่ง ณ วันที่ …
 *                    (ลงชื่อ)
 *                  (ชื่อเต็ม)
 *                  ตำแหน่ง
 *
 * Pure: the caller loads the document, the agency name, the emblem and what it replaces.
 */
import type { OfficialDocumentInput, SectionInput } from '../documents/document-model.js';
import { formatThaiDate, toThaiDigits } from '../i18n/thai-format.js';
import type { OfficialDigits, OfficialKind } from './schema.js';

/** What the layout needs of a register row. */
export interface NoticeContent {
  kind: OfficialKind;
  subject: string;
  preamble: string;
  clauses: string[];
  closing: string;
  digits: OfficialDigits;
  signerName: string;
  signerPosition: string;
  number: number | null;
  numberYear: number | null;
  /** ISO date (Bangkok calendar) printed in the date line; null while a draft. */
  issuedOn: string | null;
}

/** What a replacement names: the document it cancels. */
export interface ReplacedNotice {
  kind: OfficialKind;
  subject: string;
  number: number | null;
  numberYear: number | null;
  issuedOn: string | null;
}

const WORD: Record<OfficialKind, string> = { announcement: 'ประกาศ', order: 'คำสั่ง' };
// The date line verb differs by form: "ประกาศ ณ วันที่" (แบบประกาศ), "สั่ง ณ วันที่" (แบบคำสั่ง).
const DATE_VERB: Record<OfficialKind, string> = { announcement: 'ประกาศ', order: 'สั่ง' };
// A draft has no date or number yet: the forms leave dotted space for them.
const BLANK_DATE = '.......... เดือน .................... พ.ศ. ..........';
const BLANK_NUMBER = '..........';

/** "12 ธันวาคม พ.ศ. 2569" from an ISO date, read as a Bangkok calendar day. */
export function thaiLongDate(isoDate: string): string {
  return formatThaiDate(new Date(`${isoDate}T12:00:00+07:00`), { style: 'long' });
}

/** "ที่ 12/2569" or, before signing, "ที่ ........../2569". */
export function orderNumberText(number: number | null, year: number | null): string {
  return `ที่ ${number ?? BLANK_NUMBER}/${year ?? BLANK_NUMBER}`;
}

/** The sentence a replacement adds: which earlier document it cancels. */
function replacementText(agencyName: string, old: ReplacedNotice, kind: OfficialKind): string {
  const number = old.kind === 'order' ? ` ${orderNumberText(old.number, old.numberYear)}` : '';
  const date = old.issuedOn ? ` ลงวันที่ ${thaiLongDate(old.issuedOn)}` : '';
  return (
    `ให้ยกเลิก${WORD[old.kind]}${agencyName}${number} เรื่อง ${old.subject}${date} ` +
    `และให้ใช้${WORD[kind]}ฉบับนี้แทน`
  );
}

const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

/**
 * The document model of an announcement or an order.
 * @example officialNoticeModel(doc, { agencyName: 'เทศบาลตำบลโพธิ์ทอง', emblemPng })
 */
export function officialNoticeModel(
  doc: NoticeContent,
  options: {
    agencyName: string;
    emblemPng?: Uint8Array<ArrayBuffer> | null;
    replaces?: ReplacedNotice | null;
  },
): OfficialDocumentInput {
  const word = WORD[doc.kind];
  const sections: SectionInput[] = [];
  if (options.emblemPng) {
    sections.push({ kind: 'emblem', png: options.emblemPng, alt: `ตรา${options.agencyName}` });
  }
  const centred = (text: string, bold = true): SectionInput => ({
    kind: 'paragraph',
    text: [{ text, bold }],
    align: 'center',
    indentFirstLine: false,
  });
  sections.push(centred(`${word}${options.agencyName}`));
  if (doc.kind === 'order') sections.push(centred(orderNumberText(doc.number, doc.numberYear)));
  sections.push(centred(`เรื่อง ${doc.subject}`));
  sections.push(centred('-------------------------------------', false));
  for (const p of paragraphs(doc.preamble)) sections.push({ kind: 'paragraph', text: p });
  doc.clauses.forEach((clause, i) => {
    sections.push({ kind: 'paragraph', text: `ข้อ ${i + 1} ${clause.trim()}` });
  });
  if (options.replaces) {
    sections.push({
      kind: 'paragraph',
      text: replacementText(options.agencyName, options.replaces, doc.kind),
    });
  }
  for (const p of paragraphs(doc.closing)) sections.push({ kind: 'paragraph', text: p });
  const date = doc.issuedOn ? thaiLongDate(doc.issuedOn) : BLANK_DATE;
  sections.push({
    kind: 'signature',
    dateLine: `${DATE_VERB[doc.kind]} ณ วันที่ ${date}`,
    lines: [`(${doc.signerName})`, ...paragraphs(doc.signerPosition)],
  });
  const title =
    doc.kind === 'order'
      ? `${word}${options.agencyName} ${orderNumberText(doc.number, doc.numberYear)} เรื่อง ${doc.subject}`
      : `${word}${options.agencyName} เรื่อง ${doc.subject}`;
  return {
    title: doc.digits === 'thai' ? toThaiDigits(title) : title,
    thaiDigits: doc.digits === 'thai',
    pageNumbers: true,
    author: options.agencyName,
    sections,
  };
}
