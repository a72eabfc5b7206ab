import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultResultsYear } from './results-year.js';

/** Instants on the Bangkok calendar. */
const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);
const KNOWN = [2566, 2567, 2568, 2569, 2570];

void describe('defaultResultsYear: the year the results import proposes', () => {
  void it('proposes last fiscal year: in December 2026 (fiscal 2570) the newest results are 2569', () => {
    assert.equal(defaultResultsYear(at('2026-12-06'), KNOWN, []), 2569);
    assert.equal(defaultResultsYear(at('2026-12-06'), KNOWN, [2566, 2567]), 2569);
  });

  void it('turns at 1 October, Bangkok time, not at New Year', () => {
    assert.equal(defaultResultsYear(at('2026-09-30'), KNOWN, []), 2568);
    assert.equal(defaultResultsYear(at('2026-10-01'), KNOWN, []), 2569);
    assert.equal(defaultResultsYear(new Date('2026-09-30T17:30:00Z'), KNOWN, []), 2569);
    assert.equal(defaultResultsYear(at('2027-01-02'), KNOWN, []), 2569);
  });

  void it('keeps the current year once the agency imported it (announced before 30 September)', () => {
    assert.equal(defaultResultsYear(at('2027-09-10'), KNOWN, [2569, 2570]), 2570);
    assert.equal(defaultResultsYear(at('2027-09-10'), KNOWN, [2569]), 2569);
  });

  void it('proposes only a year with criteria: the newest known before, else the earliest', () => {
    assert.equal(defaultResultsYear(at('2029-12-01'), KNOWN, []), 2570);
    assert.equal(defaultResultsYear(at('2026-12-06'), [2566, 2567], []), 2567);
    assert.equal(defaultResultsYear(at('2020-12-06'), KNOWN, []), 2566);
  });
});
