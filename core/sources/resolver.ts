import type { CreditStatus } from '../model/schema';
import type { CachePort } from './cache';
import type { EndpointClient } from './endpoint-client';
import { listExpired, listMatchesToParts, listsVouch, WARNING_KINDS, type ListParts } from './from-lists';
import { assembleStatus, type EndpointPart } from './assemble';
import type { LocalLists } from './ports';
import { normaliseUsccInput } from './protocol';

/** What the cache keeps per endpoint and code: the status, or nothing when the endpoint did not know it. */
export interface CachedAnswer {
  status?: CreditStatus;
}

export interface ResolverPorts {
  lists?: LocalLists;
  endpoints?: readonly EndpointClient[];
  cache: CachePort<CachedAnswer>;
  /** Epoch milliseconds. */
  now: () => number;
}

export interface ResolverPolicy {
  /** An endpoint answer younger than this is used as is (default 1 hour). */
  maxAgeMs?: number;
  /** Past maxAge and within this window it is used at once and refreshed in the background (default 1 day). */
  staleWhileRevalidateMs?: number;
}

/** How one source took part in a resolution. */
export interface SourceReport {
  /** `lists`, or `endpoint:<base>`. */
  source: string;
  /**
   * For `lists`: `fresh` when a black / seriously-dishonest / judgment-defaulter / abnormal list in force has not
   * expired, `stale` when every such list has expired, `failed` when there is none or the store failed.
   */
  state: 'fresh' | 'stale' | 'offline' | 'failed';
  /** When the answer used was fetched (epoch ms); absent for local lists and failures. */
  fetchedAt?: number;
  found: boolean;
  error?: string;
  /** For `lists`: lists in force whose `expires` has passed. */
  expired?: Array<{ id: string; kind: string; expires: string }>;
}

/** What the sources gave for one subject, before assembly (assembleStatus adds a mark to these). */
export interface ResolvedParts {
  lists?: ListParts;
  endpoints: EndpointPart[];
}

export interface Resolution {
  uscc: string;
  /** The sources' parts, so a caller that also holds a genuine mark assembles all of them in one place. */
  parts: ResolvedParts;
  /** Undefined when nothing is known: the verdict is then unknown, never good. */
  status?: CreditStatus;
  /**
   * True when at least one endpoint answered (now or from the cache), or the local lists hold a list of a warning
   * kind (black, seriously-dishonest, judgment-defaulter, abnormal) that has not expired. An expired list cannot
   * vouch that a shop is on no list; its entries still appear in the status.
   */
  listsChecked: boolean;
  /** `offline` when any part is a last known answer kept after a failed refresh; `stale` when refreshing. */
  freshness: 'fresh' | 'stale' | 'offline';
  /** Age in ms of the oldest endpoint answer used (0 when all are fresh from the network or lists only). */
  ageMs: number;
  sources: SourceReport[];
}

export interface Resolver {
  /** Resolves one USCC; concurrent calls for the same code share the work. Never throws. */
  resolve(uscc: string): Promise<Resolution>;
  /**
   * Resolves a name through the local lists only (endpoints take nothing but a code): the first matching line's
   * subject, with `listsChecked` as for a code. Never throws.
   */
  resolveName(name: string): Promise<Pick<Resolution, 'status' | 'parts' | 'listsChecked'>>;
  /** Resolves when background refreshes started so far have finished (tests, shutdown). */
  idle(): Promise<void>;
}

const HOUR = 3_600_000;

/**
 * Local lists first, then each endpoint through the cache (TTL + stale-while-revalidate, last known answer when
 * offline), merged into one credit status with provenance on every part. Failures degrade to unknown.
 */
export function createResolver(ports: ResolverPorts, policy: ResolverPolicy = {}): Resolver {
  const maxAge = policy.maxAgeMs ?? HOUR;
  const swr = policy.staleWhileRevalidateMs ?? 24 * HOUR;
  const inFlight = new Map<string, Promise<Resolution>>();
  const refreshing = new Map<string, Promise<unknown>>();

  // Fetches and caches; a failed write (quota, closed database) must not lose the answer.
  async function fetchAndStore(endpoint: EndpointClient, uscc: string, key: string): Promise<{ value: CachedAnswer; fetchedAt: number }> {
    const answer = await endpoint.get(uscc);
    const entry = { value: answer.found ? { status: answer.status } : {}, fetchedAt: ports.now() };
    await ports.cache.set(key, entry).catch(() => undefined);
    return entry;
  }

  function refreshInBackground(endpoint: EndpointClient, uscc: string, key: string): void {
    if (refreshing.has(key)) return;
    const p = fetchAndStore(endpoint, uscc, key).catch(() => undefined).finally(() => refreshing.delete(key));
    refreshing.set(key, p);
  }

  async function fromEndpoint(endpoint: EndpointClient, uscc: string): Promise<SourceReport & { value?: CachedAnswer }> {
    const source = `endpoint:${endpoint.base}`;
    const key = `${endpoint.base}|${uscc}`;
    const cached = await ports.cache.get(key).catch(() => undefined);
    const age = cached ? ports.now() - cached.fetchedAt : Infinity;
    const report = (state: SourceReport['state'], e: { value: CachedAnswer; fetchedAt: number }) =>
      ({ source, state, fetchedAt: e.fetchedAt, found: e.value.status !== undefined, value: e.value });
    if (cached && age <= maxAge) return report('fresh', cached);
    if (cached && age <= maxAge + swr) {
      refreshInBackground(endpoint, uscc, key);
      return report('stale', cached);
    }
    try {
      return report('fresh', await fetchAndStore(endpoint, uscc, key));
    } catch (err) {
      if (cached) return { ...report('offline', cached), error: (err as Error).message };
      return { source, state: 'failed', found: false, error: (err as Error).message };
    }
  }

  async function fromLists(key: { uscc: string } | { name: string }): Promise<{ report: SourceReport; parts?: ListParts }> {
    if (!ports.lists) return { report: { source: 'lists', state: 'failed', found: false, error: 'no local lists' } };
    try {
      const [matches, lists] = await Promise.all(['uscc' in key ? ports.lists.byUscc(key.uscc) : ports.lists.byName(key.name), ports.lists.lists()]);
      const now = ports.now();
      const parts = listMatchesToParts(matches, now);
      const warning = lists.filter((l) => WARNING_KINDS.has(l.kind));
      const expired = lists.filter((l) => listExpired(l, now)).map(({ id, kind, expires }) => ({ id, kind, expires }));
      const usable = listsVouch(lists, now);
      const report: SourceReport = {
        source: 'lists', state: usable ? 'fresh' : warning.length ? 'stale' : 'failed', found: parts.subject !== undefined,
        ...(usable ? {} : { error: warning.length ? 'every black or abnormal list has expired' : 'no black or abnormal list in force' }),
        ...(expired.length ? { expired } : {}),
      };
      return { report, parts };
    } catch (err) {
      return { report: { source: 'lists', state: 'failed', found: false, error: (err as Error).message } };
    }
  }

  async function run(uscc: string): Promise<Resolution> {
    const [lists, ...endpoints] = await Promise.all([fromLists({ uscc }), ...(ports.endpoints ?? []).map((e) => fromEndpoint(e, uscc))]);
    const now = ports.now();
    const found = endpoints.flatMap((e) => (e.value?.status ? [{ status: e.value.status, fetchedAt: e.fetchedAt ?? now }] : []));
    const answered = [...(lists!.report.state === 'fresh' ? [lists!.report] : []), ...endpoints.filter((r) => r.state !== 'failed')];
    const used = endpoints.filter((e) => e.fetchedAt !== undefined);
    const parts: ResolvedParts = { ...(lists!.parts ? { lists: lists!.parts } : {}), endpoints: found };
    return {
      uscc,
      parts,
      status: assembleStatus({ ...parts, now }),
      listsChecked: answered.length > 0,
      freshness: used.some((e) => e.state === 'offline') ? 'offline' : used.some((e) => e.state === 'stale') ? 'stale' : 'fresh',
      ageMs: Math.max(0, ...used.map((e) => now - e.fetchedAt!)),
      sources: [lists!.report, ...endpoints.map(({ value: _value, ...r }) => r)],
    };
  }

  return {
    resolve(input) {
      const uscc = normaliseUsccInput(input);
      if (!uscc) return Promise.resolve({ uscc: input, parts: { endpoints: [] }, listsChecked: false, freshness: 'fresh', ageMs: 0, sources: [] });
      let p = inFlight.get(uscc);
      if (!p) {
        p = run(uscc).finally(() => inFlight.delete(uscc));
        inFlight.set(uscc, p);
      }
      return p;
    },
    async resolveName(name) {
      const { report, parts } = await fromLists({ name });
      const status = parts && assembleStatus({ lists: parts, now: ports.now() });
      return { ...(status ? { status } : {}), parts: { ...(parts ? { lists: parts } : {}), endpoints: [] }, listsChecked: report.state === 'fresh' };
    },
    async idle() {
      while (refreshing.size > 0) await Promise.all(refreshing.values());
    },
  };
}
