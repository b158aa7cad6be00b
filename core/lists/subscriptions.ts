import type { KeyLookup } from './checks';
import { toListError } from './errors';
import { importList, type ImportProgress, type ImportResult } from './import';
import type { ListStore, Subscription } from './store';

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
}

export type UpdateOutcome = { url: string; ok: true; result: ImportResult } | { url: string; ok: false; error: { code: string; zh: string; en: string } };

export interface UpdateOptions {
  /** Importer progress per list URL: bytes read, the signed file size (total), entry lines read. */
  onProgress?: (url: string, progress: ImportProgress) => void;
}

/**
 * Subscribed list URLs; each update imports `<url>` with its `<url>.sig`, all or nothing. Updates of one database
 * run one at a time, in call order, even across Subscriptions objects.
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

  async function update(url: string, options: UpdateOptions): Promise<UpdateOutcome> {
    const sub = (await store.getSubscription(url)) ?? { url, nextCheck: iso(ports.now()), failures: 0 };
    const started = ports.now();
    let outcome: UpdateOutcome;
    try {
      const sig = new Uint8Array(await (await fetchOk(`${url}.sig`)).arrayBuffer());
      const body = (await fetchOk(url)).body!;
      const onProgress = options.onProgress && ((p: ImportProgress) => options.onProgress!(url, p));
      const result = await importList(store, body, sig, { keys: ports.keys, now: ports.now, url, ...(onProgress ? { onProgress } : {}) });
      Object.assign(sub, { listId: result.list.id, version: result.list.version, lastSuccess: iso(started), failures: 0, nextCheck: iso(started + interval) });
      delete sub.lastError;
      outcome = { url, ok: true, result };
    } catch (err) {
      const e = toListError(err);
      sub.failures += 1;
      sub.lastError = { code: e.code, zh: e.zh, en: e.en };
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
    remove: (url) => store.deleteSubscription(url),
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
