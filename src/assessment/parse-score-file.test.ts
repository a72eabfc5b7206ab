import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { getFramework } from './frameworks/load-frameworks.js';
import { scoreFramework } from './score-framework.js';
import {
  parseScoreFile,
  type ParsedScoreFile,
  type ScoreFileErrorCode,
} from './parse-score-file.js';

const framework = getFramework(2566);
const SEED = [
  '100.00',
  '100.00',
  '100.00',
  '99.02',
  '99.51',
  '98.41',
  '98.75',
  '98.72',
  '100.00',
  '100.00',
];
const seedRows = (): string[][] => SEED.map((s, i) => [String(i + 1), s]);
const dir = mkdtempSync(join(tmpdir(), 'score-file-'));

const csvOf = (rows: string[][]) =>
  new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n') + '\n');

async function xlsxOf(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('คะแนน');
  // Numbers go in as numeric cells, the way Excel users type them.
  for (const row of rows) sheet.addRow(row.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const formats = { csv: async (rows: string[][]) => csvOf(rows), xlsx: xlsxOf };

function errorsOf(parsed: ParsedScoreFile) {
  assert.equal(parsed.ok, false, 'expected the file to be refused');
  return parsed.ok ? [] : parsed.errors;
}

for (const [format, encode] of Object.entries(formats)) {
  const parse = async (rows: string[][]) =>
    parseScoreFile({ bytes: await encode(rows) }, { framework });
  const expectError = async (
    rows: string[][],
    expected: { row: number | null; column: string | null; code: ScoreFileErrorCode },
  ) => {
    const errors = errorsOf(await parse(rows));
    const match = errors.find((e) => e.code === expected.code);
    assert.ok(match, `no ${expected.code} in ${JSON.stringify(errors)}`);
    assert.equal(match.row, expected.row);
    assert.equal(match.column, expected.column);
    assert.ok(match.messageTh.length > 0 && match.messageEn.length > 0);
  };

  void describe(`parseScoreFile (${format})`, () => {
    void it('reads the seed indicator file', async () => {
      const parsed = await parse([['indicator', 'score'], ...seedRows()]);
      assert.ok(parsed.ok);
      assert.equal(parsed.format, format);
      assert.equal(parsed.kind, 'indicators');
      assert.equal(parsed.input.indicatorScores?.['4'], 99.02);
    });

    void it('accepts Thai headers and Thai digits (๙๙.๐๒)', async () => {
      const rows = seedRows().map(([no, s]) => [no!, s!.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[+d]!)]);
      const parsed = await parse([['ตัวชี้วัด', 'คะแนน'], ...rows]);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(parsed.input.indicatorScores?.['4'], 99.02);
    });

    void it('refuses an unknown question code with its row and column', async () => {
      const rows = [
        ['question', 'score'],
        ['i1', '100'],
        ['x9', '50'],
      ];
      await expectError(rows, { row: 3, column: 'question', code: 'UNKNOWN_CODE' });
    });

    void it('refuses a score above 100', async () => {
      const rows = [['indicator', 'score'], ...seedRows()];
      rows[2] = ['2', '100.5'];
      await expectError(rows, { row: 3, column: 'score', code: 'OUT_OF_RANGE' });
    });

    void it('refuses text in the score column', async () => {
      const rows = [['indicator', 'score'], ...seedRows()];
      rows[5] = ['5', 'เก้าสิบ'];
      await expectError(rows, { row: 6, column: 'score', code: 'NOT_A_NUMBER' });
    });

    void it('refuses a duplicate indicator and names the first row', async () => {
      const rows = [['indicator', 'score'], ...seedRows(), ['4', '90']];
      await expectError(rows, { row: 12, column: 'indicator', code: 'DUPLICATE' });
    });

    void it('refuses a wrong year in the year column (CE instead of BE)', async () => {
      const rows = [['year', 'indicator', 'score'], ...seedRows().map((r) => ['2566', ...r])];
      rows[1] = ['2023', '1', '100'];
      await expectError(rows, { row: 2, column: 'year', code: 'WRONG_YEAR' });
    });

    void it('refuses missing indicators', async () => {
      const rows = [['indicator', 'score'], ...seedRows().slice(0, 8)];
      const errors = errorsOf(await parse(rows));
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.code, 'MISSING');
      assert.match(errors[0]!.messageEn, /9, 10/);
    });

    void it('refuses a header-only file and an unknown column', async () => {
      await expectError([['indicator', 'score']], { row: null, column: null, code: 'NO_ROWS' });
      await expectError(
        [
          ['indicator', 'points'],
          ['1', '2'],
        ],
        {
          row: 1,
          column: 'points',
          code: 'BAD_HEADER',
        },
      );
    });

    void it('collects every error of the file, not only the first', async () => {
      const rows = [
        ['indicator', 'score'],
        ['1', 'abc'],
        ['1', '100'],
        ['11', '101'],
      ];
      const codes = errorsOf(await parse(rows)).map((e) => `${e.row}:${e.code}`);
      assert.deepEqual(codes.sort(), [
        '2:NOT_A_NUMBER',
        '3:DUPLICATE',
        '4:OUT_OF_RANGE',
        '4:UNKNOWN_CODE',
        'null:MISSING',
      ]);
    });
  });
}

void describe('parseScoreFile (whole-file checks)', () => {
  void it('refuses an empty file', async () => {
    const errors = errorsOf(await parseScoreFile({ bytes: new Uint8Array() }, { framework }));
    assert.equal(errors[0]!.code, 'EMPTY');
  });

  void it('refuses a decimal comma as ambiguous', async () => {
    const bytes = new TextEncoder().encode(`indicator,score\n1,"99,50"\n`);
    const errors = errorsOf(await parseScoreFile({ bytes }, { framework }));
    assert.ok(errors.some((e) => e.code === 'COMMA_DECIMAL' && e.row === 2));
  });

  void it('refuses a 50 MB file from its size alone, quickly', async () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024); // sparse: nothing to read
    const started = performance.now();
    const errors = errorsOf(await parseScoreFile({ path }, { framework }));
    const elapsed = performance.now() - started;
    assert.equal(errors[0]!.code, 'TOO_LARGE');
    assert.ok(elapsed < 100, `took ${elapsed.toFixed(1)} ms`);
  });

  void it('detects XLSX by content even when named .csv', async () => {
    const path = join(dir, 'really-xlsx.csv');
    writeFileSync(path, await xlsxOf([['indicator', 'score'], ...seedRows()]));
    const parsed = await parseScoreFile({ path }, { framework });
    assert.ok(parsed.ok);
    assert.equal(parsed.format, 'xlsx');
  });

  void it('refuses non-UTF-8 text (TIS-620 Thai) and binary files', async () => {
    const tis620 = Uint8Array.from([0xb5, 0xd1, 0xc7, 0x2c, 0x31, 0x0a]); // "ตัว,1"
    assert.equal(
      errorsOf(await parseScoreFile({ bytes: tis620 }, { framework }))[0]!.code,
      'NOT_UTF8',
    );
    const binary = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]);
    assert.equal(
      errorsOf(await parseScoreFile({ bytes: binary }, { framework }))[0]!.code,
      'UNKNOWN_FORMAT',
    );
  });

  void it('reads a question-level file with OIT items as pass/fail', async () => {
    const path = join(import.meta.dirname, 'fixtures', 'phothong-2566-questions-example.csv');
    const parsed = await parseScoreFile({ path }, { framework });
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.equal(parsed.kind, 'questions');
    assert.equal(parsed.input.questionScores?.['e7'], 93.75);
    assert.equal(parsed.input.oitItems?.['o43'], true);
  });

  void it('scores an item-level import by sub-indicator: one failed 10.2 item → indicator 10 = 75', async () => {
    const path = join(import.meta.dirname, 'fixtures', 'phothong-2566-questions-example.csv');
    const rows = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (line.startsWith('o43,') ? 'o43,0' : line));
    const parsed = await parseScoreFile(
      { bytes: new TextEncoder().encode(rows.join('\n')) },
      { framework },
    );
    assert.ok(parsed.ok, JSON.stringify(parsed));
    const result = scoreFramework(framework, parsed.input);
    // 10.1 all passed (100) and 10.2 half (50): (100 + 50)/2, not 9/10 of the items = 90.
    assert.equal(result.indicators.find((i) => i.no === 10)!.score, 75);
  });
});
