import type { Issuer, TrustList } from '../trust/schema';
import type { StatusCodec } from './bits';
import { verifyStatusList, type StatusBitsCache, type StatusListResult } from './verify';

export interface StatusSourcePorts {
  /** Fetches the whole list (never a per-mark query: the issuer must not learn which mark was looked at). */
  fetch: (url: string) => Promise<Response>;
  /** ms since the epoch. */
  now: () => number;
  trust: () => TrustList | Promise<TrustList>;
  codec?: StatusCodec;
  /** Longest a verified list is reused before it is fetched again (default 1 h); never past the list's own `expires`. */
  maxAgeMs?: number;
  /** How long a failure is remembered before the next try (default 1 min). */
  retryMs?: number;
  /**
   * Where verified lists outlive this source (the extension's worker restarts often): the signed text as fetched and
   * when (ms). A saved list is verified again like a fetched one and used only within `maxAgeMs` of its fetch.
   */
  saved?: SavedStatusLists;
}

/** A keeping place for fetched status lists, by URL; failures to read or write only cost a fetch. */
export interface SavedStatusLists {
  read(url: string): Promise<{ text: string; at: number } | undefined>;
  write(url: string, text: string, at: number): Promise<void>;
}

/**
 * Status lists by issuer: fetched whole, verified, cached with their own expiry; concurrent asks share one fetch. A
 * check against a list already fetched reads the cached bits; a list fetched again unchanged is not decompressed again.
 */
export type StatusSource = ((issuer: Issuer) => Promise<StatusListResult>) & {
  /** The answer already at hand for this issuer's list (fetched, not past its reuse time), without waiting; else undefined. */
  fresh?: (issuer: Issuer) => StatusListResult | undefined;
};

/**
 * Creates the status-list source for verifyMark (widget and extension). A list is reused until the earlier of its
 * `expires` and `maxAgeMs` after fetching; an unreachable, invalid or stale list answers an error (status unknown).
 */
export function createStatusSource(ports: StatusSourcePorts): StatusSource {
  const maxAge = ports.maxAgeMs ?? 3600_000;
  const retry = ports.retryMs ?? 60_000;
  const cache = new Map<string, { until: number; result: Promise<StatusListResult>; value?: StatusListResult }>();
  // The last list version's bits per URL: one entry each, so a list that changes never piles up.
  const versions = new Map<string, { key: string; bits: Uint8Array }>();
  const bitsOf = (url: string): StatusBitsCache => ({
    get: (key) => (versions.get(url)?.key === key ? versions.get(url)!.bits : undefined),
    set: (key, bits) => void versions.set(url, { key, bits }),
  });

  const verify = async (issuer: Issuer, url: string, text: string) =>
    verifyStatusList(text, { trust: await ports.trust(), issuer, now: ports.now(), cache: bitsOf(url), ...(ports.codec ? { codec: ports.codec } : {}) });

  /** The list and when it was fetched: a saved one still within its reuse time, else a fresh fetch (saved when valid). */
  async function load(issuer: Issuer, url: string): Promise<{ result: StatusListResult; at: number }> {
    const kept = await ports.saved?.read(url).catch(() => undefined);
    if (kept && kept.at <= ports.now() && ports.now() < kept.at + maxAge) {
      const result = await verify(issuer, url, kept.text);
      if (result.ok) return { result, at: kept.at };
    }
    const at = ports.now();
    let text: string;
    try {
      const res = await ports.fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = (await res.text()).trim();
    } catch (err) {
      return { result: { ok: false, error: 'unreachable', detail: (err as Error).message }, at };
    }
    const result = await verify(issuer, url, text);
    if (result.ok) await ports.saved?.write(url, text, at).catch(() => undefined);
    return { result, at };
  }

  const source: StatusSource = (issuer) => {
    const url = issuer.statusList;
    if (!url) return Promise.resolve({ ok: false, error: 'unreachable', detail: `${issuer.id} declares no status list` });
    const now = ports.now();
    const hit = cache.get(url);
    if (hit && now < hit.until) return hit.result;
    const loaded = load(issuer, url);
    const result = loaded.then((l) => l.result);
    const entry: { until: number; result: Promise<StatusListResult>; value?: StatusListResult } = { until: now + retry, result };
    cache.set(url, entry);
    void loaded.then(({ result: r, at }) => {
      entry.value = r;
      entry.until = r.ok ? Math.min(Date.parse(r.expires), at + maxAge) : now + retry;
    });
    return result;
  };
  source.fresh = (issuer) => {
    const hit = issuer.statusList ? cache.get(issuer.statusList) : undefined;
    return hit?.value && ports.now() < hit.until ? hit.value : undefined;
  };
  return source;
}
