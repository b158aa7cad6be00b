import type { CacheEntry, CachePort } from '../../core/sources';
import type { CachedAnswer } from '../../core/sources';

const PREFIX = 'status-cache:';

/** Endpoint answers cached in extension storage, so they outlive the service worker. */
export function storageCache(): CachePort<CachedAnswer> {
  return {
    async get(key) {
      const raw = (await browser.storage.local.get(PREFIX + key))[PREFIX + key] as CacheEntry<CachedAnswer> | undefined;
      return raw && typeof raw.fetchedAt === 'number' && raw.value && typeof raw.value === 'object' ? raw : undefined;
    },
    async set(key, entry) {
      await browser.storage.local.set({ [PREFIX + key]: entry });
    },
  };
}

/** Forgets every cached endpoint answer (options page, 清除数据). */
export async function clearStatusCache(): Promise<void> {
  const keys = Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith(PREFIX));
  if (keys.length) await browser.storage.local.remove(keys);
}
