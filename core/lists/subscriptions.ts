import { ADAPTERS_SUFFIX, dropLapsedAdapterData, importAdapterData, MAX_ADAPTERS_BYTES, type AdapterDataPort, type AdapterImportResult } from './adapters';
import type { KeyLookup } from './checks';
import { applyDelta } from './delta';
import { ListError, toListError } from './errors';
import { importList, type ImportProgress, type ImportResult } from './import';
import { packEdition, type ListStore, type Subscription } from './store';
import { applyPackDelta, packInfo } from './pack-delta';
import { importPack, type PackImportResult } from './pack-import';
import { bytesSource } from './parse';
import { recordPackTimestamp, recordTimestamp, verifyTimestamp, type Freshness, type ListTimestamp } from './timestamp';

/** The largest `.sig` of an adapter data file read (one is about 300 bytes). */
const MAX_SIG_BYTES = 16 * 1024;

/** A subscription URL ending so is a packed list's manifest (pack.ts); any other is an NDJSON list. */
export const PACK_SUFFIX = '.pack.json';

export interface SubscriptionPorts {
  fetch: (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;
  /** Clock in ms. */
  now: () => number;
  keys: KeyLookup;
  /** Time between good checks (default 12 h). */
  intervalMs?: number;
  /** First retry after a failure (default 15 min), doubling up to maxBackoffMs (default 24 h). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Where adapter data files (URLs ending in ADAPTERS_SUFFIX) are kept; without it such a subscription fails. */
  adapters?: AdapterDataPort;
  /** Keys for adapter data files: `adapter-publisher` issuers only (core/trust listKeys with that role). */
  adapterKeys?: KeyLookup;
}

/** How an update went: the import result, which deltas it applied, and what the list's timestamp said. */
export type UpdateOutcome =
  | { url: string; ok: true; result: ImportResult | PackImportResult | AdapterImportResult; deltas?: number[]; freshness?: Freshness; fallback?: { code: string; zh: string; en: string } }
  | { url: string; ok: false; error: { code: string; zh: string; en: string }; freshness?: Freshness };

export interface UpdateOptions {
  /** Importer progress per list URL: bytes read, the signed file size (total), entry lines read. */
  onProgress?: (url: string, progress: ImportProgress) => void;
}

/**
 * Subscribed list URLs. An update first fetches `<url>.timestamp.json` (+ `.sig`) when the publisher serves one:
 * naming the edition in force, nothing else is downloaded and the list is current until it expires. Otherwise it
 * applies `<url>.delta-<version in force>.ndjson` (packs: `.json`, pack-delta.ts) deltas (+ `.sig`) in order while they lead forward, and falls back
 * to the full `<url>` with its `<url>.sig` when a delta is missing or does not apply. Each step is all or nothing.
 * Updates of one database run one at a time, in call order, even across Subscriptions objects. A URL ending in
 * ADAPTERS_SUFFIX is an adapter data file (adapters.ts): fetched whole with its `.sig`, verified, kept through the
 * `adapters` port; removing its subscription removes its data.
 */
export interface Subscriptions {
  add(url: string): Promise<Subscription>;
  remove(url: string): Promise<void>;
  all(): Promise<Subscription[]>;
  /** Checks every subscription whose next check is due, one after another. */
  updateDue(now?: number, options?: UpdateOptions): Promise<UpdateOutcome[]>;
  /** Checks one now, whatever its schedule (after any update already running). */
  updateNow(url: string, options?: UpdateOptions): Promise<UpdateOutcome>;
}

/** Creates the subscription model over the list store; a failed update keeps the old list and records why. */
export function createSubscriptions(store: ListStore, ports: SubscriptionPorts): Subscriptions {
  const interval = ports.intervalMs ?? 12 * 3600_000;
  const base = ports.backoffMs ?? 15 * 60_000;
  const cap = ports.maxBackoffMs ?? 24 * 3600_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  async function fetchOk(url: string): Promise<Response> {
    const res = await ports.fetch(url);
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} for ${url}`);
    return res;
  }

  const bytesOf = async (url: string) => new Uint8Array(await (await fetchOk(url)).arrayBuffer());
  // A small file read only up to `max` bytes: a server that sends more is cut off, not buffered (a worker's memory).
  async function bytesUpTo(url: string, max: number): Promise<Uint8Array> {
    const reader = (await fetchOk(url)).body!.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.length;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw new ListError('bad-adapters', `more than ${max} bytes at ${url}`);
      }
      parts.push(r.value);
    }
    const out = new Uint8Array(size);
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  }
  // A missing optional file (timestamp, delta) is a 404; anything else is an error worth reporting.
  // A fetch that fails outright counts as missing too: freshness then lapses on its own (freshUntil).
  async function optional(url: string): Promise<Uint8Array | undefined> {
    const res = await ports.fetch(url).catch(() => undefined);
    if (!res || res.status === 404) return undefined;
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
    // Firefox answers a missing packaged file with 200 and a body that fails to read (AbortError): missing too.
    return res.arrayBuffer().then((b) => new Uint8Array(b), () => undefined);
  }
  const errorOf = (err: unknown) => {
    const e = toListError(err);
    return { code: e.code, zh: e.zh, en: e.en };
  };

  // Applies deltas from the version in force while they lead towards `wanted`; stops at the first that is missing or
  // does not apply, whose error becomes the outcome's `fallback` (the caller then downloads the full file).
  async function followDeltas(version: number | undefined, wanted: number | undefined, apply: (from: number) => Promise<number | undefined>) {
    const deltas: number[] = [];
    let fallback: ReturnType<typeof errorOf> | undefined;
    while (version !== undefined && wanted !== undefined && version < wanted) {
      try {
        const next = await apply(version);
        if (next === undefined) break;
        deltas.push(next);
        version = next;
      } catch (err) {
        fallback = errorOf(err);
        break;
      }
    }
    return { reached: version !== undefined && wanted !== undefined && version >= wanted, deltas, fallback };
  }

  // A delta and its signature next to the subscribed URL; a missing one is 'delta-mismatch' (the full file is needed).
  async function deltaFiles(url: string, from: number, suffix: string): Promise<[Uint8Array, Uint8Array]> {
    const delta = await optional(`${url}.delta-${from}${suffix}`);
    if (!delta) throw new ListError('delta-mismatch', `no delta from version ${from}`);
    return [delta, await bytesOf(`${url}.delta-${from}${suffix}.sig`)];
  }

  // The list's timestamp when the publisher serves one; one that does not verify proves nothing ('not-current'),
  // and the list itself is still fetched.
  async function timestampOf(url: string): Promise<{ ts?: ListTimestamp; notCurrent?: ListError }> {
    const tsBytes = await optional(`${url}.timestamp.json`);
    if (!tsBytes) return {};
    try {
      return { ts: await verifyTimestamp(tsBytes, await bytesOf(`${url}.timestamp.json.sig`), ports.keys, ports.now()) };
    } catch (err) {
      return { notCurrent: new ListError('not-current', `timestamp: ${toListError(err).en}`) };
    }
  }

  const behind = (ts: ListTimestamp, version: number) => new ListError('not-current', `version ${ts.version} is current, ${version} in force`);

  // A packed list: its timestamp, then pack deltas (`<url>.delta-<version>.json`) or the signed manifest and the
  // filters and digest tables it names (shards only on lookups).
  async function bringPack(url: string, sub: Subscription) {
    const { ts, notCurrent: tsError } = await timestampOf(url);
    const id = ts?.id ?? sub.listId;
    const inForce = async () => {
      const pack = id ? await store.pack(id) : undefined;
      return pack && { pack, version: packEdition(pack).list.version };
    };
    const fetchFile = (file: string) => bytesOf(new URL(file, url).href);
    const { reached, deltas, fallback } = await followDeltas((await inForce())?.version, ts?.version, async (from) => {
      const [delta, sig] = await deltaFiles(url, from, '.json');
      const r = await applyPackDelta(store, delta, sig, fetchFile, { keys: ports.keys, now: ports.now });
      return r.outcome === 'applied' ? r.list.version : undefined;
    });
    let result: PackImportResult;
    if (reached) {
      result = { outcome: deltas.length ? 'imported' : 'unchanged', list: packInfo((await inForce())!.pack) };
    } else {
      const [manifest, sig] = await Promise.all([bytesOf(url), bytesOf(`${url}.sig`)]);
      result = await importPack(store, url, manifest, sig, fetchFile, { keys: ports.keys, now: ports.now });
    }
    const freshness = ts ? await recordPackTimestamp(store, ts) : undefined;
    const notCurrent = freshness === 'behind' ? behind(ts!, result.list.version) : tsError;
    return { result, ...(deltas.length ? { deltas } : {}), ...(freshness ? { freshness } : {}), ...(fallback ? { fallback } : {}), notCurrent };
  }

  // An NDJSON list: its timestamp first, then deltas or the full file; a lapsed or behind list is 'not-current'.
  async function bringList(url: string, sub: Subscription, options: UpdateOptions) {
    const { ts, notCurrent: tsError } = await timestampOf(url);
    const id = ts?.id ?? sub.listId;
    const current = id ? await store.inForce(id) : undefined;
    const { reached, deltas, fallback } = await followDeltas(current?.version, ts?.version, async (from) => {
      const [delta, sig] = await deltaFiles(url, from, '.ndjson');
      const r = await applyDelta(store, bytesSource(delta), sig, { keys: ports.keys, now: ports.now });
      return r.outcome === 'applied' ? r.list.version : undefined;
    });
    let result: ImportResult;
    if (reached) {
      result = { outcome: deltas.length ? 'imported' : 'unchanged', list: (await store.inForce(id!))! } as ImportResult;
    } else {
      const sig = await bytesOf(`${url}.sig`);
      const body = (await fetchOk(url)).body!;
      const onProgress = options.onProgress && ((p: ImportProgress) => options.onProgress!(url, p));
      result = await importList(store, body, sig, { keys: ports.keys, now: ports.now, url, ...(onProgress ? { onProgress } : {}) });
    }
    const freshness = ts ? await recordTimestamp(store, ts) : undefined;
    const notCurrent = freshness === 'behind' ? behind(ts!, result.list.version) : tsError;
    return { result, ...(deltas.length ? { deltas } : {}), ...(freshness ? { freshness } : {}), ...(fallback ? { fallback } : {}), notCurrent };
  }

  // An adapter data file: small, fetched whole with its signature; no timestamp or deltas. Whatever the fetch gives,
  // the file this subscription keeps in force is checked again: expired or its key withdrawn, it goes.
  async function bringAdapters(url: string, sub: Subscription) {
    if (!ports.adapters || !ports.adapterKeys) throw new ListError('bad-adapters', 'this reader keeps no adapter data');
    const [adapters, keys] = [ports.adapters, ports.adapterKeys];
    const lapsed = async () => {
      const kept = sub.listId ? await adapters.get(sub.listId) : undefined;
      const gone = kept?.url === url ? await dropLapsedAdapterData(adapters, kept.data.id, keys, ports.now()) : null;
      // Nothing of this subscription is in force any more: the record no longer names a version.
      if (gone) {
        delete sub.listId;
        delete sub.version;
      }
      return gone;
    };
    let result: AdapterImportResult;
    try {
      const [bytes, sig] = await Promise.all([bytesUpTo(url, MAX_ADAPTERS_BYTES), bytesUpTo(`${url}.sig`, MAX_SIG_BYTES)]);
      result = await importAdapterData(adapters, url, bytes, sig, keys, ports.now());
    } catch (err) {
      await lapsed();
      throw err;
    }
    const gone = await lapsed();
    if (gone) throw gone;
    return { result, notCurrent: undefined };
  }

  async function update(url: string, options: UpdateOptions): Promise<UpdateOutcome> {
    const sub = (await store.getSubscription(url)) ?? { url, nextCheck: iso(ports.now()), failures: 0 };
    const started = ports.now();
    let outcome: UpdateOutcome;
    try {
      const { notCurrent, ...done } = url.endsWith(ADAPTERS_SUFFIX) ? await bringAdapters(url, sub) : url.endsWith(PACK_SUFFIX) ? await bringPack(url, sub) : await bringList(url, sub, options);
      const failures = notCurrent ? sub.failures + 1 : 0;
      // A list that is not current is retried as soon as a failed update would be.
      const next = notCurrent ? started + Math.min(cap, base * 2 ** (failures - 1)) : started + interval;
      Object.assign(sub, { listId: done.result.list.id, version: done.result.list.version, lastSuccess: iso(started), failures, nextCheck: iso(next) });
      delete sub.lastError;
      if (notCurrent) sub.lastError = errorOf(notCurrent);
      outcome = notCurrent ? { url, ok: false, error: sub.lastError!, ...('freshness' in done ? { freshness: done.freshness } : {}) } : { url, ok: true, ...done };
    } catch (err) {
      sub.failures += 1;
      sub.lastError = errorOf(err);
      sub.nextCheck = iso(started + Math.min(cap, base * 2 ** (sub.failures - 1)));
      outcome = { url, ok: false, error: sub.lastError };
    }
    sub.lastCheck = iso(started);
    await store.putSubscription(sub);
    return outcome;
  }

  const updateNow = (url: string, options: UpdateOptions = {}) => store.queue('update', () => update(url, options));

  return {
    async add(url) {
      const existing = await store.getSubscription(url);
      if (existing) return existing;
      const sub: Subscription = { url, nextCheck: iso(ports.now()), failures: 0 };
      await store.putSubscription(sub);
      return sub;
    },
    async remove(url) {
      const sub = await store.getSubscription(url);
      await store.deleteSubscription(url);
      // Adapter data in force came from this subscription only if its recorded source is this URL.
      const kept = url.endsWith(ADAPTERS_SUFFIX) && sub?.listId ? await ports.adapters?.get(sub.listId) : undefined;
      if (kept?.url === url) await ports.adapters!.remove(kept.data.id);
    },
    all: () => store.subscriptions(),
    updateNow,
    async updateDue(now = ports.now(), options = {}) {
      const due = (await store.subscriptions()).filter((s) => Date.parse(s.nextCheck) <= now);
      const out: UpdateOutcome[] = [];
      for (const s of due) out.push(await updateNow(s.url, options));
      return out;
    },
  };
}
