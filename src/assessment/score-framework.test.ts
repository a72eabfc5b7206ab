import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { add, ratioOf, ZERO } from './exact-ratio.js';
import type { ItaFramework } from './frameworks/framework-schema.js';
import { getFramework, listFrameworkYears } from './frameworks/load-frameworks.js';
import { compareStatedLevel, presentLevel } from './result-level.js';
import {
  scoreFramework,
  ScoreInputError,
  type Respondent,
  type ScoreInput,
} from './score-framework.js';

const fy2566 = getFramework(2566);
const SEED_INDICATORS = [100.0, 100.0, 100.0, 99.02, 99.51, 98.41, 98.75, 98.72, 100.0, 100.0];
const seedInput: ScoreInput = {
  fiscalYear: 2566,
  indicatorScores: Object.fromEntries(SEED_INDICATORS.map((s, i) => [String(i + 1), s])),
};

/** Every (question, sub-item) slot of a framework, with its scale's option count. */
function answerSlots(framework: ItaFramework) {
  const scales = new Map(framework.answerScales.map((s) => [s.id, s.options.length]));
  return [...framework.iitQuestions, ...framework.eitQuestions].flatMap((q) =>
    (q.subItems.length === 0 ? [null] : q.subItems.map((_, i) => i)).map((sub) => ({
      question: q,
      sub,
      options: scales.get(q.scaleId)!,
    })),
  );
}
const slots = answerSlots(fy2566);

function toRespondent(id: string, picks: number[]): Respondent {
  const answers: Record<string, string | string[]> = {};
  slots.forEach((slot, k) => {
    const scale = fy2566.answerScales.find((s) => s.id === slot.question.scaleId)!;
    const value = scale.options[picks[k]! % slot.options]!.value;
    if (slot.sub === null) answers[slot.question.code] = value;
    else
      answers[slot.question.code] = [...((answers[slot.question.code] as string[]) ?? []), value];
  });
  return { id, answers };
}

const picksArb = fc.array(fc.nat({ max: 3 }), { minLength: slots.length, maxLength: slots.length });
const respondentsArb = fc.array(picksArb, { minLength: 1, maxLength: 6 });
const oitArb = fc.array(fc.boolean(), {
  minLength: fy2566.oitItems.length,
  maxLength: fy2566.oitItems.length,
});

function surveyInput(picks: number[][], oit: boolean[]): ScoreInput {
  return {
    fiscalYear: 2566,
    respondents: picks.map((p, i) => toRespondent(`r${i}`, p)),
    oitItems: Object.fromEntries(fy2566.oitItems.map((item, i) => [item.code, oit[i]!])),
  };
}

void describe('scoreFramework', () => {
  void it('reproduces the Phothong 2566 seed: IIT 99.71, EIT 98.63, OIT 100.00, total 99.50', () => {
    const result = scoreFramework(fy2566, seedInput);
    assert.deepEqual(result.tools, { IIT: 99.71, EIT: 98.63, OIT: 100 });
    assert.equal(result.total, 99.5);
    assert.equal(result.passed, true);
    assert.equal(result.target, 85);
    assert.deepEqual(
      result.indicators.map((i) => i.score),
      SEED_INDICATORS,
    );
  });

  void it('rounds the exact total once, not a sum of rounded tools (no 85 by rounding twice)', () => {
    // Exact tools 84.996, 84.996, 84.9925 → total 84.9946 → 84.99 (not passing). Summing the
    // displayed tools (85.00, 85.00, 84.99) would give 84.996 → 85.00 and a false pass.
    const result = scoreFramework(fy2566, {
      fiscalYear: 2566,
      indicatorScores: {
        ...{ '1': 85, '2': 85, '3': 85, '4': 85, '5': 84.98 },
        ...{ '6': 85, '7': 85, '8': 84.988, '9': 85, '10': 84.985 },
      },
    });
    assert.deepEqual(result.tools, { IIT: 85, EIT: 85, OIT: 84.99 });
    assert.equal(result.total, 84.99);
    assert.equal(result.passed, false);
    assert.equal(result.level.code, 'needs-improvement');
  });

  void it('words a computed 2566 ผ่านดีเยี่ยม as an estimate that may be ผ่านดี, with its doubts', () => {
    const result = scoreFramework(fy2566, seedInput);
    assert.equal(result.level.code, 'excellent');
    // Every public 2566 result ≥ 95 found is ผ่านดี: the estimate names both, never one alone.
    assert.deepEqual(
      result.levelEstimate.alternatives.map((a) => a.code),
      ['good'],
    );
    assert.equal(result.levelEstimate.wordingTh, 'ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี');
    assert.equal(result.levelEstimate.confidence, 'unconfirmed');
    assert.match(result.levelEstimate.ruleTh, /ทุกเครื่องมือ ≥ 95/);
    assert.ok(result.unconfirmed.some((u) => u.includes('ผ่านดีเยี่ยม')));
    assert.ok(!result.unconfirmed.some((u) => u.startsWith('weight')), 'weights are confirmed');
  });

  void it('shows an official level as the authority and a computed one only as an estimate', () => {
    const official = presentLevel(fy2566, 'excellent', 'ผ่านดี');
    assert.equal(official.isOfficial, true);
    assert.equal(official.labelTh, 'ผ่านดี');
    const computed = presentLevel(fy2566, 'excellent', null);
    assert.equal(computed.isOfficial, false);
    assert.equal(computed.labelTh, 'ประมาณการ: ผ่านดีเยี่ยม หรือ ผ่านดี');
    assert.equal(presentLevel(fy2566, 'pass', '').labelTh, 'ประมาณการ: ผ่าน');
  });

  void it('reads the seed\'s stated "ผ่านดี" as consistent with a computed ผ่านดีเยี่ยม', () => {
    const result = scoreFramework(fy2566, seedInput);
    const comparison = compareStatedLevel(result, 'ผ่านดี', fy2566);
    assert.equal(comparison.agrees, true);
    assert.equal(comparison.stated?.code, 'good');
    assert.equal(comparison.computed.code, 'excellent');
    assert.match(comparison.explanationTh, /สอดคล้อง/);
    assert.match(comparison.explanationTh, /ทุกเครื่องมือ ≥ 95/);
    assert.equal(compareStatedLevel(result, 'ผ่านดีเยี่ยม', fy2566).agrees, true);
    assert.equal(compareStatedLevel(result, 'ผ่าน', fy2566).agrees, false);
    assert.equal(compareStatedLevel(result, 'AA', fy2566).stated, null);
  });

  void it('drops to ผ่าน when the total passes but one tool is under 85', () => {
    const result = scoreFramework(fy2566, {
      fiscalYear: 2566,
      indicatorScores: {
        '1': 100,
        '2': 100,
        '3': 100,
        '4': 100,
        '5': 100,
        '6': 80,
        '7': 80,
        '8': 80,
        '9': 100,
        '10': 100,
      },
    });
    assert.equal(result.total, 94);
    assert.equal(result.level.labelTh, 'ผ่าน');
  });

  void it('lists every missing indicator and unknown code at once', () => {
    assert.throws(
      () =>
        scoreFramework(fy2566, {
          fiscalYear: 2566,
          indicatorScores: { '1': 100, '11': 50 },
          questionScores: { i99: 10 },
        }),
      (error: unknown) => {
        assert.ok(error instanceof ScoreInputError);
        const subjects = error.issues.map((i) => i.subject);
        assert.ok(subjects.includes('i99'));
        assert.ok(subjects.includes('indicator 11'));
        assert.ok(subjects.includes('indicator 10'));
        assert.equal(subjects.filter((s) => s.startsWith('indicator')).length, 10);
        return true;
      },
    );
  });

  void it('mirrors reverse-scored questions and averages sub-items', () => {
    // i4 (มี/ไม่มี, reverse): "no" on every sub-item is best; i11 has one reverse sub-item.
    const questionScores = Object.fromEntries(
      [...fy2566.iitQuestions, ...fy2566.eitQuestions].map((q) => [q.code, 100]),
    );
    delete questionScores['i4'];
    delete questionScores['i11'];
    const result = scoreFramework(fy2566, {
      fiscalYear: 2566,
      questionScores,
      oitItems: Object.fromEntries(fy2566.oitItems.map((i) => [i.code, true])),
      respondents: [
        { id: 'a', answers: { i4: ['no', 'no', 'yes'], i11: ['most', 'least'] } },
        { id: 'b', answers: { i4: ['no', 'no', 'no'], i11: ['most', 'most'] } },
      ],
    });
    const score = (code: string) => result.questions.find((q) => q.code === code)?.score;
    assert.equal(score('i4'), 83.33); // (66.67 + 100) / 2
    assert.equal(score('i11'), 75); // a: (100 + mirrored 100) / 2, b: (100 + 0) / 2
  });

  void it('keeps every score within 0–100 (property)', () => {
    fc.assert(
      fc.property(respondentsArb, oitArb, (picks, oit) => {
        const r = scoreFramework(fy2566, surveyInput(picks, oit));
        const all = [
          ...r.questions.map((q) => q.score),
          ...r.indicators.map((i) => i.score),
          ...Object.values(r.tools),
          r.total,
        ];
        return all.every((s) => s >= 0 && s <= 100);
      }),
      { numRuns: 60 },
    );
  });

  void it('does not depend on the order of respondents (property)', () => {
    fc.assert(
      fc.property(respondentsArb, oitArb, fc.nat(), (picks, oit, seed) => {
        const shuffled = [...picks].sort(() => 0).reverse();
        if (shuffled.length > 1) shuffled.push(shuffled.splice(seed % shuffled.length, 1)[0]!);
        const a = scoreFramework(fy2566, surveyInput(picks, oit));
        const b = scoreFramework(fy2566, surveyInput(shuffled, oit));
        assert.deepEqual(b, a);
      }),
      { numRuns: 40 },
    );
  });

  void it('never lowers the total when one answer is raised (property)', () => {
    fc.assert(
      fc.property(respondentsArb, oitArb, fc.nat(), fc.nat(), (picks, oit, who, where) => {
        const before = scoreFramework(fy2566, surveyInput(picks, oit));
        const slot = slots[where % slots.length]!;
        const row = picks[who % picks.length]!;
        const k = where % slots.length;
        const current = row[k]! % slot.options;
        const isReverse =
          (slot.sub !== null ? slot.question.subItems[slot.sub]?.isReverseScored : undefined) ??
          slot.question.isReverseScored;
        // "Raising" = moving to an option with a higher score after mirroring.
        const better = isReverse
          ? Math.max(0, current - 1)
          : Math.min(slot.options - 1, current + 1);
        const raised = picks.map((p) => [...p]);
        raised[who % picks.length]![k] = better;
        const after = scoreFramework(fy2566, surveyInput(raised, oit));
        return after.total >= before.total;
      }),
      { numRuns: 80 },
    );
  });

  void it('has tool weights summing exactly to 1 in every year file (property over years)', () => {
    const years = listFrameworkYears();
    assert.ok(years.length >= 3);
    fc.assert(
      fc.property(fc.constantFrom(...years), (year) => {
        const sum = getFramework(year).tools.reduce((acc, t) => add(acc, ratioOf(t.weight)), ZERO);
        return sum.num === 1n && sum.den === 1n;
      }),
    );
  });
  void it('scores an OIT indicator as the mean of its sub-indicators (2566 worked examples)', () => {
    const oitOnly = (failed: string[]): ScoreInput => ({
      fiscalYear: 2566,
      indicatorScores: Object.fromEntries(
        SEED_INDICATORS.slice(0, 8).map((s, i) => [String(i + 1), s]),
      ),
      oitItems: Object.fromEntries(fy2566.oitItems.map((i) => [i.code, !failed.includes(i.code)])),
    });
    const indicator = (r: ReturnType<typeof scoreFramework>, no: number) =>
      r.indicators.find((i) => i.no === no)!.score;
    const in91 = fy2566.oitItems.filter((i) => i.subIndicator === '9.1');
    const in102 = fy2566.oitItems.filter((i) => i.subIndicator === '10.2');
    assert.equal(in91.length, 10);
    assert.equal(in102.length, 2);
    // One failed item of 9.1: (90 + 4·100)/5 = 98.00, not 32/33 = 96.97.
    assert.equal(indicator(scoreFramework(fy2566, oitOnly([in91[0]!.code])), 9), 98);
    // One failed item of 10.2: (100 + 50)/2 = 75.00, not 9/10 = 90.00.
    const r = scoreFramework(fy2566, oitOnly([in102[1]!.code]));
    assert.equal(indicator(r, 10), 75);
    assert.equal(r.tools.OIT, 87.5);
    assert.ok(r.unconfirmed.some((u) => u.startsWith('oit-subindicator-mean')));
  });

  void it("reproduces the NACC 2564 values 97.78 and 93.75 with that year's item counts", () => {
    // 9.1 had 9 items that year (no PDPA item): one failed → (8/9·100 + 4·100)/5.
    const framework = structuredClone(fy2566);
    framework.oitItems = framework.oitItems.filter((i) => i.code !== 'o10');
    const in101 = framework.oitItems.filter((i) => i.subIndicator === '10.1');
    assert.equal(in101.length, 8); // one failed → (7/8·100 + 100)/2 = 93.75
    const failed = new Set(['o1', 'o35']);
    const r = scoreFramework(framework, {
      fiscalYear: 2566,
      indicatorScores: Object.fromEntries(
        SEED_INDICATORS.slice(0, 8).map((s, i) => [String(i + 1), s]),
      ),
      oitItems: Object.fromEntries(framework.oitItems.map((i) => [i.code, !failed.has(i.code)])),
    });
    assert.deepEqual(
      r.indicators.filter((i) => i.no >= 9).map((i) => i.score),
      [97.78, 93.75],
    );
  });

  void it('gives each OIT indicator the sub-indicator mean for any pass pattern (property)', () => {
    fc.assert(
      fc.property(oitArb, (oit) => {
        const passed = Object.fromEntries(fy2566.oitItems.map((item, i) => [item.code, oit[i]!]));
        const r = scoreFramework(fy2566, {
          fiscalYear: 2566,
          indicatorScores: Object.fromEntries(
            SEED_INDICATORS.slice(0, 8).map((s, i) => [String(i + 1), s]),
          ),
          oitItems: passed,
        });
        for (const no of [9, 10]) {
          // Reference in plain floats: shares of each sub-indicator, then their mean.
          const subs = fy2566.oitSubIndicators.filter((s) => s.indicatorNo === no);
          const shares = subs.map((s) => {
            const items = fy2566.oitItems.filter((i) => i.subIndicator === s.code);
            return (100 * items.filter((i) => passed[i.code]).length) / items.length;
          });
          const expected = shares.reduce((a, b) => a + b, 0) / shares.length;
          const got = r.indicators.find((i) => i.no === no)!.score;
          if (Math.abs(got - expected) > 0.005 + 1e-9) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  void it('weighs one failed item by its sub-indicator size: fewer items, bigger loss (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fy2566.oitItems),
        fc.constantFrom(...fy2566.oitItems),
        (a, b) => {
          const score = (failed: string) =>
            scoreFramework(fy2566, {
              fiscalYear: 2566,
              indicatorScores: Object.fromEntries(
                SEED_INDICATORS.slice(0, 8).map((s, i) => [String(i + 1), s]),
              ),
              oitItems: Object.fromEntries(fy2566.oitItems.map((i) => [i.code, i.code !== failed])),
            }).tools.OIT;
          const size = (code: string) => {
            const sub = fy2566.oitItems.find((i) => i.code === code)!.subIndicator;
            const ind = sub.split('.')[0];
            const subs = fy2566.oitSubIndicators.filter((s) => s.code.startsWith(`${ind}.`)).length;
            return fy2566.oitItems.filter((i) => i.subIndicator === sub).length * subs;
          };
          if (size(a.code) < size(b.code)) return score(a.code) <= score(b.code);
          if (size(a.code) === size(b.code)) return score(a.code) === score(b.code);
          return true;
        },
      ),
      { numRuns: 100 },
    );
  });
});
