import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assessmentCommands } from './commands.js';

const here = import.meta.dirname;
const seedCsv = join(here, 'fixtures', 'phothong-2566-indicators.csv');
const dir = mkdtempSync(join(tmpdir(), 'ita-cmd-'));

async function run(
  name: string,
  values: Record<string, string | boolean>,
  positionals: string[] = [],
) {
  const command = assessmentCommands.find((c) => c.name === name)!;
  let out = '';
  let err = '';
  const code = await command.run(
    { values, positionals },
    { out: (t) => (out += t), err: (t) => (err += t) },
    { openDb: () => Promise.reject(new Error('no database')) },
  );
  return { code, out, err };
}

const EXPECTED_JSON =
  '{"year":2566,"tools":{"IIT":99.71,"EIT":98.63,"OIT":100},"indicators":[{"no":1,"score":100},' +
  '{"no":2,"score":100},{"no":3,"score":100},{"no":4,"score":99.02},{"no":5,"score":99.51},' +
  '{"no":6,"score":98.41},{"no":7,"score":98.75},{"no":8,"score":98.72},{"no":9,"score":100},' +
  '{"no":10,"score":100}],"total":99.5,"level":"ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี",' +
  '"levelIsOfficial":false,"levelCode":"excellent","passed":true}\n';

void describe('ita score', () => {
  void it('prints exactly the agreed JSON for the seed', async () => {
    const r = await run('ita score', { year: '2566', input: seedCsv, json: true });
    assert.equal(r.code, 0);
    assert.equal(r.out, EXPECTED_JSON);
    assert.equal(r.err, '');
  });

  void it('prints a Thai table with tools, total, level and target', async () => {
    const r = await run('ita score', { year: '2566', input: seedCsv, 'stated-level': 'ผ่านดี' });
    assert.equal(r.code, 0);
    assert.match(r.out, /EIT\s+30%\s+98\.63/);
    assert.match(r.out, /รวม\s+100%\s+99\.50/);
    // The stated (official) level is the authority; the computed one is an estimate.
    assert.match(r.out, /ระดับผลการประเมิน: ผ่านดี \(Good pass\)/);
    assert.match(r.out, /ระดับที่คำนวณได้: ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี/);
    assert.match(r.out, /ค่าเป้าหมาย 85: บรรลุค่าเป้าหมาย/);
    assert.match(r.out, /สอดคล้อง: /);
  });

  void it('exits 2 with row/column messages on stderr for a bad file', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'indicator,score\n1,100\n2,abc\n2,90\n');
    const r = await run('ita score', { year: '2566', input: bad });
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /แถว 3, คอลัมน์ score: "abc" ไม่ใช่ตัวเลข \/ row 3, column score/);
    assert.match(r.err, /แถว 4, คอลัมน์ indicator/);
    assert.match(r.err, /missing indicators 3, 4, 5, 6, 7, 8, 9, 10/);
  });

  void it('exits 2 for an unknown year or a missing file', async () => {
    assert.equal((await run('ita score', { year: '2599', input: seedCsv })).code, 2);
    const missing = await run('ita score', { year: '2566', input: join(dir, 'nope.csv') });
    assert.equal(missing.code, 2);
    assert.match(missing.err, /ENOENT/);
  });
});

void describe('ita diff', () => {
  void it('prints a table and JSON for two known years', async () => {
    const human = await run('ita diff', {}, ['2566', '2567']);
    assert.equal(human.code, 0);
    assert.match(human.out, /2566 → 2567/);
    const json = await run('ita diff', { json: true }, ['2566', '2567']);
    const diff = JSON.parse(json.out);
    assert.equal(diff.from, 2566);
    assert.equal(diff.to, 2567);
    assert.ok(Array.isArray(diff.oitItems.added));
  });

  void it('exits 2 without two years', async () => {
    assert.equal((await run('ita diff', {}, ['2566'])).code, 2);
  });
});

void describe('run-command.dev.ts (real process)', () => {
  void it('runs ita score --json end to end and exits 0, then 2 on a bad file', () => {
    const runner = join(here, 'run-command.dev.ts');
    const ok = spawnSync(
      process.execPath,
      ['--import', 'tsx', runner, 'ita', 'score', '--year', '2566', '--input', seedCsv, '--json'],
      { encoding: 'utf8' },
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, EXPECTED_JSON);
    const bad = join(dir, 'bad-process.csv');
    writeFileSync(bad, 'question,score\nx1,50\n');
    const refused = spawnSync(
      process.execPath,
      ['--import', 'tsx', runner, 'ita', 'score', '--year', '2566', '--input', bad],
      { encoding: 'utf8' },
    );
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /แถว 2, คอลัมน์ question/);
  });
});
