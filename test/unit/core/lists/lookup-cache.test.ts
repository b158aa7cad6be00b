import { sha256Hex } from '../../../../core/crypto/sha256';
import { singleKey } from '../../../../core/lists/checks';
import type { DeltaHeader, DeltaOp } from '../../../../core/lists/delta';
import { fuseMayContain, hashKey } from '../../../../core/lists/fuse';
import { idbLocalLists } from '../../../../core/lists/local-lists';
import { decodeFilter, manifestBytes, type PackManifest } from '../../../../core/lists/pack';
import { applyPackDelta, deltaManifestBytes, packDelta } from '../../../../core/lists/pack-delta';
import { importPack, packReader } from '../../../../core/lists/pack-import';
import { signList } from '../../../../core/lists/sign';
import type { ListStore } from '../../../../core/lists/store';
import { NOW, bytes, demoKeys, entry, header, ndjson, openStore, packSource, staticFiles, stream } from './support';

const BASE = 'https://lists.example.cn/packs/';
const URL_ = `${BASE}demo-black.pack.json`;

/** A publisher's static folder and a subscriber's store, with every URL the subscriber fetched. */
async function setup() {
  const store = await openStore();
  const { files, fetched, get } = staticFiles();
  const keys = singleKey((await demoKeys()).publicJwk);
  const sign = async (b: Uint8Array) => JSON.stringify(await signList(b, (await demoKeys()).privateJwk));
  const packPart = async (file: () => ReadableStream<Uint8Array>, k: number): Promise<PackManifest> => {
    const { manifest, byFile } = await packSource(file, k);
    for (const [name, b] of byFile) files.set(BASE + name, b);
    return manifest;
  };
  /** Packs edition `version` of these lines with shards of at least k and subscribes the store to it. */
  async function subscribe(version: number, lines: object[], k = 100) {
    const file = bytes(ndjson(header({ version, count: lines.length }), lines));
    const manifest = await packPart(() => stream(file, 4096), k);
    const m = manifestBytes(manifest);
    await importPack(store, URL_, m, await sign(m), (f) => get(BASE + f), { keys, now: () => NOW });
    return { manifest, sha256: sha256Hex(file) };
  }
  /** Applies a signed pack delta that removes and adds these entries, from the edition in force to `to`. */
  async function delta(from: { version: number; sha256: string }, to: number, ops: DeltaOp[], count: number) {
    const h = header({ version: to });
    const dh: DeltaHeader = {
      format: 'xinbiao-delta/1', id: h.id, name: h.name, publisher: h.publisher, kind: h.kind, keyId: h.keyId, issued: h.issued, expires: h.expires,
      from, to: { version: to, sha256: sha256Hex(bytes(`edition ${to}`)), count, issued: h.issued }, count: ops.length,
    };
    const d = deltaManifestBytes(await packDelta(dh, ops, (open) => packPart(open as () => ReadableStream<Uint8Array>, 100)));
    return applyPackDelta(store, d, await sign(d), (f) => get(BASE + f), { keys, now: () => NOW });
  }
  return { store, files, fetched, get, subscribe, delta };
}

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => entry(from + i));
const shardUrls = (urls: string[]) => urls.filter((u) => u.endsWith('.ndjson'));

/** Counts IndexedDB transactions opened on the store while `run` runs. */
async function transactionsDuring(store: ListStore, run: () => Promise<void>): Promise<number> {
  const spy = vi.spyOn(store.db, 'transaction');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('lookups held in memory', { timeout: 60_000 }, () => {
  it('a code the filter rejects is answered from memory: no IndexedDB read, no fetch; a repeated hit fetches nothing', async () => {
    const { store, files, fetched, get, subscribe } = await setup();
    const { manifest } = await subscribe(1, range(1500));
    const lists = idbLocalLists(store, { fetchShard: get });
    expect(await lists.byUscc(entry(42).uscc)).toEqual([expect.objectContaining({ line: expect.objectContaining({ uscc: entry(42).uscc }) })]);
    const filter = decodeFilter(files.get(BASE + manifest.indexes.uscc.filter.file)!);
    const absent = range(3000, 20_000).map((e) => e.uscc).filter((c) => !fuseMayContain(filter, hashKey(c))).slice(0, 200);
    expect(absent).toHaveLength(200);
    fetched.length = 0;
    const reads = await transactionsDuring(store, async () => {
      for (const code of absent) expect(await lists.byUscc(code)).toEqual([]);
      expect(await lists.byUscc(entry(42).uscc)).toHaveLength(1);
    });
    expect(reads).toBe(0);
    expect(fetched).toEqual([]);
  });

  it('a new version or an applied delta replaces what memory holds at once: no lookup answers from the old edition', async () => {
    const { store, get, subscribe, delta } = await setup();
    const lists = idbLocalLists(store, { fetchShard: get });
    const v1 = await subscribe(1, range(1500));
    expect(await lists.byUscc(entry(3).uscc)).toEqual([expect.objectContaining({ list: expect.objectContaining({ version: 1 }) })]);
    expect(await lists.byUscc(entry(9000).uscc)).toEqual([]);

    const ops: DeltaOp[] = [{ op: '-', entry: entry(3) }, { op: '+', entry: entry(9000) }];
    expect(await delta({ version: 1, sha256: v1.sha256 }, 2, ops, 1500)).toMatchObject({ outcome: 'applied', list: { version: 2 } });
    expect(await lists.byUscc(entry(3).uscc)).toEqual([]);
    expect(await lists.byUscc(entry(9000).uscc)).toEqual([expect.objectContaining({ list: expect.objectContaining({ version: 2 }), line: expect.objectContaining({ uscc: entry(9000).uscc }) })]);

    await subscribe(3, range(300).map((e) => ({ ...e, reason: '第三版的原因' })));
    expect(await lists.byUscc(entry(9000).uscc)).toEqual([]);
    expect(await lists.byUscc(entry(3).uscc)).toEqual([expect.objectContaining({ list: expect.objectContaining({ version: 3 }), line: expect.objectContaining({ reason: '第三版的原因' }) })]);
    expect(await lists.byUscc(entry(1000).uscc)).toEqual([]);
  });

  it('a cached shard cannot be changed by a caller, and a stored shard changed on disk is refused, never answered', async () => {
    const { store, get, subscribe } = await setup();
    // Shards of about 25 entries are held whole in IndexedDB at subscription (fewer than 100 would say too much).
    const { manifest } = await subscribe(1, range(300), 10);
    const lists = idbLocalLists(store, { fetchShard: get, cacheShards: 1 });
    const [hit] = await lists.byUscc(entry(5).uscc);
    expect(() => {
      (hit!.line as { reason: string }).reason = '已被页面改写';
    }).toThrow(TypeError);
    expect((await lists.byUscc(entry(5).uscc))[0]!.line).toMatchObject({ reason: entry(5).reason });

    const dir = `${manifest.indexes.uscc.dir}/`;
    const held = (await store.db.getAll('packFiles')).filter((f) => f.file.startsWith(dir));
    expect(held.length).toBe(1 << manifest.indexes.uscc.prefixBits);
    for (const f of held) await store.db.put('packFiles', { ...f, bytes: bytes(new TextDecoder().decode(f.bytes).replaceAll('虚假宣传，情节严重', '情节轻微，已整改')) });
    // A lookup in another shard evicts entry 5's (one shard cached) and reads its own changed file: refused.
    let refused: unknown;
    for (let i = 0; i < 300 && !refused; i++) refused = await lists.byUscc(entry(i).uscc).then(() => undefined, (err) => err);
    expect(refused).toMatchObject({ code: 'digest-mismatch' });
    await expect(lists.byUscc(entry(5).uscc)).rejects.toMatchObject({ code: 'digest-mismatch' });
  });

  it('verified shards kept in memory are bounded; an evicted one is fetched and checked again', async () => {
    const { store, fetched, get, subscribe } = await setup();
    const { manifest } = await subscribe(1, range(3000));
    const shards = 1 << manifest.indexes.uscc.prefixBits;
    expect(shards).toBe(8);
    const lists = idbLocalLists(store, { fetchShard: get, cacheShards: 2 });
    fetched.length = 0;
    for (let round = 0; round < 2; round++) for (let i = 0; i < 200; i++) expect(await lists.byUscc(entry(i).uscc)).toHaveLength(1);
    const reader = await packReader(store, (await store.packs())[0]!, get);
    expect(reader.cachedShards().uscc).toBe(2);
    expect(new Set(shardUrls(fetched)).size).toBe(shards);
    expect(shardUrls(fetched).length).toBeGreaterThan(2 * shards);
    // The same code twice in a row: its shard is held, nothing is fetched.
    fetched.length = 0;
    await lists.byUscc(entry(7).uscc);
    await lists.byUscc(entry(7).uscc);
    expect(shardUrls(fetched).length).toBeLessThanOrEqual(1);
  });
});
