import { storage } from '#imports';
import { createStatusSource, type SavedStatusLists } from '../../core/status';
import { trustList } from './trust';

// Issuers declare one list each: a handful of entries, never one per shop or page.
const MAX_SAVED = 32;
const saved = storage.defineItem<Record<string, { text: string; at: number }>>('session:statusLists', { fallback: {} });

/**
 * Fetched lists kept in the browser's session storage (cleared when the browser closes, not readable by pages or
 * content scripts): a worker that wakes up verifies the saved list again instead of fetching it again.
 */
const sessionLists: SavedStatusLists = {
  read: async (url) => (await saved.getValue())[url],
  async write(url, text, at) {
    const all = { ...(await saved.getValue()), [url]: { text, at } };
    const urls = Object.keys(all).sort((a, b) => all[b]!.at - all[a]!.at);
    await saved.setValue(Object.fromEntries(urls.slice(0, MAX_SAVED).map((u) => [u, all[u]!])));
  },
};

/**
 * Issuers' status lists for mark checks: each fetched whole (no cookies, so the issuer learns nothing about the
 * shopper or the shop), verified, reused until its own expiry or an hour, across worker restarts.
 */
export const markStatus = createStatusSource({
  fetch: (url) => fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer' }),
  now: Date.now,
  trust: trustList,
  saved: sessionLists,
});
