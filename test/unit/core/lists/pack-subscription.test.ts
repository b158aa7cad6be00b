import { singleKey } from '../../../../core/lists/checks';
import { idbLocalLists } from '../../../../core/lists/local-lists';
import { manifestBytes } from '../../../../core/lists/pack';
import { signList } from '../../../../core/lists/sign';
import { createSubscriptions } from '../../../../core/lists/subscriptions';
import { listsVouch } from '../../../../core/sources/from-lists';
import { NOW, bytes, demoKeys, entry, header, ndjson, openStore, packFiles, staticFiles } from './support';

const BASE = 'https://lists.example.cn/packs/';
const URL_ = `${BASE}demo-black.pack.json`;

/** A published pack of `n` entries (version v): every file by URL, as a static server would serve them. */
async function publish(files: Map<string, Uint8Array>, version: number, n: number) {
  const lines = Array.from({ length: n }, (_, i) => entry(i));
  const { manifest, byFile } = await packFiles(bytes(ndjson(header({ version, count: n }), lines)), 100);
  for (const [name, b] of byFile) files.set(BASE + name, b);
  const m = manifestBytes(manifest);
  files.set(URL_, m);
  files.set(`${URL_}.sig`, bytes(JSON.stringify(await signList(m, (await demoKeys()).privateJwk))));
  return manifest;
}

async function setup() {
  const store = await openStore();
  const { files, fetched, get } = staticFiles();
  const fetch = async (url: string) => (files.has(url) ? new Response(files.get(url) as BodyInit) : new Response('missing', { status: 404 }));
  const subs = createSubscriptions(store, { fetch: async (u) => (fetched.push(u), fetch(u)), now: () => NOW, keys: singleKey((await demoKeys()).publicJwk) });
  return { store, files, fetched, subs, lists: idbLocalLists(store, { fetchShard: get }) };
}

describe('packed list subscriptions', () => {
  it('subscribes to a pack: downloads only the manifest, filters and digests; lookups fetch a shard by prefix only on a hit', async () => {
    const { files, fetched, subs, lists } = await setup();
    const manifest = await publish(files, 1, 1500);
    expect(manifest.indexes.uscc.prefixBits).toBeGreaterThan(0);
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: true, result: { outcome: 'imported', list: { id: 'demo-black', version: 1, count: 1500 } } });
    expect(fetched.every((u) => !u.endsWith('.ndjson'))).toBe(true);

    fetched.length = 0;
    const hit = await lists.byUscc(entry(42).uscc);
    expect(hit).toEqual([{ list: expect.objectContaining({ id: 'demo-black', version: 1, url: URL_ }), line: expect.objectContaining({ uscc: entry(42).uscc, name: entry(42).name }) }]);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/^https:\/\/lists\.example\.cn\/packs\/demo-black\.v1\.uscc\/[0-9a-f]+\.ndjson$/);
    // What left the device names a shard, never the code.
    expect(fetched.join(' ')).not.toContain(entry(42).uscc);
    expect(await lists.byName(entry(42).name)).toHaveLength(1);
    expect((await lists.lists()).map((l) => l.id)).toEqual(['demo-black']);
    expect(listsVouch(await lists.lists(), NOW)).toBe(true);

    // Codes the filter rejects fetch nothing (a chance filter hit would fetch one shard and still answer []).
    fetched.length = 0;
    let misses = 0;
    for (let i = 10_000; i < 10_200; i++) if ((await lists.byUscc(entry(i).uscc)).length === 0) misses++;
    expect(misses).toBe(200);
    expect(fetched.length).toBeLessThan(5);
  });

  it('the same manifest again is unchanged, a newer one replaces it, an older one is refused; a forged one changes nothing', async () => {
    const { files, subs, lists } = await setup();
    await publish(files, 2, 300);
    await subs.updateNow(URL_);
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: true, result: { outcome: 'unchanged' } });
    await publish(files, 3, 200);
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: true, result: { outcome: 'imported', replaced: 2, list: { version: 3 } } });
    expect(await lists.byUscc(entry(250).uscc)).toEqual([]);
    await publish(files, 1, 10);
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: false, error: { code: 'older-version' } });
    const m = JSON.parse(new TextDecoder().decode(files.get(URL_)!));
    files.set(URL_, bytes(JSON.stringify({ ...m, list: { ...m.list, version: 9 } })));
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: false, error: { code: 'digest-mismatch' } });
    expect((await lists.lists())[0]).toMatchObject({ version: 3 });
  });
});
