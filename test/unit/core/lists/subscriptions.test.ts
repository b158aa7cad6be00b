import { singleKey } from '../../../../core/lists/checks';
import { idbLocalLists } from '../../../../core/lists/local-lists';
import type { ImportProgress } from '../../../../core/lists/import';
import { createSubscriptions } from '../../../../core/lists/subscriptions';
import { NOW, demoKeys, entry, header, openStore, signed } from './support';

const URL_ = 'https://lists.example.cn/demo-black.ndjson';

async function setup() {
  const store = await openStore();
  const files = new Map<string, Uint8Array | string>();
  let clock = NOW;
  const fetch = async (url: string) => {
    const body = files.get(url);
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body as BodyInit);
  };
  const subs = createSubscriptions(store, { fetch, now: () => clock, keys: singleKey((await demoKeys()).publicJwk), intervalMs: 3600_000, backoffMs: 60_000 });
  const publish = async (version: number, ids: number[]) => {
    const { file, sig } = await signed(header({ version }), ids.map(entry));
    files.set(URL_, file);
    files.set(`${URL_}.sig`, sig);
  };
  return { store, subs, publish, files, tick: (ms: number) => (clock += ms), lists: idbLocalLists(store) };
}

describe('subscriptions', () => {
  it('imports a subscribed list when due and schedules the next check', async () => {
    const { subs, publish, lists } = await setup();
    await publish(1, [1, 2]);
    await subs.add(URL_);
    const [out] = await subs.updateDue();
    expect(out).toMatchObject({ ok: true, result: { outcome: 'imported' } });
    expect(await lists.byUscc(entry(1).uscc)).toHaveLength(1);
    const [sub] = await subs.all();
    expect(sub).toMatchObject({ url: URL_, listId: 'demo-black', version: 1, failures: 0, nextCheck: new Date(NOW + 3600_000).toISOString() });
    expect(await subs.updateDue()).toEqual([]);
  });

  it('keeps the old list on failure, records the error and backs off, doubling', async () => {
    const { subs, publish, files, tick, lists } = await setup();
    await publish(1, [1]);
    await subs.updateNow(URL_);
    await publish(2, [2]);
    const full = files.get(URL_) as Uint8Array;
    files.set(URL_, full.subarray(0, full.length - 30));
    tick(3600_000);
    const [bad] = await subs.updateDue();
    expect(bad).toMatchObject({ ok: false, error: { code: 'digest-mismatch' } });
    expect(await lists.byUscc(entry(1).uscc)).toHaveLength(1);
    let [sub] = await subs.all();
    expect(sub).toMatchObject({ version: 1, failures: 1, lastError: { code: 'digest-mismatch' } });
    expect(Date.parse(sub!.nextCheck) - Date.parse(sub!.lastCheck!)).toBe(60_000);
    files.delete(`${URL_}.sig`);
    await subs.updateNow(URL_);
    [sub] = await subs.all();
    expect(sub!.failures).toBe(2);
    expect(Date.parse(sub!.nextCheck) - Date.parse(sub!.lastCheck!)).toBe(120_000);
    await publish(2, [2]);
    expect((await subs.updateNow(URL_)).ok).toBe(true);
    [sub] = await subs.all();
    expect(sub).toMatchObject({ version: 2, failures: 0 });
    expect(sub).not.toHaveProperty('lastError');
    await subs.remove(URL_);
    expect(await subs.all()).toEqual([]);
  });

  it('passes the importer\'s progress through, per URL: bytes read, the signed size, lines', async () => {
    const { subs, publish, files } = await setup();
    await publish(1, [1, 2, 3]);
    const size = (files.get(URL_) as Uint8Array).length;
    const seen: Array<[string, ImportProgress]> = [];
    await subs.add(URL_);
    const [out] = await subs.updateDue(undefined, { onProgress: (url, p) => seen.push([url, p]) });
    expect(out!.ok).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every(([url, p]) => url === URL_ && p.total === size)).toBe(true);
    expect(seen[0]![1]).toMatchObject({ lines: 0 });
    const bytes = seen.map(([, p]) => p.bytes);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(seen.at(-1)![1]).toEqual({ lines: 3, bytes: size, total: size, percent: 100 });
    seen.length = 0;
    expect(await subs.updateNow(URL_, { onProgress: (url, p) => seen.push([url, p]) })).toMatchObject({ ok: true, result: { outcome: 'unchanged' } });
    expect(seen).toEqual([]);
  });

  it('runs updates one at a time, even from two subscription objects over one store', async () => {
    const { store, publish, files } = await setup();
    await publish(1, [1, 2]);
    const order: string[] = [];
    const subsFor = async (tag: string) => createSubscriptions(store, {
      fetch: async (url) => (order.push(`${tag}:fetch`), files.has(url) ? new Response(files.get(url) as BodyInit) : new Response('missing', { status: 404 })),
      now: () => NOW, keys: singleKey((await demoKeys()).publicJwk),
    });
    const [one, two] = [await subsFor('a'), await subsFor('b')];
    const [a, b] = await Promise.all([
      one.updateNow(URL_).then((r) => (order.push('a:done'), r)),
      two.updateNow(URL_).then((r) => (order.push('b:done'), r)),
    ]);
    expect(a).toMatchObject({ ok: true, result: { outcome: 'imported' } });
    expect(b).toMatchObject({ ok: true, result: { outcome: 'unchanged' } });
    // Each update asks for the timestamp (none here), then the signature and the list.
    expect(order).toEqual(['a:fetch', 'a:fetch', 'a:fetch', 'a:done', 'b:fetch', 'b:fetch', 'b:fetch', 'b:done']);
    expect(await one.all()).toMatchObject([{ url: URL_, version: 1, failures: 0 }]);
  });
});

describe('packaged lists as Firefox serves them', () => {
  it('a missing optional file answered 200 with a body that fails to read counts as missing, and the list imports', async () => {
    const store = await openStore();
    const { file, sig } = await signed(header({ version: 1 }), [entry(1)]);
    const files = new Map<string, Uint8Array | string>([[URL_, file], [`${URL_}.sig`, sig]]);
    // Firefox's fetch of a packaged file that does not exist: status 200, then the body read aborts.
    const broken = () => new Response(new ReadableStream({ start(c) { c.error(new DOMException('The operation was aborted.', 'AbortError')); } }));
    const fetch = async (url: string) => (files.has(url) ? new Response(files.get(url) as BodyInit) : broken());
    const subs = createSubscriptions(store, { fetch, now: () => NOW, keys: singleKey((await demoKeys()).publicJwk) });
    await subs.add(URL_);
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: true, result: { outcome: 'imported' } });
    expect(await idbLocalLists(store).byUscc(entry(1).uscc)).toHaveLength(1);
  });
});
