import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache } from './ttl-cache.js';

function cacheWithClock(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { now: 1_000 };
  const cache = new TtlCache<string, string | null>({
    ttlMs: options.ttlMs ?? 100,
    maxEntries: options.maxEntries ?? 10,
    now: () => clock.now,
  });
  return { cache, clock };
}

void describe('TtlCache', () => {
  void it('serves a value up to the last millisecond of its lifetime and not at its end', () => {
    const { cache, clock } = cacheWithClock({ ttlMs: 100 });
    cache.set('a', 'A');
    clock.now += 99;
    assert.equal(cache.get('a'), 'A');
    assert.equal(cache.has('a'), true);
    clock.now += 1;
    assert.equal(cache.get('a'), undefined, 'stale exactly ttlMs after it was stored');
    assert.equal(cache.has('a'), false);
    assert.deepEqual(cache.peek('a'), { value: 'A', expiresAt: 1_100 }, 'peek still shows it');
  });

  void it('never serves a value stored with a lifetime of 0', () => {
    const { cache } = cacheWithClock();
    cache.set('a', 'A', 0);
    assert.equal(cache.get('a'), undefined);
  });

  void it('counts a lifetime from the last store, and a per-call lifetime overrides the default', () => {
    const { cache, clock } = cacheWithClock({ ttlMs: 100 });
    cache.set('a', 'old');
    clock.now += 80;
    cache.set('a', 'new');
    clock.now += 80;
    assert.equal(cache.get('a'), 'new', '160 ms after the first store, 80 after the second');
    cache.set('b', 'B', 1_000);
    clock.now += 500;
    assert.equal(cache.get('b'), 'B');
    assert.equal(cache.get('a'), undefined);
  });

  void it('tells a cached miss (null) from an absent or stale key', () => {
    const { cache, clock } = cacheWithClock({ ttlMs: 100 });
    cache.set('none', null);
    assert.equal(cache.get('none'), null);
    assert.equal(cache.has('none'), true);
    assert.equal(cache.has('other'), false);
    clock.now += 100;
    assert.equal(cache.has('none'), false);
  });

  void it('drops the oldest stored key when full, and a re-stored key counts as new', () => {
    const { cache } = cacheWithClock({ maxEntries: 3 });
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    cache.set('b', 'B2');
    assert.deepEqual(
      ['a', 'b', 'c'].map((k) => cache.get(k)),
      ['A', 'B2', 'C'],
      'storing a held key again evicts nothing',
    );
    cache.set('d', 'D');
    assert.equal(cache.size, 3);
    assert.equal(cache.get('a'), undefined, 'a was the oldest stored');
    assert.deepEqual(
      ['b', 'c', 'd'].map((k) => cache.get(k)),
      ['B2', 'C', 'D'],
    );
  });

  void it('loads once while fresh, again once stale, and keeps nothing from a failed load', async () => {
    const { cache, clock } = cacheWithClock({ ttlMs: 100 });
    let loads = 0;
    const load = () => Promise.resolve(`v${++loads}`);
    assert.equal(await cache.getOrLoad('k', load), 'v1');
    clock.now += 99;
    assert.equal(await cache.getOrLoad('k', load), 'v1');
    clock.now += 1;
    assert.equal(await cache.getOrLoad('k', load), 'v2');
    await assert.rejects(cache.getOrLoad('x', () => Promise.reject(new Error('db down'))));
    assert.equal(cache.has('x'), false);
    assert.equal(await cache.getOrLoad('x', load), 'v3', 'the next call tries again');
  });

  void it('caches a loaded miss (null) instead of asking again', async () => {
    const { cache } = cacheWithClock();
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve(null);
    };
    await cache.getOrLoad('unknown-host', load);
    assert.equal(await cache.getOrLoad('unknown-host', load), null);
    assert.equal(loads, 1);
  });

  void it('refuses a lifetime or a size that cannot work', () => {
    assert.throws(() => new TtlCache({ ttlMs: -1, maxEntries: 1 }), RangeError);
    assert.throws(() => new TtlCache({ ttlMs: 1, maxEntries: 0 }), RangeError);
    assert.throws(() => new TtlCache({ ttlMs: Number.NaN, maxEntries: 1 }), RangeError);
  });
});
