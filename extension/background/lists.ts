import { createSubscriptions, ListStore, type Subscriptions } from '../../core/lists';
import { listKeys } from '../../core/trust';
import { trustList } from './trust';
import { extensionUrl } from '../platform/url';
import { DEMO } from '../platform/edition';

/** The sample lists bundled with the demo build, so a fresh install shows the demo data; a release ships none. */
export const BUNDLED_LISTS = DEMO ? ['demo-black', 'demo-abnormal', 'demo-red', 'demo-credit-level'] : [];
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

/** A packed list's shard, fetched on a filter hit only: its URL names a hash prefix shared by ≥ 100 entries, no code. */
export async function fetchShard(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Subscriptions over the store: list publishers' keys come from the trust list, for their role and publisher id. Core runs one update at a time. */
export async function subscriptions(): Promise<Subscriptions> {
  return createSubscriptions(await listStore(), {
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
    now: Date.now,
    keys: listKeys(trustList, Date.now),
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
