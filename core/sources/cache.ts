/** A cached value and when it was fetched (epoch ms). */
export interface CacheEntry<T> {
  value: T;
  fetchedAt: number;
}

/** A small key-value cache: memory in core and tests, IndexedDB in the extension. */
export interface CachePort<T> {
  get(key: string): Promise<CacheEntry<T> | undefined>;
  set(key: string, entry: CacheEntry<T>): Promise<void>;
}

/** In-memory cache that keeps at most `maxEntries`, dropping the oldest written first. */
export function memoryCache<T>(maxEntries = 1000): CachePort<T> {
  const map = new Map<string, CacheEntry<T>>();
  return {
    async get(key) {
      return map.get(key);
    },
    async set(key, entry) {
      map.delete(key);
      map.set(key, entry);
      while (map.size > maxEntries) map.delete(map.keys().next().value as string);
    },
  };
}
