import { fetchHeld } from '../../../../core/lists/pack-delta';
import { openPack, PACK_MIN_SHARD, PackManifest, shardName } from '../../../../core/lists/pack';
import { bytes, entry, header, ndjson, packFiles } from './support';

describe('a pack cannot make a subscriber fetch a shard that few entries share', () => {
  it('a manifest signed with k below 100 (shards of about 25 entries): every shard is held at subscription, none is fetched on a lookup', async () => {
    const n = 3000;
    const lines = Array.from({ length: n }, (_, i) => entry(i));
    const { manifest, byFile } = await packFiles(bytes(ndjson(header({ count: n }), lines)), 10);
    const ix = manifest.indexes.uscc;
    // The publisher's pack is small-sharded: each prefix names far fewer than 100 listed entries.
    expect(manifest.k).toBe(10);
    expect(ix.prefixBits).toBeGreaterThan(0);
    expect(ix.minShard).toBeLessThan(PACK_MIN_SHARD);
    const held = await fetchHeld(manifest, async (f) => byFile.get(f)!);
    for (let s = 0; s < 1 << ix.prefixBits; s++) expect(Object.keys(held)).toContain(`${ix.dir}/${shardName(s, ix.prefixBits)}`);
  });

  it('a pack of shards of 100 or more entries: shards stay on the server until a lookup needs one', async () => {
    const n = 3000;
    const lines = Array.from({ length: n }, (_, i) => entry(i));
    const { manifest, byFile } = await packFiles(bytes(ndjson(header({ count: n }), lines)), PACK_MIN_SHARD);
    const ix = manifest.indexes.uscc;
    expect(ix.prefixBits).toBeGreaterThan(0);
    const held = await fetchHeld(manifest, async (f) => byFile.get(f)!);
    expect(Object.keys(held).filter((f) => f.startsWith(`${ix.dir}/`))).toEqual([]);
  });

  it('a manifest that overstates its smallest shard is refused at the first shard that holds fewer', async () => {
    const n = 3000;
    const lines = Array.from({ length: n }, (_, i) => entry(i));
    const { manifest, byFile } = await packFiles(bytes(ndjson(header({ count: n }), lines)), PACK_MIN_SHARD);
    const lying = { ...manifest, indexes: { ...manifest.indexes, uscc: { ...manifest.indexes.uscc, minShard: 5000 } } };
    const reader = await openPack(lying, async (f) => byFile.get(f)!);
    await expect(reader.byUscc(entry(7).uscc!)).rejects.toMatchObject({ code: 'bad-pack' });
    // The honest manifest answers the same lookup.
    const honest = await openPack(manifest, async (f) => byFile.get(f)!);
    expect((await honest.byUscc(entry(7).uscc!)).length).toBe(1);
  });

  it("a manifest whose shard folder or file is '..' or '.' does not parse (a subscriber would fetch beside the pack's folder)", async () => {
    const { manifest } = await packFiles(bytes(ndjson(header({ count: 3 }), [entry(1), entry(2), entry(3)])), PACK_MIN_SHARD);
    const withIndex = (over: object) => ({ ...manifest, indexes: { ...manifest.indexes, uscc: { ...manifest.indexes.uscc, ...over } } });
    expect(PackManifest.safeParse(manifest).success).toBe(true);
    for (const name of ['..', '.']) {
      expect(PackManifest.safeParse(withIndex({ dir: name })).success).toBe(false);
      expect(PackManifest.safeParse(withIndex({ filter: { ...manifest.indexes.uscc.filter, file: name } })).success).toBe(false);
    }
    expect(PackManifest.safeParse(withIndex({ dir: '..shards' })).success).toBe(true);
  });
});
