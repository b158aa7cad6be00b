import { storage } from '#imports';
import { AdapterDataFile, createSubscriptions, ListStore, type AdapterDataPort, type StoredAdapterData, type Subscriptions } from '../../core/lists';
import { listKeys } from '../../core/trust';
import { SITES, type SiteAdapter } from '../sites';
import { ADAPTER_DATA_KEY, mergeSites } from '../sites/merge';
import { syncAdapterProbe } from './adapter-probe';
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

/** Adapter data files in force (docs/adapter-data.md), by file id: extension storage, so the content script reads them. */
const adapterData = storage.defineItem<Record<string, StoredAdapterData>>(`local:${ADAPTER_DATA_KEY}`, { fallback: {} });

/** The subscriptions' adapter data port; every change re-registers the probe that looks for the files' selectors. */
export const adapterPort: AdapterDataPort = {
  get: async (id) => (await adapterData.getValue())[id],
  async put(file) {
    await adapterData.setValue({ ...(await adapterData.getValue()), [file.data.id]: file });
    await syncAdapterProbe(true).catch(() => undefined);
  },
  async remove(id) {
    const { [id]: _gone, ...rest } = await adapterData.getValue();
    await adapterData.setValue(rest);
    await syncAdapterProbe(Object.keys(rest).length > 0).catch(() => undefined);
  },
};

/** The adapter data files in force by file id, each stored file checked again (another version of the extension may have written it). */
export async function adapterDataInForce(): Promise<Record<string, StoredAdapterData>> {
  const stored = await adapterData.getValue().catch(() => ({}));
  return Object.fromEntries(Object.entries(stored).filter(([, f]) => AdapterDataFile.safeParse(f?.data).success));
}

/**
 * The adapters as the background applies them (shop pages, licence links): the bundled ones with the adapter data in
 * force (`files`, else read now) laid over them. Selectors are not run here, so none is refused for not parsing.
 */
export async function currentSites(files?: Record<string, StoredAdapterData>): Promise<readonly SiteAdapter[]> {
  return mergeSites(SITES, files ?? (await adapterDataInForce()), () => true);
}

/** Whether any adapter data is in force (the probe is registered then). */
export const hasAdapterData = async (): Promise<boolean> => Object.keys(await adapterData.getValue()).length > 0;

/**
 * Subscriptions over the store: list publishers' keys come from the trust list, for their role and publisher id;
 * adapter data files take adapter publishers' keys. Core runs one update at a time.
 */
export async function subscriptions(): Promise<Subscriptions> {
  return createSubscriptions(await listStore(), {
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
    now: Date.now,
    keys: listKeys(trustList, Date.now),
    adapters: adapterPort,
    adapterKeys: listKeys(trustList, Date.now, 'adapter-publisher'),
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
