import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  currentFiscalYear,
  fiscalYearOf,
  openingFiscalYear,
  fiscalYearRange,
  formatNumberTh,
  formatScore,
  formatThaiDate,
  fromThaiDigits,
  toBuddhistYear,
  toThaiDigits,
} from './thai-format.js';

void describe('Thai digits', () => {
  void it('converts every ASCII digit and nothing else', () => {
    assert.equal(toThaiDigits('ตัวชี้วัดที่ 10: 99.50 (ปี 2566)'), 'ตัวชี้วัดที่ ๑๐: ๙๙.๕๐ (ปี ๒๕๖๖)');
    assert.equal(toThaiDigits('0123456789'), '๐๑๒๓๔๕๖๗๘๙');
  });
  void it('round-trips through fromThaiDigits', () => {
    assert.equal(fromThaiDigits('๐๑๒๓๔๕๖๗๘๙ ก.ค.'), '0123456789 ก.ค.');
    assert.equal(fromThaiDigits(toThaiDigits('เลขที่ 4/2569')), 'เลขที่ 4/2569');
  });
});

void describe('formatThaiDate', () => {
  const d = new Date('2026-11-24T03:00:00Z');
  void it('writes the long official form with พ.ศ.', () => {
    assert.equal(formatThaiDate(d), '24 พฤศจิกายน พ.ศ. 2569');
    assert.equal(formatThaiDate(d, { style: 'long', thaiDigits: true }), '๒๔ พฤศจิกายน พ.ศ. ๒๕๖๙');
  });
  void it('writes medium and short forms in the Buddhist era', () => {
    assert.equal(formatThaiDate(d, { style: 'medium' }), '24 พ.ย. 2569');
    assert.equal(formatThaiDate(d, { style: 'short' }), '24/11/2569');
    assert.equal(formatThaiDate(d, { style: 'short', thaiDigits: true }), '๒๔/๑๑/๒๕๖๙');
  });
  void it('writes English in CE', () => {
    assert.equal(formatThaiDate(d, { locale: 'en' }), '24 November 2026');
  });
  void it('uses the Bangkok calendar day, not UTC', () => {
    assert.equal(formatThaiDate(new Date('2026-11-23T17:30:00Z')), '24 พฤศจิกายน พ.ศ. 2569');
  });
});

void describe('fiscal year', () => {
  void it('names the fiscal year by the Buddhist year it ends in', () => {
    assert.equal(toBuddhistYear(2026), 2569);
    assert.equal(fiscalYearOf(new Date('2025-10-01T00:00:00+07:00')), 2569);
    assert.equal(fiscalYearOf(new Date('2026-09-30T23:59:59+07:00')), 2569);
    assert.equal(fiscalYearOf(new Date('2026-10-01T00:00:00+07:00')), 2570);
    assert.equal(fiscalYearOf(new Date('2026-03-15T12:00:00+07:00')), 2569);
  });
  void it('switches at midnight Bangkok time on 1 October, not UTC', () => {
    // 20:00Z on 30 Sep is 03:00 on 1 Oct in Bangkok.
    assert.equal(fiscalYearOf(new Date('2025-09-30T20:00:00Z')), 2569);
    assert.equal(fiscalYearOf(new Date('2025-09-30T16:59:59.999Z')), 2568);
    assert.equal(fiscalYearOf(new Date('2025-09-30T17:00:00.000Z')), 2569);
  });
  void it('gives a range whose bounds map back to the same fiscal year', () => {
    const { start, end } = fiscalYearRange(2569);
    assert.equal(start.toISOString(), '2025-09-30T17:00:00.000Z');
    assert.equal(end.toISOString(), '2026-09-30T16:59:59.999Z');
    assert.equal(fiscalYearOf(start), 2569);
    assert.equal(fiscalYearOf(end), 2569);
    assert.equal(fiscalYearOf(new Date(start.getTime() - 1)), 2568);
    assert.equal(fiscalYearOf(new Date(end.getTime() + 1)), 2570);
  });
  void it('refuses a CE year passed by mistake', () => {
    assert.throws(() => fiscalYearRange(2026), RangeError);
  });
  void it('opens on the newest data year, else the current year, within the known years', () => {
    const now = new Date('2026-12-06T10:00:00+07:00');
    assert.equal(currentFiscalYear(now), 2570);
    assert.equal(openingFiscalYear([], now), 2570);
    assert.equal(openingFiscalYear([2567, null, 2568], now), 2568);
    assert.equal(openingFiscalYear([2567, 2571], now, [2566, 2567, 2568]), 2567);
    // The current year has no criteria yet: the newest known year before it, never a later one.
    assert.equal(openingFiscalYear([], now, [2566, 2567, 2568]), 2568);
    assert.equal(openingFiscalYear([], now, [2566, 2570, 2571]), 2570);
    assert.equal(openingFiscalYear([], now, [2572, 2573]), 2572);
  });
});

void describe('numbers', () => {
  void it('formats scores with two decimals as the NACC publishes them', () => {
    assert.equal(formatScore(99.5), '99.50');
    assert.equal(formatScore(100), '100.00');
    assert.equal(formatScore(99.5, { thaiDigits: true }), '๙๙.๕๐');
  });
  void it('groups thousands and converts digits', () => {
    assert.equal(formatNumberTh(1234567.5), '1,234,567.5');
    assert.equal(formatNumberTh(1234567.5, { thaiDigits: true }), '๑,๒๓๔,๕๖๗.๕');
    assert.equal(formatNumberTh(3, { minimumFractionDigits: 2 }), '3.00');
  });
});
