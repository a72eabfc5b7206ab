/**
 * Fonts for Thai official documents.
 *
 * Thai government style (หนังสือราชการ) is "TH Sarabun New 16 pt". That font is not freely
 * redistributable as a package here, so PDFs embed Google's Sarabun (OFL) from
 * `@expo-google-fonts/sarabun`, which ships complete TTFs (the `@fontsource` build splits Thai from
 * Latin into woff subsets and cannot be embedded in a PDF).
 *
 * Size: Google Sarabun is drawn much larger on its em square than TH Sarabun New. Digit advance
 * widths are 550/1000 em in Sarabun and 362/1000 em in TH Sarabun (its published metrics), and the
 * Thai consonant height of Sarabun ("ก", 0.59 em, measured in Chromium) is likewise about 1.5× that
 * of TH Sarabun. 16 pt × 362/550 ≈ 10.5 pt, so Sarabun at 10.5 pt sets the same glyph size and the
 * same number of characters per line as TH Sarabun New at 16 pt. Lines are spaced as Word spaces
 * TH Sarabun New 16 pt single-spaced (≈ 1.15 × 16 pt), so page breaks land about where the paper
 * original's would. Note Debian's Laksaman (fontconfig's stand-in for "TH Sarabun New") was
 * rescaled by TLWG to Sarabun's size (digits 544/1000 em), so it is not a size reference.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The font name DOCX files ask for: what Thai agencies have installed and expect to see. */
export const OFFICIAL_FONT_NAME = 'TH Sarabun New';
/** The embeddable family we ship and name in CSS. */
export const EMBEDDED_FONT_FAMILY = 'Sarabun';
/** Body size of a Thai official document, in TH Sarabun New points (ระเบียบงานสารบรรณ practice). */
export const OFFICIAL_BODY_PT = 16;
/** Sarabun points that look like TH Sarabun New at 1 pt (see the module comment): 362/550. */
export const SARABUN_SCALE = 362 / 550;
/** Baseline-to-baseline distance of TH Sarabun New 16 pt single-spaced, in pt. */
export const OFFICIAL_LINE_HEIGHT_PT = 18.4;

/**
 * Converts a TH Sarabun New point size to the Sarabun size that looks the same, rounded to 0.5 pt.
 * @example sarabunPtFor(16) // 10.5
 */
export function sarabunPtFor(officialPt: number): number {
  return Math.round(officialPt * SARABUN_SCALE * 2) / 2;
}

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FACE_FILES: Record<FontFace, string> = {
  regular: '400Regular/Sarabun_400Regular.ttf',
  bold: '700Bold/Sarabun_700Bold.ttf',
  italic: '400Regular_Italic/Sarabun_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Sarabun_700Bold_Italic.ttf',
};

const FACE_CSS: Record<FontFace, { weight: number; style: 'normal' | 'italic' }> = {
  regular: { weight: 400, style: 'normal' },
  bold: { weight: 700, style: 'normal' },
  italic: { weight: 400, style: 'italic' },
  boldItalic: { weight: 700, style: 'italic' },
};

// The package has no "exports" map, so its package.json resolves and marks the folder even when
// node_modules is hoisted or hard-linked elsewhere.
const packageDir = dirname(
  createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'),
);

/** Absolute paths of the four Sarabun TTFs we embed. */
export const SARABUN_FONT_PATHS: Readonly<Record<FontFace, string>> = Object.freeze({
  regular: join(packageDir, FACE_FILES.regular),
  bold: join(packageDir, FACE_FILES.bold),
  italic: join(packageDir, FACE_FILES.italic),
  boldItalic: join(packageDir, FACE_FILES.boldItalic),
});

const fontBytesCache = new Map<FontFace, Buffer>();

/** The TTF bytes of one Sarabun face, read once per process. */
export function sarabunFontBytes(face: FontFace): Buffer {
  let bytes = fontBytesCache.get(face);
  if (!bytes) {
    bytes = readFileSync(SARABUN_FONT_PATHS[face]);
    fontBytesCache.set(face, bytes);
  }
  return bytes;
}

let fontFaceCss: string | undefined;

/**
 * `@font-face` rules embedding the four Sarabun faces as base64 data URLs (~450 KB of CSS, built
 * once). Print HTML must embed: Chromium ignores fontconfig aliases such as
 * "TH Sarabun New" → Laksaman and would silently fall back to DejaVu + Loma.
 */
export function sarabunFontFaceCss(): string {
  fontFaceCss ??= (Object.keys(FACE_FILES) as FontFace[])
    .map((face) => {
      const { weight, style } = FACE_CSS[face];
      const base64 = sarabunFontBytes(face).toString('base64');
      return (
        `@font-face{font-family:'${EMBEDDED_FONT_FAMILY}';font-weight:${weight};` +
        `font-style:${style};font-display:block;src:url(data:font/ttf;base64,${base64}) format('truetype');}`
      );
    })
    .join('\n');
  return fontFaceCss;
}
