import { decideVerdict } from '../../../../core/verdict';
import { CreditStatus } from '../../../../core/model';
import { createResolver, EndpointError, memoryCache, type CachedAnswer, type EndpointAnswer, type EndpointClient } from '../../../../core/sources';
import { blackMatch, levelMatch, memoryLists, sampleStatus, USCC, USCC2 } from './fixtures';

const T0 = Date.parse('2026-11-21T08:00:00Z');
const MIN = 60_000;

/** A fake endpoint client whose answers are set per test; counts calls. */
function fakeEndpoint(answer: () => Promise<EndpointAnswer>): EndpointClient & { calls: number } {
  const e = {
    base: 'https://credit.example.cn',
    calls: 0,
    get: async () => (e.calls++, answer()),
    batch: async () => [],
  };
  return e;
}

function clock(start = T0) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('resolver', () => {
  it('combines local lists and an endpoint into one valid status with provenance on every part', async () => {
    const c = clock();
    const endpoint = fakeEndpoint(async () => ({ found: true, status: sampleStatus(USCC, new Date(T0 - 5 * MIN).toISOString()) }));
    const r = await createResolver({ lists: memoryLists([blackMatch(), levelMatch()]), endpoints: [endpoint], cache: memoryCache(), now: c.now }).resolve(USCC);
    expect(CreditStatus.safeParse(r.status).success).toBe(true);
    expect(r.listsChecked).toBe(true);
    expect(r.freshness).toBe('fresh');
    const s = r.status!;
    expect(s.subject.provenance.source).toBe('endpoint:https://credit.example.cn');
    expect(s.licence?.status).toBe('存续');
    expect(s.listEntries.map((e) => [e.list, e.provenance.source, e.provenance.sourceName, e.provenance.retrievedAt]))
      .toEqual([['black', 'list:demo-black@v3', '示例市信用办', '2026-11-02T03:04:05Z']]);
    // The same tax level from the list and the endpoint appears once, the endpoint's copy (endpoints come first).
    expect(s.creditLevels).toHaveLength(1);
    expect(s.creditLevels[0]!.provenance.source).toBe('endpoint:https://credit.example.cn');
    // asOf is the oldest assembly time: the endpoint's own asOf.
    expect(s.asOf).toBe(new Date(T0 - 5 * MIN).toISOString());
    expect(r.sources.map((x) => [x.source, x.state, x.found])).toEqual([['lists', 'fresh', true], ['endpoint:https://credit.example.cn', 'fresh', true]]);
    expect(decideVerdict({ status: s, listsChecked: r.listsChecked, now: c.t }).level).toBe('danger');
  });

  it('builds the subject from the lists alone when no endpoint is set', async () => {
    const r = await createResolver({ lists: memoryLists([blackMatch()]), cache: memoryCache(), now: () => T0 }).resolve(USCC);
    expect(r.status?.subject).toEqual({ uscc: USCC, name: '示例科技有限公司', kind: 'company', provenance: { source: 'list:demo-black@v3', sourceName: '示例市信用办', retrievedAt: '2026-11-02T03:04:05Z', issued: '2026-11-01T00:00:00Z', expires: '2026-12-01T00:00:00Z' } });
    expect(r.status?.asOf).toBe(new Date(T0).toISOString());
  });

  it('says unknown, never good, when nothing is known', async () => {
    const endpoint = fakeEndpoint(async () => ({ found: false }));
    const r = await createResolver({ lists: memoryLists([]), endpoints: [endpoint], cache: memoryCache(), now: () => T0 }).resolve(USCC);
    expect(r.status).toBeUndefined();
    expect(r.listsChecked).toBe(true);
    expect(decideVerdict({ status: r.status, listsChecked: r.listsChecked, now: T0 }).level).toBe('unknown');
  });

  it('degrades to unknown when every source fails', async () => {
    const lists = { byUscc: async () => { throw new Error('database closed'); }, byName: async () => [], lists: async () => [] };
    const endpoint = fakeEndpoint(async () => { throw new EndpointError('network', 'offline'); });
    const r = await createResolver({ lists, endpoints: [endpoint], cache: memoryCache(), now: () => T0 }).resolve(USCC);
    expect(r.status).toBeUndefined();
    expect(r.listsChecked).toBe(false);
    expect(r.sources.map((s) => [s.state, s.error])).toEqual([['failed', 'database closed'], ['failed', 'offline']]);
    expect(decideVerdict({ status: r.status, listsChecked: r.listsChecked, now: T0 }).level).toBe('unknown');
  });

  it('keeps the local lists when the endpoint fails', async () => {
    const endpoint = fakeEndpoint(async () => { throw new EndpointError('garbled', 'garbled answer'); });
    const r = await createResolver({ lists: memoryLists([blackMatch()]), endpoints: [endpoint], cache: memoryCache(), now: () => T0 }).resolve(USCC);
    expect(r.status?.listEntries).toHaveLength(1);
    expect(r.sources[1]).toMatchObject({ state: 'failed', error: 'garbled answer' });
  });

  it('answers from the cache within the TTL without asking again', async () => {
    const c = clock();
    const endpoint = fakeEndpoint(async () => ({ found: true, status: sampleStatus(USCC, new Date(c.t).toISOString()) }));
    const resolver = createResolver({ endpoints: [endpoint], cache: memoryCache(), now: c.now }, { maxAgeMs: 10 * MIN });
    await resolver.resolve(USCC);
    c.t += 9 * MIN;
    const r = await resolver.resolve(USCC);
    expect(endpoint.calls).toBe(1);
    expect(r.freshness).toBe('fresh');
    expect(r.ageMs).toBe(9 * MIN);
  });

  it('serves a stale answer at once and refreshes it in the background', async () => {
    const c = clock();
    let level = 'A';
    const endpoint = fakeEndpoint(async () => {
      const s = sampleStatus(USCC, new Date(c.t).toISOString());
      return { found: true, status: { ...s, creditLevels: [{ ...s.creditLevels[0]!, level }] } };
    });
    const resolver = createResolver({ endpoints: [endpoint], cache: memoryCache(), now: c.now }, { maxAgeMs: 10 * MIN, staleWhileRevalidateMs: 60 * MIN });
    await resolver.resolve(USCC);
    level = 'B';
    c.t += 30 * MIN;
    const stale = await resolver.resolve(USCC);
    expect(stale.freshness).toBe('stale');
    expect(stale.status?.creditLevels[0]!.level).toBe('A');
    await resolver.idle();
    expect(endpoint.calls).toBe(2);
    const fresh = await resolver.resolve(USCC);
    expect(fresh.freshness).toBe('fresh');
    expect(fresh.status?.creditLevels[0]!.level).toBe('B');
    expect(endpoint.calls).toBe(2);
  });

  it('fetches again past the stale window', async () => {
    const c = clock();
    const endpoint = fakeEndpoint(async () => ({ found: true, status: sampleStatus(USCC, new Date(c.t).toISOString()) }));
    const resolver = createResolver({ endpoints: [endpoint], cache: memoryCache(), now: c.now }, { maxAgeMs: MIN, staleWhileRevalidateMs: MIN });
    await resolver.resolve(USCC);
    c.t += 3 * MIN;
    const r = await resolver.resolve(USCC);
    expect(endpoint.calls).toBe(2);
    expect(r.freshness).toBe('fresh');
    expect(r.ageMs).toBe(0);
  });

  it('answers offline from the last known state, marked with its age, and the verdict sees it as stale', async () => {
    const c = clock();
    let online = true;
    const endpoint = fakeEndpoint(async () => {
      if (!online) throw new EndpointError('network', 'offline');
      return { found: true, status: { ...sampleStatus(USCC, new Date(c.t).toISOString()), listEntries: [{ list: 'red', reason: '守信激励', authority: '示例市信用办', since: '2026-01-01', provenance: { source: 'endpoint:https://credit.example.cn', retrievedAt: new Date(c.t).toISOString() } }] } };
    });
    const cache = memoryCache<CachedAnswer>();
    await createResolver({ endpoints: [endpoint], cache, now: c.now }).resolve(USCC);
    online = false;
    c.t += 10 * 24 * 60 * MIN;
    const r = await createResolver({ endpoints: [endpoint], cache, now: c.now }).resolve(USCC);
    expect(r.freshness).toBe('offline');
    expect(r.ageMs).toBe(10 * 24 * 60 * MIN);
    expect(r.sources[1]).toMatchObject({ state: 'offline', fetchedAt: T0, error: 'offline' });
    expect(r.status?.asOf).toBe(new Date(T0).toISOString());
    const v = decideVerdict({ status: r.status, listsChecked: r.listsChecked, now: c.t });
    expect(v.level).toBe('unknown');
    expect(v.reasons[0]!.code).toBe('data.stale');
  });

  it('remembers "not found" too, within the TTL', async () => {
    const endpoint = fakeEndpoint(async () => ({ found: false }));
    const resolver = createResolver({ endpoints: [endpoint], cache: memoryCache(), now: () => T0 });
    await resolver.resolve(USCC);
    const r = await resolver.resolve(USCC);
    expect(endpoint.calls).toBe(1);
    expect(r.status).toBeUndefined();
  });

  it('shares in-flight lookups of the same code', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const endpoint = fakeEndpoint(async () => (await gate, { found: true, status: sampleStatus() }));
    const lists = memoryLists([]);
    const resolver = createResolver({ lists, endpoints: [endpoint], cache: memoryCache(), now: () => T0 });
    const all = Promise.all([resolver.resolve(USCC), resolver.resolve(USCC.toLowerCase()), resolver.resolve(USCC2)]);
    release();
    const [a, b] = await all;
    expect(a).toBe(b);
    expect(lists.calls).toBe(2);
  });

  it('survives a cache that fails', async () => {
    const endpoint = fakeEndpoint(async () => ({ found: true, status: sampleStatus() }));
    const cache = { get: async () => { throw new Error('quota'); }, set: async () => { throw new Error('quota'); } };
    const r = await createResolver({ endpoints: [endpoint], cache, now: () => T0 }).resolve(USCC);
    expect(r.status?.subject.uscc).toBe(USCC);
  });

  it('answers unknown for input that is not a USCC, asking nobody', async () => {
    const endpoint = fakeEndpoint(async () => ({ found: false }));
    const r = await createResolver({ endpoints: [endpoint], cache: memoryCache(), now: () => T0 }).resolve('hello');
    expect(r.status).toBeUndefined();
    expect(r.listsChecked).toBe(false);
    expect(endpoint.calls).toBe(0);
  });
});

describe('memoryCache', () => {
  it('keeps the newest entries up to its size', async () => {
    const cache = memoryCache<number>(2);
    await cache.set('a', { value: 1, fetchedAt: 1 });
    await cache.set('b', { value: 2, fetchedAt: 2 });
    await cache.set('a', { value: 3, fetchedAt: 3 });
    await cache.set('c', { value: 4, fetchedAt: 4 });
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toEqual({ value: 3, fetchedAt: 3 });
    expect(await cache.get('c')).toEqual({ value: 4, fetchedAt: 4 });
  });
});
