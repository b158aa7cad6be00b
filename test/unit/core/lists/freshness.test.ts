import { singleKey } from '../../../../core/lists/checks';
import { diffLists } from '../../../../core/lists/delta';
import { idbLocalLists } from '../../../../core/lists/local-lists';
import { signList } from '../../../../core/lists/sign';
import { createSubscriptions } from '../../../../core/lists/subscriptions';
import { makeTimestamp, timestampBytes } from '../../../../core/lists/timestamp';
import { sha256Hex } from '../../../../core/crypto/sha256';
import { listProvenance, listsVouch } from '../../../../core/sources/from-lists';
import { NOW, bytes, demoKeys, entry, header, openStore, signed, stream } from './support';

const URL_ = 'https://lists.example.cn/demo-black.ndjson';
const HOUR = 3600_000;

async function setup() {
  const store = await openStore();
  const files = new Map<string, Uint8Array | string>();
  const fetched: string[] = [];
  let clock = NOW;
  const fetch = async (url: string) => {
    fetched.push(url);
    const body = files.get(url);
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body as BodyInit);
  };
  const subs = createSubscriptions(store, { fetch, now: () => clock, keys: singleKey((await demoKeys()).publicJwk), intervalMs: HOUR, backoffMs: 60_000 });
  const editions = new Map<number, Uint8Array>();
  const sign = async (file: Uint8Array) => JSON.stringify(await signList(file, (await demoKeys()).privateJwk));
  /** Publishes an edition as the full file, a delta from the previous edition and a fresh timestamp. */
  const publish = async (version: number, ids: number[], { delta = true, stamp = true } = {}) => {
    const { file, sig } = await signed(header({ version, count: ids.length }), ids.map(entry));
    editions.set(version, file);
    files.set(URL_, file);
    files.set(`${URL_}.sig`, sig);
    const prev = editions.get(version - 1);
    if (delta && prev) {
      let text = '';
      await diffLists(() => stream(prev), () => stream(file), { line: (l) => void (text += l) }, clock);
      files.set(`${URL_}.delta-${version - 1}.ndjson`, bytes(text));
      files.set(`${URL_}.delta-${version - 1}.ndjson.sig`, await sign(bytes(text)));
    }
    if (stamp) await restamp(version);
  };
  const restamp = async (version: number) => {
    const file = editions.get(version)!;
    const ts = timestampBytes(makeTimestamp(header({ version, count: 0 }), sha256Hex(file), clock));
    files.set(`${URL_}.timestamp.json`, ts);
    files.set(`${URL_}.timestamp.json.sig`, await sign(ts));
  };
  const lists = idbLocalLists(store);
  return { store, subs, publish, restamp, files, fetched, tick: (ms: number) => (clock += ms), now: () => clock, lists };
}

describe('list freshness and deltas through subscriptions', () => {
  it('a current timestamp keeps the list vouching without downloading it again; deltas bring it forward', async () => {
    const { subs, publish, fetched, tick, now, lists } = await setup();
    await publish(1, [1, 2, 3]);
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: true, freshness: 'current', result: { outcome: 'imported' } });
    let [info] = await lists.lists();
    expect(info!.staleSince).toBe(new Date(NOW + 6 * HOUR).toISOString());
    expect(listsVouch([info!], now())).toBe(true);

    tick(HOUR);
    fetched.length = 0;
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: true, freshness: 'current', result: { outcome: 'unchanged' } });
    expect(fetched).toEqual([`${URL_}.timestamp.json`, `${URL_}.timestamp.json.sig`]);

    tick(HOUR);
    await publish(2, [2, 3, 4]);
    await publish(3, [3, 4, 5]);
    fetched.length = 0;
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: true, deltas: [2, 3], freshness: 'current', result: { list: { version: 3 } } });
    expect(fetched).not.toContain(URL_);
    expect(await lists.byUscc(entry(1).uscc)).toEqual([]);
    expect(await lists.byUscc(entry(5).uscc)).toHaveLength(1);
    [info] = await lists.lists();
    expect(listsVouch([info!], now())).toBe(true);
  });

  it('a missing delta falls back to the full file', async () => {
    const { subs, publish, files, lists } = await setup();
    await publish(1, [1, 2]);
    await subs.updateNow(URL_);
    await publish(2, [2, 3], { delta: false });
    files.delete(`${URL_}.delta-1.ndjson`);
    const out = await subs.updateNow(URL_);
    expect(out).toMatchObject({ ok: true, freshness: 'current', fallback: { code: 'delta-mismatch' }, result: { outcome: 'imported', list: { version: 2 } } });
    expect(await lists.byUscc(entry(3).uscc)).toHaveLength(1);
  });

  it('a freeze (the timestamp is no longer renewed) makes the list not current: it stops vouching, its entries still warn', async () => {
    const { subs, publish, tick, now, lists } = await setup();
    await publish(1, [1, 2]);
    await subs.updateNow(URL_);
    tick(7 * HOUR); // the attacker keeps serving the old timestamp and the old list
    const out = await subs.updateNow(URL_);
    expect(out).toMatchObject({ ok: false, error: { code: 'not-current' } });
    if (!out.ok) {
      expect(out.error.zh).toMatch(/^名单不是最新版本/);
      expect(out.error.en).toMatch(/timestamp: the list has expired/);
    }
    const [info] = await lists.lists();
    expect(listsVouch([info!], now())).toBe(false);
    const hits = await lists.byUscc(entry(1).uscc);
    expect(hits).toHaveLength(1);
    const since = new Date(NOW + 6 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
    expect(listProvenance(hits[0]!.list, now()).sourceName).toBe(`示例信用办（名单自 ${since} 起未更新 / list not current since ${since}）`);
  });

  it('a withheld update (the timestamp names an edition that cannot be had) shows since when, and a replayed old timestamp changes nothing', async () => {
    const { subs, publish, files, tick, now, lists } = await setup();
    await publish(1, [1, 2]);
    await subs.updateNow(URL_);
    const oldFull = files.get(URL_)!, oldSig = files.get(`${URL_}.sig`)!;
    const oldStamp = files.get(`${URL_}.timestamp.json`)!, oldStampSig = files.get(`${URL_}.timestamp.json.sig`)!;
    tick(HOUR);
    await publish(2, [2, 3]);
    // The mirror withholds v2: old full file, no delta, but the publisher's fresh timestamp gets through.
    files.set(URL_, oldFull);
    files.set(`${URL_}.sig`, oldSig);
    files.delete(`${URL_}.delta-1.ndjson`);
    const out = await subs.updateNow(URL_);
    expect(out).toMatchObject({ ok: false, freshness: 'behind', error: { code: 'not-current' } });
    const [info] = await lists.lists();
    expect(info!.version).toBe(1);
    expect(info!.staleSince).toBe(new Date(NOW + HOUR).toISOString());
    expect(listsVouch([info!], now())).toBe(false);
    // Playing back the old v1 timestamp (still unexpired) does not make v1 current again.
    files.set(`${URL_}.timestamp.json`, oldStamp);
    files.set(`${URL_}.timestamp.json.sig`, oldStampSig);
    tick(HOUR);
    expect(await subs.updateNow(URL_)).toMatchObject({ ok: true, freshness: 'replayed' });
    const [again] = await lists.lists();
    expect(again!.staleSince).toBe(new Date(NOW + HOUR).toISOString());
  });

  it('a forged timestamp is refused and says so in both languages; the list in force stays', async () => {
    const { subs, publish, files, lists } = await setup();
    await publish(1, [1]);
    await subs.updateNow(URL_);
    const ts = JSON.parse(new TextDecoder().decode(files.get(`${URL_}.timestamp.json`) as Uint8Array));
    files.set(`${URL_}.timestamp.json`, bytes(`${JSON.stringify({ ...ts, version: 9 })}\n`));
    const out = await subs.updateNow(URL_);
    expect(out).toMatchObject({ ok: false, error: { code: 'not-current', en: expect.stringMatching(/does not match its signature/) } });
    expect((await lists.lists())[0]!.version).toBe(1);
  });
});
