import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ItaFramework } from './frameworks/framework-schema.js';
import { getFramework } from './frameworks/load-frameworks.js';
import { diffFrameworks, diffRows, isEmptyDiff } from './diff-frameworks.js';

const fy2566 = getFramework(2566);

void describe('diffFrameworks', () => {
  void it('finds nothing between a year and itself', () => {
    assert.ok(isEmptyDiff(diffFrameworks(fy2566, fy2566)));
  });

  void it('reports OIT items added, removed, renamed, moved and renumbered', () => {
    const next: ItaFramework = structuredClone(fy2566);
    next.fiscalYear = 2567;
    const o2 = next.oitItems.find((i) => i.code === 'o2')!;
    o2.nameTh = 'ข้อมูลผู้บริหารและช่องทางติดต่อ'; // renamed
    next.oitItems.find((i) => i.code === 'o18')!.subIndicator = '9.3'; // moved
    next.oitItems = next.oitItems.filter((i) => i.code !== 'o43'); // removed
    next.oitItems.find((i) => i.code === 'o42')!.code = 'o44'; // renumbered
    next.oitItems.push({ ...o2, code: 'o45', nameTh: 'ข้อมูลใหม่' }); // added
    const diff = diffFrameworks(fy2566, next);
    assert.deepEqual(
      diff.oitItems.renamed.map((r) => r.code),
      ['o2'],
    );
    assert.deepEqual(diff.oitItems.moved, [
      { code: 'o18', fromSubIndicator: '9.2', toSubIndicator: '9.3' },
    ]);
    assert.deepEqual(
      diff.oitItems.removed.map((r) => r.code),
      ['o43'],
    );
    assert.deepEqual(
      diff.oitItems.renumbered.map((r) => [r.fromCode, r.toCode]),
      [['o42', 'o44']],
    );
    assert.deepEqual(
      diff.oitItems.added.map((r) => r.code),
      ['o45'],
    );
  });

  void it('reports reworded, added and removed questions, weights, levels and target', () => {
    const next: ItaFramework = structuredClone(fy2566);
    next.iitQuestions[0]!.textTh = 'ข้อความใหม่';
    next.iitQuestions = next.iitQuestions.filter((q) => q.code !== 'i30');
    next.eitQuestions.push({ ...next.eitQuestions[0]!, code: 'e16' });
    next.tools = next.tools.map((t) => ({ ...t, weight: t.code === 'OIT' ? 0.3 : 0.35 }));
    next.resultLevels.levels[0]!.minEachTool = 90;
    next.target.value = 90;
    const eit = next.tools.find((t) => t.code === 'EIT')!;
    eit.minimumSample = { ...eit.minimumSample!, floor: 40 };
    const diff = diffFrameworks(fy2566, next);
    assert.deepEqual(
      diff.questions.reworded.map((q) => q.code),
      ['i1'],
    );
    assert.deepEqual(
      diff.questions.removed.map((q) => q.code),
      ['i30'],
    );
    assert.deepEqual(
      diff.questions.added.map((q) => q.code),
      ['e16'],
    );
    assert.deepEqual(
      diff.weights.map((w) => [w.tool, w.to]),
      [
        ['IIT', 0.35],
        ['EIT', 0.35],
        ['OIT', 0.3],
      ],
    );
    assert.deepEqual(
      diff.levels.changed.map((c) => c.code),
      ['excellent'],
    );
    assert.deepEqual(diff.target, { from: 85, to: 90 });
    assert.deepEqual(
      diff.minimumSamples.map((m) => [m.tool, /ไม่น้อยกว่า 30 คน/.test(m.from!), /40 คน/.test(m.to!)]),
      [['EIT', true, true]],
    );
    assert.ok(diffRows(diff).some(([what, code]) => what === 'กลุ่มตัวอย่างขั้นต่ำ' && code === 'EIT'));
    assert.equal(isEmptyDiff(diff), false);
  });

  void it('reports a change of level scheme (AA–F to the 2566 rating)', () => {
    const old: ItaFramework = structuredClone(fy2566);
    old.resultLevels.scheme = 'grade-aa-f';
    old.resultLevels.levels = [
      {
        ...fy2566.resultLevels.levels[0]!,
        code: 'AA',
        labelTh: 'AA',
        minTotal: 95,
        minEachTool: null,
      },
      {
        ...fy2566.resultLevels.levels[0]!,
        code: 'F',
        labelTh: 'F',
        minTotal: 0,
        minEachTool: null,
      },
    ];
    const diff = diffFrameworks(old, fy2566);
    assert.deepEqual(diff.levels.schemeChanged, { from: 'grade-aa-f', to: 'rating-2566' });
    assert.equal(diff.levels.removed.length, 2);
    assert.equal(diff.levels.added.length, 5);
  });
});
