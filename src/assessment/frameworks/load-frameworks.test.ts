import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  FrameworkDataError,
  getFramework,
  listFrameworkYears,
  loadFrameworksFrom,
  UnknownFrameworkYearError,
} from './load-frameworks.js';

const here = import.meta.dirname;
const fy2566Text = readFileSync(join(here, 'fy2566.json'), 'utf8');

function dirWith(file: string, mutate: (f: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'fw-'));
  const data = JSON.parse(fy2566Text);
  mutate(data);
  writeFileSync(join(dir, file), JSON.stringify(data));
  return dir;
}

void describe('load-frameworks', () => {
  void it('lists every fy*.json year and returns the same cached object', () => {
    assert.deepEqual(listFrameworkYears(), [2566, 2567, 2568, 2569, 2570]);
    assert.equal(getFramework(2566), getFramework(2566));
  });

  void it('throws a typed NOT_FOUND error for an unknown year', () => {
    assert.throws(
      () => getFramework(2599),
      (e: unknown) => {
        assert.ok(e instanceof UnknownFrameworkYearError);
        assert.equal(e.code, 'NOT_FOUND');
        assert.deepEqual(e.knownYears, [2566, 2567, 2568, 2569, 2570]);
        return true;
      },
    );
  });

  void it('names the file and the path of each invalid field', () => {
    const dir = dirWith('fy2566.json', (f) => {
      f.tools[2].weight = 0.41;
      f.iitQuestions[3].scaleId = 'nope';
      f.oitItems[0].confidence = 'sure';
    });
    assert.throws(
      () => loadFrameworksFrom(dir),
      (e: unknown) => {
        assert.ok(e instanceof FrameworkDataError);
        assert.equal(e.file, 'fy2566.json');
        const paths = e.issues.map((i) => i.path);
        assert.ok(paths.includes('oitItems.0.confidence'), paths.join());
        return true;
      },
    );
    // Cross-field checks run once fields are well-formed.
    const dir2 = dirWith('fy2566.json', (f) => {
      f.tools[2].weight = 0.41;
      f.iitQuestions[3].scaleId = 'nope';
      f.issueAreas[0].questions[0].source = 'not-a-source';
    });
    assert.throws(
      () => loadFrameworksFrom(dir2),
      (e: unknown) => {
        assert.ok(e instanceof FrameworkDataError);
        const paths = e.issues.map((i) => i.path);
        assert.ok(paths.includes('tools'));
        assert.ok(paths.includes('iitQuestions.3.scaleId'));
        assert.ok(paths.includes('issueAreas.0.questions.0.source'));
        assert.match(e.message, /fy2566\.json/);
        return true;
      },
    );
  });

  void it('refuses a file whose fiscalYear differs from its name', () => {
    const dir = dirWith('fy2570.json', () => {});
    assert.throws(() => loadFrameworksFrom(dir), /fiscalYear/);
  });

  void it('keeps every fact sourced: no unconfirmed EIT wording is marked confirmed', () => {
    for (const year of listFrameworkYears()) {
      for (const q of getFramework(year).eitQuestions) assert.notEqual(q.confidence, 'confirmed');
    }
  });
});
