import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * "The year is data" (STYLE.md §5): the current fiscal year comes from the clock and the years
 * that exist come from data files, so no product source names a fiscal year. A year written in
 * code is how the staff assessment page kept opening on one agency's 2566 long after it mattered.
 *
 * Data files (JSON), fixtures, seeds, the shipped library and tests may name years; comments may
 * too (examples in documentation). Everything else under src/ is checked.
 */
const SRC = path.resolve('src');

/** Folders and files that are data, seeds or fixtures by their role. */
const DATA_PATH = /(^|\/)(fixtures|library|migrations)\/|(^|\/)seed(-demo)?\.ts$|\.test\.tsx?$/;

/**
 * The exceptions, each a fixed text in one file with the reason it is not a year of business.
 * Keep this list short: a new entry needs a reason a reviewer accepts.
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: 'core/documents/sample-document.ts',
    text: '',
    why: 'the seed report reproduced as a sample for the document tests (a fixture by role)',
  },
  {
    file: 'assessment/frameworks/framework-shape.ts',
    text: "'rating-2566'",
    why: 'the name of a level scheme that framework files refer to, not a year the code acts on',
  },
];

// 2550–2599 in Arabic or Thai digits, not inside a longer number or an identifier.
const YEAR = /(?<![\w.๐-๙])(?:25[5-9][0-9]|๒๕[๕-๙][๐-๙])(?![\w๐-๙])/gu;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** The code of a file without its comments, line numbers kept (URLs' `//` are not comments). */
function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;,{}()])\/\/.*$/gm, '$1');
}

/** Every fiscal-year literal in the product source, as `file:line: text`. */
function findYearLiterals(): string[] {
  const found: string[] = [];
  for (const full of sourceFiles(SRC)) {
    const file = path.relative(SRC, full).split(path.sep).join('/');
    if (DATA_PATH.test(file)) continue;
    const allowed = ALLOWED.filter((a) => a.file === file);
    if (allowed.some((a) => a.text === '')) continue;
    const lines = stripComments(readFileSync(full, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      const bare = allowed.reduce((l, a) => l.split(a.text).join(''), line);
      if (YEAR.test(bare)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      YEAR.lastIndex = 0;
    });
  }
  return found;
}

void describe('no fiscal year in product source', () => {
  void it('finds a year where one is written (the check is not blind)', () => {
    const sample = stripComments(
      [
        'const a = 2566; // 2567 in a comment',
        '/** 2568 */ const b = "๒๕๖๙";',
        "const url = 'https://x.go.th/2570/'; const id = SAMPLE_2566; const n = 12566;",
      ].join('\n'),
    );
    const hits = sample.match(YEAR) ?? [];
    assert.deepEqual(hits, ['2566', '๒๕๖๙', '2570']);
  });

  void it('finds none in src outside data, fixtures, seeds and tests', () => {
    assert.deepEqual(
      findYearLiterals(),
      [],
      'a fiscal year in code: use currentFiscalYear(now) / openingFiscalYear() from core/i18n/thai-format.ts, or data',
    );
  });
});
