import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchIndex, searchSite } from './search-site.js';
import { highlight, queryTerms, segmentWords } from './search-text.js';

const docs = buildSearchIndex([
  {
    href: '/o29',
    title: 'O29 ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี',
    section: 'OIT',
    text: 'จำนวนเรื่องร้องเรียน ประเภทเรื่อง',
  },
  {
    href: '/news/1',
    title: 'ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง',
    section: 'ข่าว',
    text: 'เรียนเชิญประชาชนมาร้องเพลงชาติ และชำระภาษีภายในเดือนเมษายน',
  },
  { href: '/laws', title: 'กฎหมายที่เกี่ยวข้อง', section: 'กฎหมาย', text: 'พระราชบัญญัติเทศบาล พ.ศ. 2496' },
]);

void describe('site search', () => {
  void it('cuts Thai text into words with Intl.Segmenter', () => {
    assert.deepEqual(segmentWords('ภาษีที่ดิน'), ['ภาษี', 'ที่ดิน']);
    assert.deepEqual(queryTerms('  ภาษี\u200Bที่ดิน '), ['ภาษี', 'ที่ดิน']);
  });

  void it('finds a Thai phrase inside unspaced text', () => {
    assert.deepEqual(
      searchSite(docs, 'ร้องเรียน').map((r) => r.href),
      ['/o29'],
      'ร้อง…เรียน apart in the news item must not match the phrase',
    );
  });

  void it('does not find a short word inside a longer one', () => {
    const index = buildSearchIndex([
      { href: '/x', title: 'ดำเนินการตามแผน', section: '', text: '' },
    ]);
    assert.deepEqual(searchSite(index, 'ตา'), []);
    assert.equal(searchSite(index, 'ตาม').length, 1);
  });

  void it('needs every space-separated chunk', () => {
    assert.deepEqual(
      searchSite(docs, 'ภาษี ที่ดิน').map((r) => r.href),
      ['/news/1'],
    );
    assert.deepEqual(searchSite(docs, 'ภาษี เทศบาล'), []);
    assert.deepEqual(
      searchSite(docs, 'เทศบาล 2496').map((r) => r.href),
      ['/laws'],
    );
  });

  void it('ranks a title hit above a body-only hit', () => {
    const index = buildSearchIndex([
      { href: '/body', title: 'ข่าวทั่วไป', section: '', text: 'งบประมาณ' },
      { href: '/title', title: 'แผนงบประมาณ', section: '', text: 'รายละเอียด' },
    ]);
    assert.deepEqual(
      searchSite(index, 'งบประมาณ').map((r) => r.href),
      ['/title', '/body'],
    );
  });

  void it('marks every match in the excerpt and keeps the text intact', () => {
    const parts = highlight('ชำระภาษีที่ดินและภาษีป้าย', ['ภาษี']);
    assert.equal(parts.map((p) => p.text).join(''), 'ชำระภาษีที่ดินและภาษีป้าย');
    assert.deepEqual(
      parts.filter((p) => p.isMatch).map((p) => p.text),
      ['ภาษี', 'ภาษี'],
    );
  });

  void it('starts a long excerpt at a word boundary near the match', () => {
    const text = `${'การประชุมสภาเทศบาล '.repeat(20)}เรื่องงบประมาณรายจ่ายประจำปี`;
    const parts = highlight(text, ['งบประมาณ'], 60);
    assert.equal(parts[0]?.text, '… ');
    assert.ok(parts.some((p) => p.isMatch && p.text === 'งบประมาณ'));
    assert.match(parts[1]?.text ?? '', /^(การ|ประชุม|สภา|เทศบาล|เรื่อง| )/);
  });
});
