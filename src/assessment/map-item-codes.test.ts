import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getFramework } from './frameworks/load-frameworks.js';
import { mapItemCode } from './map-item-codes.js';

void describe('mapItemCode', () => {
  const [fy2566, fy2567, fy2568] = [getFramework(2566), getFramework(2567), getFramework(2568)];

  void it('follows the year file: 2566 o30 → 2567 o25 → 2568 o20', () => {
    assert.equal(mapItemCode(fy2566, fy2567, 'o30'), 'o25');
    assert.equal(mapItemCode(fy2567, fy2568, 'o25'), 'o20');
  });

  void it('never matches a renumbered OIT item by its old number', () => {
    // 2566 o1 โครงสร้าง has no known successor in 2567, although 2567 has an o1.
    assert.equal(mapItemCode(fy2566, fy2567, 'o1'), null);
  });

  void it('reads null as "no longer asked" and keeps questions that are still asked', () => {
    const next = structuredClone(fy2567);
    next.itemMapping = { ...next.itemMapping!, items: { ...next.itemMapping!.items, e4: null } };
    assert.equal(mapItemCode(fy2566, next, 'e4'), null);
    assert.equal(mapItemCode(fy2566, next, 'e5'), 'e5');
    assert.equal(mapItemCode(fy2566, next, 'i99'), null);
  });

  void it('matches by identical name when the mapping does not list the item', () => {
    const next = structuredClone(fy2567);
    next.oitItems[0] = { ...next.oitItems[0]!, nameTh: 'โครงสร้าง', basis: 'seen' };
    assert.equal(mapItemCode(fy2566, next, 'o1'), 'o1');
  });
});
