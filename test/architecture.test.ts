import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openTestDatabase } from './helpers/test-context.js';
import type { Database } from '../src/core/db/client.js';

const SRC = path.resolve('src');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'migrations' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** Every relative import/export specifier in src, with the file it appears in. */
function relativeImports(): { file: string; target: string; specifier: string }[] {
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  const out: { file: string; target: string; specifier: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const specifier = (match[1] ?? match[2])!;
      out.push({ file, specifier, target: path.resolve(path.dirname(file), specifier) });
    }
  }
  return out;
}

/** A resolved import's file on disk: `./x.js` is `./x.ts` or `./x.tsx`, as TypeScript reads it. */
function sourceFileOf(target: string): string | null {
  const base = target.replace(/\.js$/, '');
  for (const candidate of [target, `${base}.ts`, `${base}.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Every import loop among the files of src, type-only imports included (lint's
 * import-x/no-cycle sees only the imports that run), each as `a.ts -> b.ts -> a.ts`.
 */
function importLoops(): string[] {
  const edges = new Map<string, Set<string>>();
  for (const { file, target } of relativeImports()) {
    const to = sourceFileOf(target);
    if (to && to !== file) edges.set(file, (edges.get(file) ?? new Set()).add(to));
  }
  const loops: string[] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string) => {
    const at = onPath.indexOf(file);
    if (at >= 0) {
      loops.push([...onPath.slice(at), file].map((f) => path.relative(SRC, f)).join(' -> '));
      return;
    }
    if (done.has(file)) return;
    onPath.push(file);
    for (const next of edges.get(file) ?? []) visit(next);
    onPath.pop();
    done.add(file);
  };
  for (const file of edges.keys()) visit(file);
  return loops;
}

/** The names a module's index.ts exports, and its statements that name none (`export *`). */
function indexExports(source: string): { names: string[]; unnamed: string[] } {
  const names: string[] = [];
  const unnamed: string[] = [];
  for (const match of source.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const item of match[1]!.split(',')) {
      const name = item
        .replace(/^\s*type\s+/, '')
        .trim()
        .split(/\s+as\s+/)
        .pop()!;
      if (name) names.push(name);
    }
  }
  for (const match of source.matchAll(
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+(\w+)/gm,
  )) {
    names.push(match[1]!);
  }
  for (const match of source.matchAll(/^export\s+\*.*$/gm)) unnamed.push(match[0]);
  return { names, unnamed };
}

/** The top-level folder under src a file belongs to ('core', 'assessment', …), or null. */
function moduleOf(file: string): string | null {
  const parts = path.relative(SRC, file).split(path.sep);
  // Outside src (test helpers imported by a test file) is no module.
  return parts.length > 1 && parts[0] !== '..' ? parts[0]! : null;
}

describe('architecture', () => {
  it('finds the imports it checks (the regex is not silently matching nothing)', () => {
    assert.ok(relativeImports().length > 50);
  });

  it('lets modules import other modules only through their index.ts', () => {
    const leaks = relativeImports()
      .filter(({ file, target }) => {
        const from = moduleOf(file);
        const to = moduleOf(target);
        return from && to && from !== to && to !== 'core' && from !== 'core';
      })
      .filter(
        ({ target }) =>
          path.relative(SRC, target).split(path.sep).length !== 2 ||
          !target.endsWith(`${path.sep}index.js`),
      )
      .map(({ file, specifier }) => `${path.relative(SRC, file)} imports ${specifier}`);
    assert.deepEqual(leaks, [], 'import another module through its index.ts only');
  });

  // Issue 13 §3: assessment's index exported 50 names, 33 used by no other module, and two
  // indexes were doors nobody used. An index is the list of what others depend on: a name
  // no other module imports (their tests count) is internal, and says so by not being there.
  it("exports from a module's index.ts only what other modules import, each with a comment", () => {
    const importedNames = new Map<string, Set<string>>();
    const named = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"](\.[^'"]*\/index\.js)['"]/g;
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(named)) {
        const to = moduleOf(path.resolve(path.dirname(file), match[2]!));
        if (!to || to === moduleOf(file)) continue;
        const names = importedNames.get(to) ?? new Set<string>();
        for (const item of match[1]!.split(',')) {
          const name = item
            .replace(/^\s*type\s+/, '')
            .trim()
            .split(/\s+as\s+/)[0]!;
          if (name) names.add(name);
        }
        importedNames.set(to, names);
      }
    }
    const problems: string[] = [];
    const indexes = readdirSync(SRC)
      .filter((name) => name !== 'core' && existsSync(path.join(SRC, name, 'index.ts')))
      .map((name) => ({ module: name, file: path.join(SRC, name, 'index.ts') }));
    assert.ok(indexes.length >= 2, `module indexes found: ${indexes.length}`);
    for (const { module, file } of indexes) {
      const source = readFileSync(file, 'utf8');
      const { names, unnamed } = indexExports(source);
      for (const statement of unnamed) problems.push(`${module}: name the exports: ${statement}`);
      const used = importedNames.get(module) ?? new Set();
      for (const name of names) {
        if (!used.has(name)) problems.push(`${module}/index.ts exports ${name}, unused elsewhere`);
      }
      const lines = source.split('\n');
      lines.forEach((line, i) => {
        const before = lines[i - 1]?.trim() ?? '';
        if (/^export\s/.test(line) && !before.endsWith('*/') && !before.startsWith('//')) {
          problems.push(`${module}/index.ts:${i + 1} has no comment saying what it is for`);
        }
      });
    }
    assert.deepEqual(problems, []);
  });

  it('lets only test files import from test/', () => {
    const leaks = relativeImports()
      .filter(
        ({ file, target }) =>
          path.relative(SRC, target).startsWith('..') && !/\.test\.tsx?$/.test(file),
      )
      .map(({ file, specifier }) => `${path.relative(SRC, file)} imports ${specifier}`);
    assert.deepEqual(leaks, []);
  });

  it('keeps src/core free of module imports', () => {
    const leaks = relativeImports()
      .filter(({ target }) => !path.relative(SRC, target).startsWith('..'))
      .filter(({ file, target }) => moduleOf(file) === 'core' && moduleOf(target) !== 'core')
      .map(({ file, specifier }) => `${path.relative(SRC, file)} imports ${specifier}`);
    assert.deepEqual(leaks, [], 'core must not import a module (nor app.ts/modules.ts)');
  });

  // Issue 13 §3: module.ts (the manifest contract) named HTTP internals, and the kernel
  // went round in a loop (module.ts -> http/env.ts -> module.ts, -> http/node-lane.ts ->
  // middleware.ts …). A loop makes load order matter and every file in it a dependency of
  // every other; lint checks the runtime imports, this checks the type-only ones too.
  it('has no import loop in src, not even through type-only imports', () => {
    assert.deepEqual(importLoops(), []);
  });

  it('keeps the module contract to type-only imports', () => {
    const contract = [
      'core/module.ts',
      'core/http/env.ts',
      'core/http/node-lane-types.ts',
      'core/cli/command.ts',
      'core/jobs/types.ts',
    ];
    const runtime = contract.flatMap((file) =>
      readFileSync(path.join(SRC, file), 'utf8')
        .split('\n')
        .filter((line) => /^import\s/.test(line) && !/^import type\s/.test(line))
        .map((line) => `${file}: ${line}`),
    );
    assert.deepEqual(runtime, [], 'declaring a module must load no kernel code');
  });

  describe('on a migrated database', () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase();
    });
    after(() => database.close());

    // Agency-owned = a NOT NULL agency_id. core_sessions only remembers which agency a user
    // chose (nullable), so it is keyed by its token like any user-owned row.
    it('puts agency_id first in the primary key of every agency-owned table', async () => {
      const rows = await database.query<{ table: string; first: string | null }>(
        `select c.relname as "table",
           (select a.attname from pg_index i
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
             where i.indrelid = c.oid and i.indisprimary) as first
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r'
           and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                       and a.attname = 'agency_id' and a.attnotnull and not a.attisdropped)
         order by 1`,
      );
      assert.ok(rows.length >= 3, `agency-owned tables found: ${rows.length}`);
      const wrong = rows
        .filter((r) => r.first !== 'agency_id')
        .map((r) => `${r.table}: ${r.first}`);
      assert.deepEqual(wrong, [], 'primaryKey({ columns: [t.agencyId, …] })');
    });
  });
});
