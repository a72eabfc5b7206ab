import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fiscalYearRange } from '../../core/i18n/thai-format.js';
import {
  judgeYearCurrency,
  mentionedFiscalYears,
  readCurrency,
  readYearSpans,
} from './judge-year-currency.js';

void describe('judgeYearCurrency', () => {
  void it('reads the year in Arabic and Thai digits and in Thai short forms', () => {
    assert.equal(judgeYearCurrency(['ปีงบประมาณ ๒๕๖๖'], 2566, null), true);
    assert.equal(judgeYearCurrency(['ประกาศ พ.ศ.\u200b2566'], 2566, null), true);
    assert.equal(judgeYearCurrency(['แผนปีงบฯ 66'], 2566, null), true);
  });

  void it('counts October–December of the previous year as the fiscal year', () => {
    // A date in October 2565 is FY 2566 only (it used to count as 2565 too).
    assert.deepEqual([...mentionedFiscalYears('สรุปผล ต.ค. 2565')], [2566]);
    assert.equal(judgeYearCurrency(['ประจำเดือน พฤศจิกายน ๒๕๖๕'], 2566, null), true);
    assert.equal(judgeYearCurrency(['ประจำเดือน กันยายน 2565'], 2566, null), false);
  });

  void it('reads spans of years: a multi-year plan covers its years and no others', () => {
    assert.deepEqual(readYearSpans('แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ – ๒๕๖๕) ข่าว 2566'), [
      { from: 2561, to: 2565, text: '2561 – 2565' },
      { from: 2566, to: 2566, text: '2566' },
    ]);
    assert.deepEqual(readYearSpans('แผน 4 ปี 2566-69')[0], {
      from: 2566,
      to: 2569,
      text: '2566-69',
    });
    assert.equal(judgeYearCurrency(['แผน พ.ศ. 2565 ถึง 2567'], 2566, null), true);
    // The title's span decides before the body's loose 2566 (a sidebar news date).
    const plan = readCurrency(
      [
        { source: 'label', texts: ['แผนดำเนินงาน'] },
        { source: 'title', texts: ['แผนดำเนินงาน พ.ศ. ๒๕๖๑-๒๕๖๕'] },
        { source: 'text', texts: ['ข่าวล่าสุด 12 มกราคม 2566'] },
      ],
      2566,
      null,
    );
    assert.deepEqual(plan, { isCurrent: false, source: 'title', read: '2561-2565' });
    assert.deepEqual(
      readCurrency([{ source: 'label', texts: ['รายงานประจำปี ๒๕๖๕'] }], 2566, null),
      {
        isCurrent: false,
        source: 'label',
        read: '2565',
      },
    );
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
