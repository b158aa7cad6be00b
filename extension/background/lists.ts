import { createSubscriptions, ListStore, type Subscriptions } from '~~/core/lists';
import { trustKeys } from '~~/core/lists/trust-keys';
import { trustList } from './trust';
import { extensionUrl } from '../platform/url';

/** The sample lists bundled with the extension, so a fresh install shows the demo data. */
export const BUNDLED_LISTS = ['demo-black', 'demo-abnormal', 'demo-red', 'demo-credit-level'];
export const bundledUrl = (id: string) => extensionUrl(`/samples/lists/${id}.ndjson`);
export const isBundled = (url: string) => url.startsWith(extensionUrl('/'));

let store: Promise<ListStore> | undefined;

/** The IndexedDB list store; reopened when the worker wakes up, the data itself lives on disk. */
export function listStore(): Promise<ListStore> {
  store ??= ListStore.open(indexedDB).catch((err) => {
    store = undefined;
    throw err;
  });
  return store;
}

/** Subscriptions over the store: list publishers' keys come from the trust list. Core runs one update at a time. */
export async function subscriptions(): Promise<Subscriptions> {
  return createSubscriptions(await listStore(), {
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
    now: Date.now,
    keys: async (kid) => trustKeys(await trustList())(kid),
  });
}

/** Subscribes the bundled samples once and imports any that never succeeded. */
export async function seedBundled(): Promise<void> {
  const subs = await subscriptions();
  const known = new Map((await subs.all()).map((s) => [s.url, s]));
  for (const id of BUNDLED_LISTS) {
    const url = bundledUrl(id);
    if (known.get(url)?.lastSuccess) continue;
    await subs.add(url);
    await subs.updateNow(url);
  }
}
