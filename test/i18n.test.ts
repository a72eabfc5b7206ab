import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { allKeys, hasKey } from '../src/core/i18n/i18n.js';
import { testConfig } from './helpers/test-context.js';

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/** Literal keys passed to t() or given as a label (label: 'x.y', label="x.y"). */
function usedKeys(): { key: string; file: string }[] {
  const pattern = /\bt\(\s*'([\w.]+)'|\blabel(?::\s*|=)['"]([a-z][\w]*\.[\w.]+)['"]/g;
  const out: { key: string; file: string }[] = [];
  for (const file of sourceFiles(path.resolve('src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) {
      out.push({ key: (m[1] ?? m[2])!, file: path.relative('.', file) });
    }
  }
  return out;
}

describe('translations', () => {
  // Building the app registers every module's catalog, as at run time.
  buildApp({} as never, testConfig());

  it('has every key used in src in the Thai catalog', () => {
    const used = usedKeys();
    assert.ok(used.length > 30, `keys found: ${used.length}`);
    const missing = used.filter((u) => !hasKey(u.key)).map((u) => `${u.file}: ${u.key}`);
    assert.deepEqual([...new Set(missing)], []);
  });

  it('has the same keys in English as in Thai', () => {
    const th = allKeys('th').sort();
    const en = allKeys('en').sort();
    assert.deepEqual(
      th.filter((k) => !en.includes(k)),
      [],
      'missing in English',
    );
    assert.deepEqual(
      en.filter((k) => !th.includes(k)),
      [],
      'only in English',
    );
  });
});
