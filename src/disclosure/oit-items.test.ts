import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { groupOitItems, listOitYears, scoreOitItems } from './oit-items.js';

void describe('scoreOitItems (the readiness estimate)', () => {
  void it("gives each indicator the mean of its sub-indicators' shares, every year (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...listOitYears()),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        (year, flags) => {
          const groups = groupOitItems(year);
          const items = groups.flatMap((g) => g.items);
          const disclosed = Object.fromEntries(items.map((item, i) => [item.code, flags[i]!]));
          const result = scoreOitItems(year, disclosed);
          for (const { no, score } of result.indicators) {
            const subs = groups.filter((g) => g.code.startsWith(`${no}.`) && g.items.length > 0);
            const shares = subs.map(
              (g) => (100 * g.items.filter((i) => disclosed[i.code]).length) / g.items.length,
            );
            const expected = shares.reduce((a, b) => a + b, 0) / shares.length;
            assert.ok(
              Math.abs(score - expected) <= 0.005 + 1e-9,
              `${year} ${no}: ${score} vs ${expected}`,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  void it("drops 2566 indicator 10 to 75 when one of 10.2's two items is missing", () => {
    const disclosed = Object.fromEntries(
      groupOitItems(2566).flatMap((g) => g.items.map((i) => [i.code, i.code !== 'o43'])),
    );
    const result = scoreOitItems(2566, disclosed);
    assert.deepEqual(
      result.indicators.map((i) => i.score),
      [100, 75],
    );
    assert.equal(result.oit, 87.5);
  });
});
