import { createSubscriptions, ListStore, type Subscriptions } from '~~/core/lists';
import { findKey } from '~~/core/trust';
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

let queue: Promise<unknown> = Promise.resolve();

/** Runs list imports one at a time: they share one staging area, and two at once would clear each other's rows. */
export function serially<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Subscriptions over the store: list publishers' keys come from the trust list; onBytes sees each list download. */
export async function subscriptions(onBytes?: (url: string, read: number, total: number | undefined) => void): Promise<Subscriptions> {
  return createSubscriptions(await listStore(), {
    fetch: async (url, init) => {
      const res = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
      return onBytes && !url.endsWith('.sig') ? countingBody(res, (read, total) => onBytes(url, read, total)) : res;
    },
    now: Date.now,
    keys: async (kid) => {
      const found = findKey(await trustList(), kid, Date.now());
      return 'error' in found ? { error: `key ${kid}: ${found.error}` } : { key: found.key };
    },
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
    await serially(() => subs.updateNow(url));
  }
}

/** The same response, its body counted as the importer reads it (Content-Length gives the total when sent). */
function countingBody(res: Response, onRead: (read: number, total: number | undefined) => void): Response {
  if (!res.body) return res;
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  let read = 0;
  const body = res.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, out) {
      read += chunk.byteLength;
      onRead(read, total);
      out.enqueue(chunk);
    },
  }));
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
