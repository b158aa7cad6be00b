import { singleKey } from '../../../../core/lists/checks';
import { sha256Hex } from '../../../../core/crypto/sha256';
import { diffLists, type DeltaHeader, type DeltaOp } from '../../../../core/lists/delta';
import { idbLocalLists } from '../../../../core/lists/local-lists';
import { manifestBytes } from '../../../../core/lists/pack';
import { applyPackDelta, deltaManifestBytes, packDelta } from '../../../../core/lists/pack-delta';
import { signList } from '../../../../core/lists/sign';
import { createSubscriptions } from '../../../../core/lists/subscriptions';
import { makeTimestamp, timestampBytes } from '../../../../core/lists/timestamp';
import { listsVouch } from '../../../../core/sources/from-lists';
import { NOW, bytes, demoKeys, entry, header, ndjson, openStore, packSource, stream } from './support';

const BASE = 'https://lists.example.cn/packs/';
const URL_ = `${BASE}demo-black.pack.json`;
const HOUR = 3600_000;

// Edition v holds entries 0..n-1 except every 7th times v, plus v×100 new ones, and entry 5's reason changes in v3.
function ids(version: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 1200; i++) if (version === 1 || i % (7 * version) !== 3) out.push(i);
  for (let i = 0; i < (version - 1) * 100; i++) out.push(5000 + i);
  return out;
}
const line = (version: number, i: number) => (version >= 3 && i === 5 ? { ...entry(i), reason: '已变更的原因' } : entry(i));
const editionBytes = (version: number) => bytes(ndjson(header({ version, count: ids(version).length }), ids(version).map((i) => line(version, i))));

async function setup() {
  const store = await openStore();
  const files = new Map<string, Uint8Array>();
  const fetched: string[] = [];
  let clock = NOW;
  const fetch = async (url: string) => (fetched.push(url), files.has(url) ? new Response(files.get(url) as BodyInit) : new Response('missing', { status: 404 }));
  const keys = singleKey((await demoKeys()).publicJwk);
  const subs = createSubscriptions(store, { fetch, now: () => clock, keys, intervalMs: HOUR, backoffMs: 60_000 });
  const sign = async (b: Uint8Array) => bytes(JSON.stringify(await signList(b, (await demoKeys()).privateJwk)));
  const put = (name: string, b: Uint8Array) => files.set(BASE + name, b);
  const packPart = async (open: Parameters<typeof packSource>[0]) => {
    const { manifest, byFile } = await packSource(open, 100);
    for (const [name, b] of byFile) put(name, b);
    return manifest;
  };

  /** The full pack of edition v at the subscribed URL, its delta from v−1 beside it, and a timestamp naming v. */
  async function publish(version: number, { full = true, delta = true } = {}) {
    const file = editionBytes(version);
    if (full) {
      const m = manifestBytes(await packPart(() => stream(file, 997)));
      files.set(URL_, m);
      files.set(`${URL_}.sig`, await sign(m));
    }
    if (delta && version > 1) {
      const ops: DeltaOp[] = [];
      let h: DeltaHeader | undefined;
      await diffLists(() => stream(editionBytes(version - 1)), () => stream(file), {
        line: (l) => {
          const o = JSON.parse(l);
          if (o.op) ops.push(o);
          else h = o;
        },
      }, clock);
      const d = deltaManifestBytes(await packDelta(h!, ops, (open) => packPart(open)));
      files.set(`${URL_}.delta-${version - 1}.json`, d);
      files.set(`${URL_}.delta-${version - 1}.json.sig`, await sign(d));
    }
    await stamp(version);
  }
  async function stamp(version: number, sha = sha256Hex(editionBytes(version))) {
    const ts = timestampBytes(makeTimestamp(header({ version }), sha, clock));
    files.set(`${URL_}.timestamp.json`, ts);
    files.set(`${URL_}.timestamp.json.sig`, await sign(ts));
  }
  const lists = idbLocalLists(store, { fetchShard: async (u) => (fetched.push(u), files.get(u) ?? Promise.reject(new Error(`404 ${u}`))) });
  return { store, files, fetched, subs, lists, keys, publish, stamp, sign, tick: (ms: number) => (clock += ms), now: () => clock };
}

/** What the subscriber answers for every code and name that any edition held. */
async function answers(lists: ReturnType<typeof idbLocalLists>) {
  // Every fifth subject of any edition, and the removed, changed and added ones checked by name below.
  const all = new Set([...ids(1), ...ids(2), ...ids(3)].filter((i) => i % 5 === 0 || [3, 5, 17, 5199, 5200].includes(i)));
  const out: Record<string, string[]> = {};
  for (const i of all) {
    const byCode = await lists.byUscc(entry(i).uscc);
    const byName = await lists.byName(entry(i).name);
    out[i] = [...byCode.map((m) => `${m.list.version}:${JSON.stringify(m.line)}`), ...byName.map((m) => `name ${m.list.version}:${(m.line as { reason?: string }).reason}`)];
  }
  return out;
}

describe('pack deltas', { timeout: 60_000 }, () => {
  it('v1 + Δ(1→2) + Δ(2→3) answers exactly as the full v3 pack; only deltas, filters and digests are downloaded', async () => {
    const a = await setup();
    await a.publish(1);
    expect(await a.subs.updateNow(URL_)).toMatchObject({ ok: true, freshness: 'current', result: { list: { version: 1 } } });
    await a.publish(2);
    a.tick(HOUR);
    await a.publish(3);
    a.fetched.length = 0;
    expect(await a.subs.updateNow(URL_)).toMatchObject({ ok: true, deltas: [2, 3], freshness: 'current', result: { list: { version: 3, count: ids(3).length } } });
    // Neither the full manifest nor any NDJSON was fetched: two deltas, their signatures and the files they name.
    expect(a.fetched).not.toContain(URL_);
    expect(a.fetched.filter((u) => !/\.(json|sig|filter|digests)$|\/[0-9a-f]+\.ndjson$/.test(u))).toEqual([]);
    const viaDeltas = await answers(a.lists);

    const b = await setup();
    await b.publish(3);
    expect(await b.subs.updateNow(URL_)).toMatchObject({ ok: true, result: { outcome: 'imported', list: { version: 3 } } });
    expect(viaDeltas).toEqual(await answers(b.lists));
    // Spot checks against the editions themselves: removed, changed and added entries.
    expect(viaDeltas[3]).toEqual([]);
    expect(viaDeltas[5]![0]).toContain('已变更的原因');
    expect(viaDeltas[5]).toHaveLength(2);
    expect(viaDeltas[5199]).toHaveLength(2);
    expect(viaDeltas[5200]).toBeUndefined();
  });

  it('tampered, truncated, replayed and rollback deltas leave the pack as it was and say why in both languages', async () => {
    const a = await setup();
    await a.publish(1);
    await a.subs.updateNow(URL_);
    await a.publish(2, { full: false });
    const delta = a.files.get(`${URL_}.delta-1.json`)!;
    const sig = a.files.get(`${URL_}.delta-1.json.sig`)!;
    const fetchFile = async (f: string) => a.files.get(BASE + f)!;
    const before = await answers(a.lists);

    const tampered = bytes(new TextDecoder().decode(delta).replace('"version":2', '"version":7'));
    const truncated = delta.subarray(0, delta.length - 40);
    for (const [bad, code] of [[tampered, 'digest-mismatch'], [truncated, 'digest-mismatch']] as const) {
      await expect(applyPackDelta(a.store, bad, sig, fetchFile, { keys: a.keys, now: a.now })).rejects.toMatchObject({ code, zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) });
    }
    // A filter the delta names, changed on the server.
    const removes = JSON.parse(new TextDecoder().decode(delta)).removes.indexes.uscc.filter.file as string;
    const held = a.files.get(BASE + removes)!;
    a.files.set(BASE + removes, held.map((x, i) => (i === held.length - 1 ? x ^ 1 : x)));
    await expect(applyPackDelta(a.store, delta, sig, fetchFile, { keys: a.keys, now: a.now })).rejects.toMatchObject({ code: 'digest-mismatch' });
    a.files.set(BASE + removes, held);
    expect(await answers(a.lists)).toEqual(before);
    expect((await a.lists.lists())[0]).toMatchObject({ version: 1 });

    expect(await applyPackDelta(a.store, delta, sig, fetchFile, { keys: a.keys, now: a.now })).toMatchObject({ outcome: 'applied', list: { version: 2 } });
    // The same delta again leads to the edition in force; a delta from an edition not in force does not apply.
    expect(await applyPackDelta(a.store, delta, sig, fetchFile, { keys: a.keys, now: a.now })).toMatchObject({ outcome: 'unchanged' });
    await a.publish(3, { full: false });
    const d23 = a.files.get(`${URL_}.delta-2.json`)!, s23 = a.files.get(`${URL_}.delta-2.json.sig`)!;
    await applyPackDelta(a.store, d23, s23, fetchFile, { keys: a.keys, now: a.now });
    const at3 = await answers(a.lists);
    // Replay of Δ(1→2) at v3, and a signed delta leading back from 3 to 2 (rollback): refused.
    await expect(applyPackDelta(a.store, delta, sig, fetchFile, { keys: a.keys, now: a.now })).rejects.toMatchObject({ code: 'older-version', zh: expect.stringContaining('该版本比已导入的版本旧'), en: expect.stringContaining('this version is older than the one in force') });
    const back = JSON.parse(new TextDecoder().decode(delta));
    const rollback = deltaManifestBytes({ ...back, from: { version: 3, sha256: sha256Hex(editionBytes(3)) } });
    await expect(applyPackDelta(a.store, rollback, await a.sign(rollback), fetchFile, { keys: a.keys, now: a.now })).rejects.toMatchObject({ code: 'older-version' });
    // A delta from another edition than the one in force.
    const skew = deltaManifestBytes({ ...back, list: { ...back.list, version: 4 }, from: { version: 3, sha256: 'f'.repeat(64) } });
    await expect(applyPackDelta(a.store, skew, await a.sign(skew), fetchFile, { keys: a.keys, now: a.now })).rejects.toMatchObject({ code: 'delta-mismatch', zh: expect.stringContaining('增量更新与本地名单版本不符，需下载完整名单') });
    expect(await answers(a.lists)).toEqual(at3);
    expect((await a.lists.lists())[0]).toMatchObject({ version: 3 });
  });

  it('a missing or broken delta falls back to the full pack; a withheld update or a freeze shows the list as not current', async () => {
    const a = await setup();
    await a.publish(1);
    await a.subs.updateNow(URL_);
    await a.publish(2);
    a.files.set(`${URL_}.delta-1.json`, bytes('{"format":"xinbiao-pack-delta/1"}'));
    expect(await a.subs.updateNow(URL_)).toMatchObject({ ok: true, fallback: { code: 'digest-mismatch' }, result: { outcome: 'imported', list: { version: 2 } } });

    // Withheld: the timestamp names v3, but neither its delta nor its full pack is served.
    a.tick(HOUR);
    await a.publish(3, { full: false, delta: false });
    const issued = new Date(a.now()).toISOString();
    expect(await a.subs.updateNow(URL_)).toMatchObject({ ok: false, freshness: 'behind', error: { code: 'not-current', zh: expect.stringContaining('名单不是最新版本（更新被扣留或无法获取）'), en: expect.stringContaining('the list is not current') } });
    let info = (await a.lists.lists())[0]!;
    expect(info).toMatchObject({ version: 2, staleSince: issued });
    expect(listsVouch([info], a.now())).toBe(false);
    // Its warnings still show.
    expect(await a.lists.byUscc(entry(0).uscc)).toHaveLength(1);

    // Replay of the old timestamp naming v2 changes nothing.
    await a.stamp(2);
    a.files.set(`${URL_}.timestamp.json`, a.files.get(`${URL_}.timestamp.json`)!);
    expect((await a.lists.lists())[0]).toMatchObject({ staleSince: issued });

    // Freeze: a fresh subscriber whose timestamps stop coming; once the last one lapses the list stops vouching.
    const b = await setup();
    await b.publish(1);
    await b.subs.updateNow(URL_);
    info = (await b.lists.lists())[0]!;
    expect(listsVouch([info], b.now())).toBe(true);
    b.tick(7 * HOUR);
    b.files.delete(`${URL_}.timestamp.json`);
    await b.subs.updateNow(URL_);
    info = (await b.lists.lists())[0]!;
    expect(Date.parse(info.staleSince!)).toBe(NOW + 6 * HOUR);
    expect(listsVouch([info], b.now())).toBe(false);
  });
});
