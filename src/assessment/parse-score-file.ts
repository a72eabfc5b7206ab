import { readFile, stat } from 'node:fs/promises';
import { toBuddhistYear } from '../core/i18n/thai-format.js';
import type { ItaFramework } from './frameworks/framework-schema.js';
import type { ScoreInput } from './score-framework.js';
import { fail, readSheet, type ScoreFileError } from './read-score-sheet.js';

// The parse result carries these: callers read them from here, beside ParsedScoreFile.
export type { ScoreFileError, ScoreFileErrorCode } from './read-score-sheet.js';

/**
 * Larger files are refused before reading. A real score file is a few KB (10 indicators, or
 * about 140 question and OIT rows); 2 MB leaves room for a formatted XLSX and nothing more.
 */
export const MAX_SCORE_FILE_BYTES = 2 * 1024 * 1024;
/** Errors listed at most: the rest are summarised in one line, so a page stays small. */
export const MAX_LISTED_ERRORS = 50;

export type ParsedScoreFile =
  | { ok: true; format: 'csv' | 'xlsx'; kind: 'indicators' | 'questions'; input: ScoreInput }
  | { ok: false; errors: ScoreFileError[] };

export type ScoreFileSource = { path: string } | { bytes: Uint8Array };

type Column = 'indicator' | 'question' | 'score' | 'year' | 'name';

// Thai headers as agencies type them; `name` columns (e.g. the seed's รายละเอียดตัวชี้วัด) are ignored.
const HEADER_ALIASES: Record<string, Column> = {
  indicator: 'indicator',
  ตัวชี้วัด: 'indicator',
  ตัวชี้วัดที่: 'indicator',
  question: 'question',
  ข้อคำถาม: 'question',
  score: 'score',
  คะแนน: 'score',
  year: 'year',
  ปี: 'year',
  ปีงบประมาณ: 'year',
  name: 'name',
  ชื่อ: 'name',
  รายละเอียด: 'name',
  รายละเอียดตัวชี้วัด: 'name',
};

const THAI_DIGITS = /[๐-๙]/g;
/** ๙๙.๕๐ → 99.50: Thai digits are common in LAO documents, so they are accepted everywhere. */
function westernDigits(text: string): string {
  return text.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** The first MAX_LISTED_ERRORS errors and one line counting the rest. */
function listed(errors: ScoreFileError[]): ScoreFileError[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  const rest = errors.length - MAX_LISTED_ERRORS;
  return [
    ...errors.slice(0, MAX_LISTED_ERRORS),
    fail(
      null,
      null,
      'MORE_ERRORS',
      `และปัญหาอื่นอีก ${rest} รายการ แก้รายการข้างต้นแล้วตรวจอีกครั้ง`,
      `and ${rest} more problems; fix the ones above and check again`,
    ),
  ];
}

type NumberCell = { value: number } | { error: ScoreFileError };

function readScore(text: string, row: number, column: string): NumberCell {
  const value = westernDigits(text).trim();
  if (/^\d+,\d+$/.test(value)) {
    // A comma is a thousands separator in Thai usage; "99,50" is ambiguous, so it is refused.
    return {
      error: fail(
        row,
        column,
        'COMMA_DECIMAL',
        `"${text}" ใช้จุลภาค ให้ใช้จุดทศนิยม เช่น 99.50`,
        `"${text}": use a decimal point, e.g. 99.50`,
      ),
    };
  }
  if (!/^\d+(\.\d+)?$/.test(value)) {
    return {
      error: fail(row, column, 'NOT_A_NUMBER', `"${text}" ไม่ใช่ตัวเลข`, `"${text}" is not a number`),
    };
  }
  const score = Number(value);
  if (score > 100) {
    return {
      error: fail(
        row,
        column,
        'OUT_OF_RANGE',
        `คะแนน ${text} ต้องอยู่ระหว่าง 0–100`,
        `score ${text} must be 0–100`,
      ),
    };
  }
  return { value: score };
}

/**
 * Reads an `indicator,score` or `question,score` file (CSV or XLSX, Thai headers
 * ตัวชี้วัด/ข้อคำถาม/คะแนน accepted, optional `year`) into a scorer input. The whole file is
 * refused on any bad row and every error is returned, so a user fixes the file in one pass.
 * Thai digits are accepted; a decimal comma is refused (see readScore).
 *
 * @example const parsed = await parseScoreFile({ path: 'scores.csv' }, { framework: getFramework(2566) });
 */
export async function parseScoreFile(
  source: ScoreFileSource,
  options: { framework: ItaFramework; maxBytes?: number },
): Promise<ParsedScoreFile> {
  const { framework } = options;
  const maxBytes = options.maxBytes ?? MAX_SCORE_FILE_BYTES;
  const tooLarge = (size: number) => ({
    ok: false as const,
    errors: [
      fail(
        null,
        null,
        'TOO_LARGE',
        `ไฟล์ใหญ่เกิน ${maxBytes / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB)`,
        `file exceeds ${maxBytes / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB)`,
      ),
    ],
  });
  // The size is checked before a byte is read: the CLI passes a path, the web a buffer that
  // the route's upload limit (module.ts uploadLimits) already bounded.
  let bytes: Uint8Array;
  if ('path' in source) {
    const { size } = await stat(source.path);
    if (size > maxBytes) return tooLarge(size);
    bytes = await readFile(source.path);
  } else {
    bytes = source.bytes;
    if (bytes.byteLength > maxBytes) return tooLarge(bytes.byteLength);
  }
  if (bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    return { ok: false, errors: [fail(null, null, 'EMPTY', 'ไฟล์ว่าง', 'the file is empty')] };
  }

  const sheet = await readSheet(bytes);
  if ('code' in sheet) return { ok: false, errors: [sheet] };
  const [header, ...body] = sheet.rows;
  if (!header)
    return { ok: false, errors: [fail(null, null, 'EMPTY', 'ไฟล์ว่าง', 'the file is empty')] };

  // The header decides the file's kind and where each column is; a header problem stops here,
  // since every row's message would otherwise repeat it.
  const errors: ScoreFileError[] = [];
  const columns: (Column | null)[] = header.cells.map((raw) => {
    const name = raw
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    const column = HEADER_ALIASES[name];
    if (!column && name !== '') {
      errors.push(
        fail(header.row, raw, 'BAD_HEADER', `ไม่รู้จักคอลัมน์ "${raw}"`, `unknown column "${raw}"`),
      );
    }
    return column ?? null;
  });
  const at = (column: Column) => columns.indexOf(column);
  const hasIndicator = at('indicator') >= 0;
  const hasQuestion = at('question') >= 0;
  const headerError = (th: string, en: string) =>
    errors.push(fail(header.row, null, 'BAD_HEADER', th, en));
  if (hasIndicator === hasQuestion) {
    headerError(
      'หัวตารางต้องมีคอลัมน์ indicator (ตัวชี้วัด) หรือ question (ข้อคำถาม) อย่างใดอย่างหนึ่ง',
      'the header needs exactly one of indicator (ตัวชี้วัด) or question (ข้อคำถาม)',
    );
  }
  if (at('score') < 0)
    headerError('หัวตารางต้องมีคอลัมน์ score (คะแนน)', 'the header needs a score (คะแนน) column');
  for (const column of ['indicator', 'question', 'score', 'year'] as const) {
    if (columns.filter((c) => c === column).length > 1) {
      headerError(`คอลัมน์ ${column} ซ้ำ`, `column ${column} appears twice`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (body.length === 0) {
    return { ok: false, errors: [fail(null, null, 'NO_ROWS', 'ไม่มีแถวข้อมูล', 'no data rows')] };
  }

  // Two kinds of file: the indicator scores (as the seed report lists its ten), or
  // question-level scores with OIT items, for an agency that has them.
  const kind = hasIndicator ? 'indicators' : 'questions';
  const keyColumn = hasIndicator ? 'indicator' : 'question';
  const keyName = header.cells[at(keyColumn)]!;
  const scoreName = header.cells[at('score')]!;
  const yearName = at('year') >= 0 ? header.cells[at('year')]! : 'year';
  const indicatorNos = new Set(framework.indicators.map((i) => i.no));
  const surveyCodes = new Set(
    [...framework.iitQuestions, ...framework.eitQuestions].map((q) => q.code),
  );
  const oitCodes = new Set(framework.oitItems.map((i) => i.code));
  const seen = new Map<string, number>();
  const scores = new Map<string, number>();

  for (const { row, cells } of body) {
    const cell = (column: Column) => (at(column) >= 0 ? (cells[at(column)] ?? '').trim() : '');
    if (at('year') >= 0) {
      const yearText = cell('year');
      const year = Number(westernDigits(yearText));
      if (year !== framework.fiscalYear) {
        // A CE year typed by mistake: say which พ.ศ. year it would be.
        const hint = year > 1900 && year < 2200 ? ` (ใช้ปี พ.ศ. เช่น ${toBuddhistYear(year)})` : '';
        errors.push(
          fail(
            row,
            yearName,
            'WRONG_YEAR',
            `ปี "${yearText}" ไม่ใช่ปีงบประมาณ ${framework.fiscalYear}${hint}`,
            `year "${yearText}" is not fiscal year ${framework.fiscalYear} (Buddhist era)`,
          ),
        );
      }
    }
    // Codes are checked against this year's framework: the NACC renumbers items and questions
    // from year to year (ita-framework-corrections.md §4), so an "o25" from last year's list
    // is refused when this year has no o25, and otherwise read as this year's item.
    const rawKey = cell(keyColumn);
    let key: string | null = null;
    if (kind === 'indicators') {
      const text = westernDigits(rawKey);
      if (/^\d+$/.test(text) && indicatorNos.has(Number(text))) key = String(Number(text));
      else if (/^\d+$/.test(text)) {
        errors.push(
          fail(row, keyName, 'UNKNOWN_CODE', `ไม่มีตัวชี้วัดที่ ${rawKey}`, `no indicator ${rawKey}`),
        );
      } else {
        errors.push(
          fail(
            row,
            keyName,
            'NOT_A_NUMBER',
            `"${rawKey}" ไม่ใช่เลขตัวชี้วัด`,
            `"${rawKey}" is not an indicator number`,
          ),
        );
      }
    } else {
      const code = westernDigits(rawKey).toLowerCase().replace(/\s+/g, '');
      if (surveyCodes.has(code) || oitCodes.has(code)) key = code;
      else {
        errors.push(
          fail(
            row,
            keyName,
            'UNKNOWN_CODE',
            `ไม่มีข้อคำถาม "${rawKey}" ในเกณฑ์ปี ${framework.fiscalYear}`,
            `unknown question code "${rawKey}" for ${framework.fiscalYear}`,
          ),
        );
      }
    }
    // An OIT item is passed or failed, 100 or 0 (rule `oit-item-binary`: "100 คะแนน:
    // เปิดเผยข้อมูลครบถ้วน … / 0 คะแนน", ita-framework.md §4), so any other value is a typing error.
    const score = readScore(cell('score'), row, scoreName);
    if ('error' in score) errors.push(score.error);
    else if (key && oitCodes.has(key) && score.value !== 0 && score.value !== 100) {
      errors.push(
        fail(
          row,
          scoreName,
          'OUT_OF_RANGE',
          `ข้อ OIT ${key} ได้ 100 หรือ 0 เท่านั้น`,
          `OIT item ${key} scores 100 or 0 only`,
        ),
      );
    }
    if (key === null) continue;
    // A repeated code is refused rather than "last one wins": two scores for one indicator
    // mean the file is not the one the officer thinks it is.
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      errors.push(
        fail(
          row,
          keyName,
          'DUPLICATE',
          `"${rawKey}" ซ้ำกับแถวที่ ${firstRow}`,
          `"${rawKey}" repeats row ${firstRow}`,
        ),
      );
      continue;
    }
    seen.set(key, row);
    if ('value' in score) scores.set(key, score.value);
  }

  // A partial file is refused: the scorer would otherwise refuse it later with less context,
  // and a total from nine indicators is not an ITA score.
  if (kind === 'indicators') {
    const missing = framework.indicators.filter((i) => !seen.has(String(i.no))).map((i) => i.no);
    if (missing.length > 0) {
      errors.push(
        fail(
          null,
          keyName,
          'MISSING',
          `ขาดตัวชี้วัดที่ ${missing.join(', ')}`,
          `missing indicators ${missing.join(', ')}`,
        ),
      );
    }
  } else {
    const expected = [...surveyCodes, ...oitCodes];
    const missing = expected.filter((code) => !seen.has(code));
    if (missing.length > 0) {
      errors.push(
        fail(
          null,
          keyName,
          'MISSING',
          `ขาดข้อ ${missing.join(', ')}`,
          `missing ${missing.join(', ')}`,
        ),
      );
    }
  }
  if (errors.length > 0) return { ok: false, errors: listed(errors) };

  // Question-level files carry survey questions and OIT items in one list; the scorer takes
  // them apart (questionScores, oitItems as passed or not).
  const entries = [...scores];
  const input: ScoreInput =
    kind === 'indicators'
      ? { fiscalYear: framework.fiscalYear, indicatorScores: Object.fromEntries(entries) }
      : {
          fiscalYear: framework.fiscalYear,
          questionScores: Object.fromEntries(entries.filter(([code]) => surveyCodes.has(code))),
          oitItems: Object.fromEntries(
            entries.filter(([code]) => oitCodes.has(code)).map(([code, s]) => [code, s === 100]),
          ),
        };
  return { ok: true, format: sheet.format, kind, input };
}
