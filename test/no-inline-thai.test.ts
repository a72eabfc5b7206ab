import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Thai is the source language, written once in each module's `i18n.ts` with its English beside
 * it (STYLE.md convention 10). A word written straight into a page has no English version and
 * no single place to correct it, so pages (`views/`) and route files (`routes.*.tsx`) hold no
 * Thai text; comments may (the Thai term at a definition), and so may i18n catalogs, seeds,
 * data, fixtures and tests, which are not checked.
 */
const SRC = path.resolve('src');

/**
 * Files left out of the check, relative to src/: none. A new module's pages are covered from
 * their first commit; a file may only be listed here with the issue that moves its words.
 */
const EXCLUDED_FILES: string[] = [];

/** Pages and route files: what a person reads on a screen is written there. */
const PAGE_FILE = /(^|\/)views\/.*\.tsx?$|(^|\/)routes\.[\w-]+\.tsx$|(^|\/)[\w-]+-routes\.tsx$/;

/** Thai letters and digits (U+0E00–U+0E7F). */
const THAI = /[\u0E00-\u0E7F]/u;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** The code of a file without its comments, line numbers kept (URLs' `//` are not comments). */
function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[\s;,{}()])\/\/.*$/gm, '$1');
}

/** Every line of Thai text in the covered pages and route files, as `file:line: text`. */
function findInlineThai(files: { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of files) {
    stripComments(text)
      .split('\n')
      .forEach((line, i) => {
        if (THAI.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

function coveredPageFiles(): { file: string; text: string }[] {
  return sourceFiles(SRC)
    .map((full) => path.relative(SRC, full).split(path.sep).join('/'))
    .filter((file) => PAGE_FILE.test(file) && !EXCLUDED_FILES.includes(file))
    .map((file) => ({ file, text: readFileSync(path.join(SRC, file), 'utf8') }));
}

void describe('no inline Thai in pages and routes', () => {
  void it('finds Thai where it is written, and not in comments (the check is not blind)', () => {
    const hits = findInlineThai([
      {
        file: 'x/views/page.tsx',
        text: [
          '/** ตัวชี้วัด: an indicator */',
          'const a = <h1>ผลคะแนน</h1>; // คะแนน',
          "const url = 'https://x.go.th/'; const b = t('x.title');",
          'const c = `หน้า ${n}`;',
        ].join('\n'),
      },
    ]);
    assert.deepEqual(hits, [
      'x/views/page.tsx:2: const a = <h1>ผลคะแนน</h1>;',
      'x/views/page.tsx:4: const c = `หน้า ${n}`;',
    ]);
  });

  void it('finds none in the views and route files of every module in src', () => {
    const files = coveredPageFiles();
    // The kernel's, assessment's and disclosure's pages are all read: a pattern that stopped
    // matching would otherwise pass on an empty list.
    assert.ok(files.length >= 60, `page files checked: ${files.length}`);
    for (const known of ['core/http/core-routes.tsx', 'disclosure/views/review-panel.tsx'])
      assert.ok(
        files.some((f) => f.file === known),
        `${known} is checked`,
      );
    assert.deepEqual(
      findInlineThai(files),
      [],
      "Thai text in a page: put it in the module's i18n.ts (th and en) and use t('module.key')",
    );
  });
});
