import fc from 'fast-check';
import { completeUscc } from '../../../../core/identifiers/uscc';
import { singleKey } from '../../../../core/lists/checks';
import { buildFuse, fuseMayContain, hashKey } from '../../../../core/lists/fuse';
import { decodeFilter, manifestBytes, openPack, verifyManifest, type PackManifest } from '../../../../core/lists/pack';
import { ListParser, type ListRecord } from '../../../../core/lists/parse';
import { normaliseName } from '../../../../core/lists/normalise-name';
import { signList } from '../../../../core/lists/sign';
import { NOW, bytes, demoKeys, header, ndjson, packFiles, packSource, stream } from './support';

const code = (i: number) => completeUscc(`9133010${String(i).padStart(10, '0')}`);
const NAMES = ['杭州示例电子商务有限公司', '杭州示例（电子）商务有限公司', '宁波某某贸易有限公司', '温州某某鞋业商行', '绍兴某某纺织有限公司'];

/** Every valid entry of the NDJSON, in order: the answers the pack must give. */
async function records(file: Uint8Array): Promise<ListRecord[]> {
  const out: ListRecord[] = [];
  const p = new ListParser();
  for await (const b of p.batches(stream(file))) out.push(...b);
  return out;
}

const entryArb = fc.record({
  code: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined, freq: 5 }),
  name: fc.constantFrom(...NAMES),
  reason: fc.constantFrom('虚假宣传', '未按规定报送年度报告', '通过登记的住所无法联系'),
});

describe('packed lists', () => {
  it('a fuse filter holds every key it was built with and rejects most others', () => {
    const n = 20_000;
    const a = new Uint32Array(n), b = new Uint32Array(n);
    for (let i = 0; i < n; i++) ({ a: a[i]!, b: b[i]! } = hashKey(code(i)));
    const filter = buildFuse(a, b);
    expect(filter.fingerprints.length).toBeLessThan(n * 1.25); // about 1.23 bytes a key at 20,000 keys, 1.125 from 1,000,000 on
    for (let i = 0; i < n; i++) expect(fuseMayContain(filter, hashKey(code(i)))).toBe(true);
    let falsePositives = 0;
    for (let i = n; i < n + 100_000; i++) if (fuseMayContain(filter, hashKey(code(i)))) falsePositives++;
    expect(falsePositives).toBeLessThan(100_000 / 128); // about 1/256 expected
  });

  it('NDJSON → pack → lookups give exactly the NDJSON answers, by code and by name (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { maxLength: 120 }), fc.integer({ min: 1, max: 12 }), async (rows, k) => {
        const lines = rows.map((r) => ({ ...(r.code !== undefined ? { uscc: code(r.code) } : {}), name: r.name, reason: r.reason, authority: '杭州市市场监督管理局', since: '2026-03-01' }));
        const file = bytes(ndjson(header({ count: lines.length }), lines));
        const want = (await records(file)).map((r) => r.entry);
        const { manifest, byFile } = await packFiles(file, k);
        const reader = await openPack(manifest, async (f) => byFile.get(f) ?? new Uint8Array(0));
        for (let c = 0; c <= 45; c++) expect(await reader.byUscc(code(c))).toEqual(want.filter((e) => e.uscc === code(c)));
        for (const name of [...NAMES, '不在名单上的公司']) expect(await reader.byName(name)).toEqual(want.filter((e) => normaliseName(e.name) === normaliseName(name)));
        for (const kind of ['uscc', 'name'] as const) {
          const ix = manifest.indexes[kind];
          if (ix.prefixBits > 0) expect(ix.minShard).toBeGreaterThanOrEqual(k);
        }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });

  it('no false "listed": a code that passes the filter by chance comes back empty after the shard is checked', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => ({ uscc: code(i), name: `示例${i}号公司`, reason: '虚假宣传', authority: '杭州市市场监督管理局', since: '2026-03-01' }));
    const file = bytes(ndjson(header({ count: lines.length }), lines));
    const { manifest, byFile } = await packFiles(file, 100);
    expect(manifest.indexes.uscc.prefixBits).toBeGreaterThan(0);
    expect(manifest.indexes.uscc.minShard).toBeGreaterThanOrEqual(100);
    const reader = await openPack(manifest, async (f) => byFile.get(f)!);
    const filter = decodeFilter(byFile.get(manifest.indexes.uscc.filter.file)!);
    let chance = -1;
    for (let i = 10_000; chance < 0; i++) if (fuseMayContain(filter, hashKey(code(i)))) chance = i;
    expect(await reader.byUscc(code(chance))).toEqual([]);
    expect(reader.fetched).toHaveLength(1);
    expect(reader.fetched[0]).toMatch(/^demo-black\.v1\.uscc\/[0-9a-f]+\.ndjson$/);
    expect(await reader.byUscc(code(7))).toEqual([expect.objectContaining({ uscc: code(7), name: '示例7号公司' })]);
  });

  it('the manifest is signed like a list; a changed manifest, filter or shard is refused', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({ uscc: code(i), name: `示例${i}号公司`, reason: '虚假宣传', authority: '杭州市市场监督管理局', since: '2026-03-01' }));
    const file = bytes(ndjson(header({ count: lines.length }), lines));
    const { manifest, byFile } = await packFiles(file, 100);
    const m = manifestBytes(manifest);
    const sig = JSON.stringify(await signList(m, (await demoKeys()).privateJwk));
    const keys = singleKey((await demoKeys()).publicJwk);
    expect((await verifyManifest(m, sig, keys, NOW)).list.version).toBe(1);
    const forged: PackManifest = { ...manifest, list: { ...manifest.list, version: 9 } };
    await expect(verifyManifest(manifestBytes(forged), sig, keys, NOW)).rejects.toMatchObject({ code: 'digest-mismatch' });
    await expect(verifyManifest(m, sig, keys, Date.parse('2028-01-01T00:00:00Z'))).rejects.toMatchObject({ code: 'expired' });
    const bad = new Map(byFile);
    const f = bad.get(manifest.indexes.uscc.filter.file)!.slice();
    f[20]! ^= 1;
    bad.set(manifest.indexes.uscc.filter.file, f);
    await expect(openPack(manifest, async (n) => bad.get(n)!)).rejects.toMatchObject({ code: 'digest-mismatch' });
    const shardFile = `${manifest.indexes.uscc.dir}/${'0'.repeat(Math.max(1, Math.ceil(manifest.indexes.uscc.prefixBits / 4)))}.ndjson`;
    const tampered = new Map(byFile);
    tampered.set(shardFile, new TextEncoder().encode(new TextDecoder().decode(byFile.get(shardFile)!).replace('虚假宣传', '情节轻微')));
    const reader = await openPack(manifest, async (n) => tampered.get(n)!);
    // Some code lives in shard 0; its lookup must fail rather than answer from the changed shard.
    const errors = (await Promise.all(lines.map((l) => reader.byUscc(l.uscc).catch((e) => e)))).filter((r) => r instanceof Error);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: 'digest-mismatch' });
  });

  it('a list that states its count is packed in one pass; keys that do not fit the widths from the count take a second, with the same result', async () => {
    const company = (i: number, withCode: boolean) => ({ ...(withCode ? { uscc: code(i) } : {}), name: `示例${i}号公司`, reason: '虚假宣传', authority: '杭州市市场监督管理局', since: '2026-03-01' });
    // 600 entries: 2 shards of about 300 for both kinds, as the count predicts.
    const fits = bytes(ndjson(header({ count: 600 }), Array.from({ length: 600 }, (_, i) => company(i, true))));
    // 360 of 600 without a code: 240 code keys make one shard, not the 2 the count predicts.
    const misfit = bytes(ndjson(header({ count: 600 }), Array.from({ length: 600 }, (_, i) => company(i, i % 5 < 2))));
    let opened = 0;
    const once = await packSource(() => (opened++, stream(fits, 4096)), 100);
    expect(opened).toBe(1);
    expect(once.resets).toBe(0);
    expect(once.manifest.indexes.uscc.prefixBits).toBe(1);
    opened = 0;
    const twice = await packSource(() => (opened++, stream(misfit, 4096)), 100);
    expect(opened).toBe(2);
    expect(twice.resets).toBe(1);
    expect(twice.manifest.indexes.uscc.prefixBits).toBe(0);
    expect(twice.manifest.indexes.name.prefixBits).toBe(1);
    // The sink that cannot reset gets the same files from two passes.
    for (const [file, got] of [[fits, once], [misfit, twice]] as const) {
      const slow = await packSource(() => stream(file, 4096), 100, { onePass: false });
      expect(slow.manifest).toEqual(got.manifest);
      expect([...slow.byFile.keys()].sort()).toEqual([...got.byFile.keys()].sort());
      for (const [name, b] of slow.byFile) expect(got.byFile.get(name)).toEqual(b);
    }
  }, 60_000);
});
