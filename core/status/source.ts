import type { Issuer, TrustList } from '../trust/schema';
import type { StatusCodec } from './bits';
import { verifyStatusList, type StatusListResult } from './verify';

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
}

/** Status lists by issuer: fetched whole, verified, cached with their own expiry; concurrent asks share one fetch. */
export type StatusSource = (issuer: Issuer) => Promise<StatusListResult>;

/**
 * Creates the status-list source for verifyMark (widget and extension). A list is reused until the earlier of its
 * `expires` and `maxAgeMs` after fetching; an unreachable, invalid or stale list answers an error (status unknown).
 */
export function createStatusSource(ports: StatusSourcePorts): StatusSource {
  const maxAge = ports.maxAgeMs ?? 3600_000;
  const retry = ports.retryMs ?? 60_000;
  const cache = new Map<string, { until: number; result: Promise<StatusListResult> }>();

  async function load(issuer: Issuer, url: string): Promise<StatusListResult> {
    let text: string;
    try {
      const res = await ports.fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = (await res.text()).trim();
    } catch (err) {
      return { ok: false, error: 'unreachable', detail: (err as Error).message };
    }
    return verifyStatusList(text, { trust: await ports.trust(), issuer, now: ports.now(), ...(ports.codec ? { codec: ports.codec } : {}) });
  }

  return (issuer) => {
    const url = issuer.statusList;
    if (!url) return Promise.resolve({ ok: false, error: 'unreachable', detail: `${issuer.id} declares no status list` });
    const now = ports.now();
    const hit = cache.get(url);
    if (hit && now < hit.until) return hit.result;
    const result = load(issuer, url);
    const entry = { until: now + retry, result };
    cache.set(url, entry);
    void result.then((r) => {
      entry.until = r.ok ? Math.min(Date.parse(r.expires), now + maxAge) : now + retry;
    });
    return result;
  };
}
