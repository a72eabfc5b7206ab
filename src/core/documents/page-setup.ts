/**
 * Page setup of a Thai official document, shared by the DOCX and PDF renderers.
 *
 * Margins: top 2.5 cm, bottom 2 cm, left 3 cm, right 2 cm on A4. Source/assumption: the
 * ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. 2526 (and its amendments) prescribes the forms
 * of official letters in its appendices but no numeric margins; these figures are the ones the
 * government's document-preparation guidance and agencies' templates use (the wider left margin
 * leaves room for binding and the ตราครุฑ layout). Change them here, in one place, if an agency
 * template differs.
 */

/** Page size in millimetres (A4). */
export const A4_MM = { width: 210, height: 297 } as const;

/** Page margins in centimetres. */
export const OFFICIAL_MARGINS_CM = { top: 2.5, bottom: 2, left: 3, right: 2 } as const;

/** ย่อหน้า: first-line indent of a body paragraph, in cm (2.5 cm in official letters). */
export const PARAGRAPH_INDENT_CM = 2.5;

/** Text width in cm: what a full-width table or chart may use. */
export const TEXT_WIDTH_CM =
  A4_MM.width / 10 - OFFICIAL_MARGINS_CM.left - OFFICIAL_MARGINS_CM.right;

/** Twentieths of a point per centimetre: DOCX measures page geometry in twips. */
export const TWIPS_PER_CM = 1440 / 2.54;

/** Centimetres to twips, rounded. */
export function cmToTwips(cm: number): number {
  return Math.round(cm * TWIPS_PER_CM);
}

/**
 * Where the close of a ประกาศ/คำสั่ง sits, from the left text edge in cm: the date line starts
 * near the centre and the signature block is centred on the right part, as in the forms of the
 * ระเบียบงานสารบรรณ (practice of agencies' templates: about 6 cm and 5 cm in).
 */
export const SIGNATURE_INDENT_CM = 5;
export const DATE_LINE_INDENT_CM = 6;
