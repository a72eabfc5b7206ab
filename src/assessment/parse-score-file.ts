import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse as parseCsvStream } from 'csv-parse';
import { toBuddhistYear } from '../core/i18n/thai-format.js';
import ExcelJS from 'exceljs';
import type { ItaFramework } from './frameworks/framework-schema.js';
import type { ScoreInput } from './score-framework.js';

/**
 * Larger files are refused before reading. A real score file is a few KB (10 indicators, or
 * about 140 question and OIT rows); 2 MB leaves room for a formatted XLSX and nothing more.
 */
export const MAX_SCORE_FILE_BYTES = 2 * 1024 * 1024;
/** Data rows read at most: a question-level file has about 140; anything longer is not one. */
export const MAX_SCORE_FILE_ROWS = 1000;
/** Columns read at most per row. */
export const MAX_SCORE_FILE_COLUMNS = 20;
/** Errors listed at most: the rest are summarised in one line, so a page stays small. */
export const MAX_LISTED_ERRORS = 50;
/** One CSV record's characters at most (csv-parse `max_record_size`). */
const MAX_RECORD_CHARS = 4096;

export type ScoreFileErrorCode =
  | 'TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'TOO_MANY_COLUMNS'
  | 'TOO_SLOW'
  | 'BUSY'
  | 'MORE_ERRORS'
  | 'EMPTY'
  | 'NO_ROWS'
  | 'UNKNOWN_FORMAT'
  | 'NOT_UTF8'
  | 'BAD_HEADER'
  | 'UNKNOWN_CODE'
  | 'NOT_A_NUMBER'
  | 'COMMA_DECIMAL'
  | 'OUT_OF_RANGE'
  | 'DUPLICATE'
  | 'WRONG_YEAR'
  | 'MISSING';

/** One reason a score file was refused. `row` is the spreadsheet row (header = 1); null = whole file. */
export interface ScoreFileError {
  row: number | null;
  column: string | null;
  code: ScoreFileErrorCode;
  messageTh: string;
  messageEn: string;
}

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

const fail = (
  row: number | null,
  column: string | null,
  code: ScoreFileErrorCode,
  messageTh: string,
  messageEn: string,
): ScoreFileError => ({ row, column, code, messageTh, messageEn });

interface Sheet {
  format: 'csv' | 'xlsx';
  rows: { row: number; cells: string[] }[];
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

const tooManyRows = () =>
  fail(
    null,
    null,
    'TOO_MANY_ROWS',
    `ไฟล์มีข้อมูลเกิน ${MAX_SCORE_FILE_ROWS} แถว ไฟล์คะแนนจริงมีไม่เกินราว 150 แถว โปรดตรวจว่าเลือกไฟล์ถูกต้อง`,
    `the file has more than ${MAX_SCORE_FILE_ROWS} rows; a real score file has about 150 at most`,
  );
const tooManyColumns = (row: number) =>
  fail(
    row,
    null,
    'TOO_MANY_COLUMNS',
    `แถวที่ ${row} มีเกิน ${MAX_SCORE_FILE_COLUMNS} คอลัมน์ ไฟล์คะแนนใช้เพียง 2–4 คอลัมน์`,
    `row ${row} has more than ${MAX_SCORE_FILE_COLUMNS} columns; a score file uses 2–4`,
  );

/**
 * Adds one non-empty row to the sheet, or returns why reading stops: the caps are checked row
 * by row while streaming, so a hostile file is refused after at most MAX_SCORE_FILE_ROWS rows
 * whatever its length.
 */
function pushRow(rows: Sheet['rows'], row: number, cells: string[]): ScoreFileError | null {
  if (!cells.some((c) => c !== '')) return null;
  if (cells.length > MAX_SCORE_FILE_COLUMNS) return tooManyColumns(row);
  // The header plus MAX_SCORE_FILE_ROWS data rows.
  if (rows.length > MAX_SCORE_FILE_ROWS) return tooManyRows();
  rows.push({ row, cells });
  return null;
}

/** Streams an XLSX's first non-empty sheet (exceljs reader), stopping at the caps. */
async function readXlsx(bytes: Uint8Array): Promise<Sheet | ScoreFileError> {
  const rows: Sheet['rows'] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (values.length > MAX_SCORE_FILE_COLUMNS) return tooManyColumns(row.number);
        const refused = pushRow(
          rows,
          row.number,
          Array.from(values, (v) => cellText(v).trim()),
        );
        if (refused) return refused;
      }
      if (rows.length > 0) break;
    }
  } catch {
    return fail(null, null, 'UNKNOWN_FORMAT', 'ไฟล์ XLSX เสียหรืออ่านไม่ได้', 'unreadable XLSX file');
  }
  return { format: 'xlsx', rows };
}

/** Streams a UTF-8 CSV through csv-parse 64 KB at a time, stopping at the caps. */
async function readCsv(bytes: Uint8Array): Promise<Sheet | ScoreFileError> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const notUtf8 = fail(
    null,
    null,
    'NOT_UTF8',
    'ไฟล์ CSV ต้องเข้ารหัส UTF-8 (ไฟล์นี้อาจเป็น TIS-620/Windows-874)',
    'CSV must be UTF-8 (this may be TIS-620/Windows-874)',
  );
  let text: string;
  try {
    // The whole file is at most MAX_SCORE_FILE_BYTES: decoding it at once is cheap and bounded.
    text = decoder.decode(bytes);
  } catch {
    return notUtf8;
  }
  const chunks = function* () {
    for (let at = 0; at < text.length; at += 64 * 1024) yield text.slice(at, at + 64 * 1024);
  };
  const parser = parseCsvStream({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    trim: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  Readable.from(chunks()).pipe(parser);
  const rows: Sheet['rows'] = [];
  let line = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      line += 1;
      const refused = pushRow(rows, line, cells);
      if (refused) {
        parser.destroy();
        return refused;
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(null, null, 'UNKNOWN_FORMAT', `อ่าน CSV ไม่ได้: ${message}`, `bad CSV: ${message}`);
  }
  return { format: 'csv', rows };
}

async function readSheet(bytes: Uint8Array): Promise<Sheet | ScoreFileError> {
  // Detect by content: agencies rename files, and an .xlsx saved as .csv is common.
  if (isZip(bytes)) return readXlsx(bytes);
  if (bytes.includes(0)) {
    return fail(null, null, 'UNKNOWN_FORMAT', 'ไฟล์ต้องเป็น CSV หรือ XLSX', 'file must be CSV or XLSX');
  }
  return readCsv(bytes);
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
