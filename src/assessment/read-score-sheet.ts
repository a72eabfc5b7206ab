import { Readable } from 'node:stream';
import { parse as parseCsvStream } from 'csv-parse';
import ExcelJS from 'exceljs';

// Reading a score file's rows, bounded: the first half of parse-score-file.ts, split from it
// because this half knows file formats and hostile input and nothing of ITA, and the other
// half knows ITA codes and nothing of formats. A score file comes from a staff upload, so
// every cap is checked while streaming: an XLSX is a zip, whose rows may be far more than its
// size suggests.

/** Data rows read at most: a question-level file has about 140; anything longer is not one. */
export const MAX_SCORE_FILE_ROWS = 1000;
/** Columns read at most per row. */
export const MAX_SCORE_FILE_COLUMNS = 20;
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

/** A ScoreFileError, in the order its fields are read: where, what, then the two messages. */
export const fail = (
  row: number | null,
  column: string | null,
  code: ScoreFileErrorCode,
  messageTh: string,
  messageEn: string,
): ScoreFileError => ({ row, column, code, messageTh, messageEn });

/** The rows of a file's first non-empty sheet (CSV: the file), with their spreadsheet numbers. */
export interface Sheet {
  format: 'csv' | 'xlsx';
  rows: { row: number; cells: string[] }[];
}

/** An XLSX file is a zip archive: it starts with the local file header signature PK\x03\x04. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * A cell as the text its user sees: a formula by its last computed result, rich text joined,
 * a hyperlink by its text. Numbers keep JavaScript's shortest form (99.5, not "99.50").
 */
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

/**
 * The rows of a CSV or XLSX file, or the one reason it cannot be read (too many rows or
 * columns, not UTF-8, not CSV or XLSX, a broken zip). Empty rows are skipped and cells trimmed.
 */
export async function readSheet(bytes: Uint8Array): Promise<Sheet | ScoreFileError> {
  // Detect by content: agencies rename files, and an .xlsx saved as .csv is common.
  if (isZip(bytes)) return readXlsx(bytes);
  if (bytes.includes(0)) {
    return fail(null, null, 'UNKNOWN_FORMAT', 'ไฟล์ต้องเป็น CSV หรือ XLSX', 'file must be CSV or XLSX');
  }
  return readCsv(bytes);
}
