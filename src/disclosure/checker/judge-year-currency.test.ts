import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fiscalYearRange } from '../../core/i18n/thai-format.js';
import { judgeYearCurrency, mentionedFiscalYears } from './judge-year-currency.js';

void describe('judgeYearCurrency', () => {
  void it('reads the year in Arabic and Thai digits and in Thai short forms', () => {
    assert.equal(judgeYearCurrency(['ปีงบประมาณ ๒๕๖๖'], 2566, null), true);
    assert.equal(judgeYearCurrency(['ประกาศ พ.ศ.\u200b2566'], 2566, null), true);
    assert.equal(judgeYearCurrency(['แผนปีงบฯ 66'], 2566, null), true);
  });

  void it('counts October–December of the previous year as the fiscal year', () => {
    assert.deepEqual([...mentionedFiscalYears('สรุปผล ต.ค. 2565')], [2565, 2566]);
    assert.equal(judgeYearCurrency(['ประจำเดือน พฤศจิกายน ๒๕๖๕'], 2566, null), true);
    assert.equal(judgeYearCurrency(['ประจำเดือน กันยายน 2565'], 2566, null), false);
  });

  void it('ignores old law years and falls back to the document date', () => {
    assert.equal(judgeYearCurrency(['ตาม พ.ร.บ. ข้อมูลข่าวสาร พ.ศ. 2540'], 2566, null), null);
    const { start, end } = fiscalYearRange(2566);
    // 1 October in Bangkok, not in UTC.
    assert.equal(start.toISOString(), '2022-09-30T17:00:00.000Z');
    assert.equal(judgeYearCurrency([], 2566, end), true);
    assert.equal(judgeYearCurrency([], 2566, new Date('2021-05-01')), false);
  });
});
