import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { singleKey } from '../../../../core/lists/checks';
import { importList } from '../../../../core/lists/import';
import { idbLocalLists } from '../../../../core/lists/local-lists';
import { ListStore } from '../../../../core/lists/store';
import { NOW, demoKeys, entry, header, openStore, signed, stream } from './support';

const opts = async (onProgress?: (p: { lines: number }) => void) => ({ keys: singleKey((await demoKeys()).publicJwk), now: () => NOW, batchSize: 2, ...(onProgress ? { onProgress } : {}) });
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

async function file(id: string, version: number, entries: number[]) {
  return signed(header({ id, version, count: entries.length }), entries.map(entry));
}

/**
 * Starts `first`, and `second` as soon as the first has staged a few rows (an install's import still running when
 * the browser's startup update begins): without a queue the second's cleanup would wipe the first's staged rows.
 */
function overlapping<A, B>(first: (onProgress: (p: { lines: number }) => void) => Promise<A>, second: () => Promise<B>): Promise<[PromiseSettledResult<A>, PromiseSettledResult<B>]> {
  let started: Promise<B> | undefined;
  const a = first((p) => { if (p.lines >= 4) started ??= second(); });
  return a.then(() => undefined, () => undefined).then(() => Promise.allSettled([a, started ?? second()]));
}

describe('imports into one database run one at a time', () => {
  it('two different lists imported at once are both in force, with every row', async () => {
    const store = await openStore();
    const a = await file('demo-black', 1, ids(1, 40));
    const b = await file('demo-black-2', 1, ids(101, 40));
    const results = await overlapping(
      async (onProgress) => importList(store, stream(a.file, 16), a.sig, await opts(onProgress)),
      async () => importList(store, stream(b.file, 16), b.sig, await opts()),
    );
    expect(results.map((r) => r.status === 'fulfilled' && r.value.outcome)).toEqual(['imported', 'imported']);
    const lists = idbLocalLists(store);
    expect((await lists.lists()).map((l) => l.id).sort()).toEqual(['demo-black', 'demo-black-2']);
    expect(await store.countRows('demo-black', 1)).toBe(40);
    expect(await store.countRows('demo-black-2', 1)).toBe(40);
    for (const i of [1, 40, 101, 140]) expect(await lists.byUscc(entry(i).uscc)).toHaveLength(1);
  });

  it('two versions of one list imported at once: the newer one is in force, whichever starts first', async () => {
    for (const [first, second] of [[1, 2], [2, 1]] as const) {
      const store = await openStore();
      const files = { 1: await file('demo-black', 1, ids(1, 30)), 2: await file('demo-black', 2, ids(201, 30)) };
      const [r1, r2] = await overlapping(
        async (onProgress) => importList(store, stream(files[first].file, 16), files[first].sig, await opts(onProgress)),
        async () => importList(store, stream(files[second].file, 16), files[second].sig, await opts()),
      );
      const byVersion = { [first]: r1, [second]: r2 };
      expect(byVersion[2]).toMatchObject({ status: 'fulfilled', value: { outcome: 'imported' } });
      // v1 first: imported, then replaced by v2; v2 first: v1 is refused as older.
      if (first === 1) expect(byVersion[1]).toMatchObject({ status: 'fulfilled', value: { outcome: 'imported' } });
      else expect(byVersion[1]).toMatchObject({ status: 'rejected', reason: { code: 'older-version' } });
      expect(await store.inForce('demo-black')).toMatchObject({ version: 2, count: 30 });
      expect(await store.countRows('demo-black')).toBe(30);
      expect(await idbLocalLists(store).byUscc(entry(1).uscc)).toEqual([]);
      expect(await idbLocalLists(store).byUscc(entry(230).uscc)).toHaveLength(1);
    }
  });

  it('two store objects opened on the same database wait for each other too', async () => {
    const factory = new IDBFactory();
    const [s1, s2] = await Promise.all([ListStore.open(factory, { keyRange: IDBKeyRange }), ListStore.open(factory, { keyRange: IDBKeyRange })]);
    const a = await file('demo-black', 1, ids(1, 40));
    const b = await file('demo-red', 1, ids(301, 40));
    await overlapping(
      async (onProgress) => importList(s1, stream(a.file, 16), a.sig, await opts(onProgress)),
      async () => importList(s2, stream(b.file, 16), b.sig, await opts()),
    );
    expect(await s1.countRows('demo-black', 1)).toBe(40);
    expect(await s1.countRows('demo-red', 1)).toBe(40);
  });

  it('a failed import does not block the next one', async () => {
    const store = await openStore();
    const a = await file('demo-black', 1, ids(1, 10));
    const b = await file('demo-red', 1, ids(301, 10));
    const [bad, good] = await overlapping(
      async (onProgress) => importList(store, stream(a.file.subarray(0, a.file.length - 20), 16), a.sig, await opts(onProgress)),
      async () => importList(store, stream(b.file, 16), b.sig, await opts()),
    );
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'digest-mismatch' } });
    expect(good).toMatchObject({ status: 'fulfilled', value: { outcome: 'imported' } });
    expect(await store.countRows('demo-black')).toBe(0);
    expect(await store.countRows('demo-red', 1)).toBe(10);
  });
});
