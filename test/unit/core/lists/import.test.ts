import { singleKey } from '../../../../core/lists/checks';
import { importList } from '../../../../core/lists/import';
import { idbLocalLists } from '../../../../core/lists/local-lists';
import { signList } from '../../../../core/lists/sign';
import { generateKeyPair } from '../../../../core/crypto/ed25519';
import { NOW, demoKeys, entry, header, openStore, signed, stream } from './support';

const keysOf = async () => singleKey((await demoKeys()).publicJwk);
const opts = async (over = {}) => ({ keys: await keysOf(), now: () => NOW, batchSize: 2, ...over });

async function withV1() {
  const store = await openStore();
  const v1 = await signed(header({ count: 3 }), [1, 2, 3].map(entry));
  const first = await importList(store, stream(v1.file), v1.sig, await opts());
  return { store, first, lists: idbLocalLists(store) };
}

describe('importList', () => {
  it('imports a signed list and answers lookups by USCC and by normalised name', async () => {
    const { first, lists } = await withV1();
    expect(first).toMatchObject({ outcome: 'imported', list: { id: 'demo-black', version: 1, count: 3 } });
    const hit = await lists.byUscc(entry(2).uscc);
    expect(hit).toHaveLength(1);
    expect(hit[0]!.list).toMatchObject({ id: 'demo-black', kind: 'black', version: 1 });
    expect(hit[0]!.list).not.toHaveProperty('sha256');
    expect(hit[0]!.line).toMatchObject({ name: entry(2).name, reason: '虚假宣传，情节严重' });
    expect(await lists.byName(' 杭州示例３号电子商务有限公司 ')).toHaveLength(1);
    expect(await lists.byUscc('91330106673959654P')).toEqual([]);
    expect((await lists.lists()).map((l) => l.id)).toEqual(['demo-black']);
  });

  it('reports progress as it goes, with a percent from the signed size', async () => {
    const store = await openStore();
    const v1 = await signed(header(), [1, 2, 3, 4, 5].map(entry));
    const seen: number[] = [];
    await importList(store, stream(v1.file), v1.sig, await opts({ onProgress: (p: { lines: number }) => seen.push(p.lines) }));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(5);
  });

  it('treats the same version as a no-op, refuses an older one and lets a newer one replace it', async () => {
    const { store, lists } = await withV1();
    const again = await signed(header({ count: 3 }), [1, 2, 3].map(entry));
    expect((await importList(store, stream(again.file), again.sig, await opts())).outcome).toBe('unchanged');
    const v3 = await signed(header({ version: 3 }), [7].map(entry));
    expect(await importList(store, stream(v3.file), v3.sig, await opts())).toMatchObject({ outcome: 'imported', replaced: 1 });
    expect(await lists.byUscc(entry(1).uscc)).toEqual([]);
    expect(await lists.byUscc(entry(7).uscc)).toHaveLength(1);
    expect(await store.countRows('demo-black', 1)).toBe(0);
    const v2 = await signed(header({ version: 2 }), [9].map(entry));
    await expect(importList(store, stream(v2.file), v2.sig, await opts())).rejects.toMatchObject({ code: 'older-version' });
    expect(await store.countRows('demo-black')).toBe(1);
  });

  async function refused(make: () => Promise<{ file: Uint8Array; sig: string }>, code: string, over = {}) {
    const { store, lists } = await withV1();
    const { file, sig } = await make();
    const source = file instanceof ReadableStream ? file : stream(file);
    const err = await importList(store, source, sig, await opts(over)).catch((e) => e);
    expect(err.code).toBe(code);
    expect(err.zh).toBeTruthy();
    expect((await store.inForce('demo-black'))?.version).toBe(1);
    expect(await lists.byUscc(entry(2).uscc)).toHaveLength(1);
    expect(await store.countRows('demo-black')).toBe(3);
  }

  const v2 = (lines: unknown[] = [4, 5, 6].map(entry), over = {}) => signed(header({ version: 2, ...over }), lines);

  it('keeps the old version when the signature fails', () =>
    refused(async () => {
      const { file, sig } = await v2();
      const other = await generateKeyPair('demo-lists-2026');
      return { file, sig: JSON.stringify(await signList(file, other.privateJwk)) };
    }, 'bad-signature'));

  it('keeps the old version when the file is truncated', () =>
    refused(async () => {
      const { file, sig } = await v2();
      return { file: file.subarray(0, file.length - 30), sig };
    }, 'digest-mismatch'));

  it('keeps the old version when the file was changed after signing', () =>
    refused(async () => {
      const { file, sig } = await v2();
      const changed = file.slice();
      changed[changed.length - 5] = changed[changed.length - 5]! ^ 1;
      return { file: changed, sig };
    }, 'digest-mismatch'));

  it('keeps the old version for an expired list', () => refused(() => v2(undefined, { expires: '2026-11-19T00:00:00Z' }), 'expired'));
  it('keeps the old version for an unknown key', () => refused(() => v2(undefined, { keyId: 'nobody' }), 'key-mismatch'));
  it('keeps the old version when the key lookup refuses the key (revoked)', () =>
    refused(() => v2(), 'unknown-key', { keys: () => ({ error: { code: 'revoked-key', message: 'revoked 2026-10-01' } }) }));
  it('keeps the old version when any line is bad', () => refused(() => v2([entry(4), { name: '' }, entry(6)]), 'bad-lines'));
  it('keeps the old version when the stated count does not match', () => refused(() => v2([entry(4)], { count: 2 }), 'count-mismatch'));

  it('keeps the old version when interrupted halfway, and cleans the leftovers on the next import', async () => {
    const { store, lists } = await withV1();
    const big = await v2(Array.from({ length: 40 }, (_, i) => entry(100 + i)));
    const ac = new AbortController();
    const err = await importList(store, stream(big.file, 256), big.sig, await opts({ signal: ac.signal, onProgress: (p: { lines: number }) => p.lines >= 10 && ac.abort() })).catch((e) => e);
    expect(err.code).toBe('aborted');
    expect((await store.inForce('demo-black'))?.version).toBe(1);
    expect(await lists.byUscc(entry(100).uscc)).toEqual([]);
    // A crash leaves staged rows behind; simulate it by staging without finishing.
    await store.beginStaging('demo-black', 5, NOW);
    await store.putRows([{ list: 'demo-black', version: 5, seq: 2, nameKey: 'x', line: entry(1) }]);
    const v3 = await signed(header({ version: 3 }), [8].map(entry));
    await importList(store, stream(v3.file), v3.sig, await opts());
    expect(await store.countRows('demo-black', 5)).toBe(0);
    expect(await store.countRows('demo-black')).toBe(1);
  });

  it('keeps the old version when the download fails halfway (the stream errors)', () =>
    refused(async () => {
      const { file, sig } = await v2(Array.from({ length: 20 }, (_, i) => entry(200 + i)));
      let sent = 0;
      const broken = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent > file.length / 2) return c.error(new Error('connection reset'));
          c.enqueue(file.slice(sent, sent + 100));
          sent += 100;
        },
      });
      return { file: broken as unknown as Uint8Array, sig };
    }, 'read-failed'));

  // A Blob whose slice reads fail `failures` times at one offset, as Chromium's do on a busy machine.
  function flakyBlob(file: Uint8Array, failures: number, at = 0) {
    const blob = new Blob([file as BlobPart]);
    let left = failures;
    const reads: number[] = [];
    const flaky = {
      size: blob.size,
      slice: (start: number, end: number) => ({
        arrayBuffer: () => {
          reads.push(start);
          if (start === at && left > 0) return left--, Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
          return blob.slice(start, end).arrayBuffer();
        },
      }),
      arrayBuffer: () => blob.arrayBuffer(),
    } as unknown as Blob;
    return { flaky, reads };
  }

  it('reads a Blob in slices and tries a failed slice again: a busy machine does not fail the import', async () => {
    const { store, lists } = await withV1();
    const big = await v2(Array.from({ length: 12_000 }, (_, i) => entry(300 + i)));
    expect(big.file.length).toBeGreaterThan(2 << 20);
    const { flaky, reads } = flakyBlob(big.file, 2, 1 << 20);
    const r = await importList(store, flaky, big.sig, await opts({ batchSize: 4000 }));
    expect(r).toMatchObject({ outcome: 'imported', list: { version: 2, count: 12_000 } });
    expect(reads.filter((o) => o === 1 << 20)).toHaveLength(3);
    expect(await lists.byUscc(entry(12_299).uscc)).toHaveLength(1);
  });

  it('says read-failed with the browser error and the offset once a slice keeps failing; the old version stays', async () => {
    const { store, lists } = await withV1();
    const { file, sig } = await v2();
    const err = await importList(store, flakyBlob(file, 99).flaky, sig, await opts()).catch((e) => e);
    expect(err).toMatchObject({ code: 'read-failed', detail: expect.stringMatching(/^byte 0, 5 tries: NotReadableError/) });
    expect(err.zh).toMatch(/^读取名单文件失败/);
    expect((await store.inForce('demo-black'))?.version).toBe(1);
    expect(await lists.byUscc(entry(2).uscc)).toHaveLength(1);
  });

  it('a database failure while staging is store-failed, not read-failed, and the old version stays', async () => {
    const { store, lists } = await withV1();
    const { file, sig } = await v2([entry(4), entry(5), entry(6)]);
    const putRows = store.putRows.bind(store);
    store.putRows = () => Promise.reject(new DOMException('Internal error', 'UnknownError'));
    const err = await importList(store, stream(file), sig, await opts()).catch((e) => e);
    expect(err).toMatchObject({ code: 'store-failed', detail: 'UnknownError: Internal error' });
    store.putRows = putRows;
    expect((await store.inForce('demo-black'))?.version).toBe(1);
    expect(await lists.byUscc(entry(4).uscc)).toEqual([]);
  });

  it('refuses a signature file that is not one', async () => {
    const { store } = await withV1();
    const { file } = await v2();
    await expect(importList(store, stream(file), '{"format":"x"}', await opts())).rejects.toMatchObject({ code: 'bad-signature-file' });
  });
});
