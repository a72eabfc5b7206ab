/** What a TtlCache keeps for a key: the value and the instant (ms) from which it is stale. */
export interface TtlEntry<V> {
  value: V;
  expiresAt: number;
}

export interface TtlCacheOptions {
  /** How long a value stays fresh, in ms, unless `set` is given another lifetime. */
  ttlMs: number;
  /** At most this many keys; storing one more drops the oldest stored. */
  maxEntries: number;
  /** The clock, in ms (tests pass a fake one); Date.now by default. */
  now?: () => number;
}

/**
 * A small in-memory cache whose values go stale after a fixed time: the one way Prongsai keeps
 * a database row or a rendered page for a few seconds to spare a hot path (host names, agency
 * slugs, survey campaigns, "same for anyone" pages, the shared page cache).
 *
 * Freshness is strict: a value stored at t with lifetime L is fresh while now < t + L, and
 * stale from t + L on, so a lifetime of 0 never serves. A stale value is not removed by
 * reading it; it is overwritten by the next `set` or pushed out by newer ones, and `peek`
 * still shows it (a cache that serves stale pages while one request renders the new one).
 *
 * Memory is bounded by `maxEntries`: storing a new key into a full cache drops the oldest
 * stored key first (storing a key again makes it the newest). The caches this replaced
 * cleared everything when full, which made every visitor miss at once; dropping the oldest
 * keeps the hot keys, which were stored last.
 *
 * Each server process has its own copy: a change made through another process shows here
 * within one lifetime, which is why every lifetime is seconds, never minutes.
 *
 * @example
 * const slugs = new TtlCache<string, AgencyRow | undefined>({ ttlMs: 5_000, maxEntries: 10_000 });
 * const agency = await slugs.getOrLoad(slug, () => findAgencyBySlug(db, slug));
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, TtlEntry<V>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor({ ttlMs, maxEntries, now = Date.now }: TtlCacheOptions) {
    if (!(ttlMs >= 0) || !(maxEntries >= 1)) {
      throw new RangeError(`TtlCache: ttlMs ${ttlMs} and maxEntries ${maxEntries}`);
    }
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.now = now;
  }

  /** How many keys are held, stale ones included. */
  get size(): number {
    return this.entries.size;
  }

  /** The value of `key` while fresh; undefined when absent or stale. */
  get(key: K, now = this.now()): V | undefined {
    const entry = this.entries.get(key);
    return entry && now < entry.expiresAt ? entry.value : undefined;
  }

  /** Whether `key` holds a fresh value (which may itself be undefined or null: a cached miss). */
  has(key: K, now = this.now()): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && now < entry.expiresAt;
  }

  /** What is stored for `key`, fresh or stale, with its expiry; the caller decides. */
  peek(key: K): TtlEntry<V> | undefined {
    return this.entries.get(key);
  }

  /** Stores `value`, fresh for `ttlMs` (the cache's lifetime unless given) from `now`. */
  set(key: K, value: V, ttlMs = this.ttlMs, now = this.now()): void {
    // Deleted first so that the key becomes the newest: Map keeps insertion order, and the
    // eviction below takes the first key, the one stored longest ago.
    if (!this.entries.delete(key) && this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, { value, expiresAt: now + ttlMs });
  }

  /**
   * The fresh value of `key`, or the one `load` gives, stored for next time. A load that
   * throws stores nothing, so the next call tries again. Two calls that miss at the same
   * time both load; the later result is the one kept (loads here are single-row reads).
   */
  async getOrLoad(key: K, load: () => Promise<V>, now = this.now()): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && now < entry.expiresAt) return entry.value;
    const value = await load();
    this.set(key, value, this.ttlMs, now);
    return value;
  }

  /** Forgets `key`. */
  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Forgets every entry whose value matches (expired or not): one tenant's pages, say. */
  deleteWhere(matches: (value: V, key: K) => boolean): void {
    for (const [key, entry] of this.entries)
      if (matches(entry.value, key)) this.entries.delete(key);
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }
}
