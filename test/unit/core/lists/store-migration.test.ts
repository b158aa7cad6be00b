// idb recognises requests with instanceof against the IDB globals; the auto module provides them in Node.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ListStore } from '../../../../core/lists/store';

// A database as version 2 of the store left it: pack records holding their filters and digest tables.
function openVersion2(idb: IDBFactory): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = idb.open('xinbiao-lists', 2);
    req.onupgradeneeded = () => {
      // Only the store the upgrade to version 3 reads; the others are not touched by it.
      req.result.createObjectStore('packs', { keyPath: 'id' }).put({
        id: 'demo-black', url: 'https://lists.example.cn/demo-black.pack.json', manifest: { list: { version: 4 } }, sha256: 'a'.repeat(64),
        importedAt: '2026-11-20T08:00:00.000Z', files: { 'demo-black.uscc.filter': new Uint8Array([1, 2, 3]), 'demo-black.uscc.digests': new Uint8Array([9]) },
      });
    };
    req.onsuccess = () => (req.result.close(), resolve());
    req.onerror = () => reject(req.error);
  });
}

describe('list store upgrade', () => {
  it('moves the files of version-2 pack records into their own store, keeping the packs in force', async () => {
    const idb = new IDBFactory();
    await openVersion2(idb);
    const store = await ListStore.open(idb, { keyRange: IDBKeyRange });
    const pack = await store.pack('demo-black');
    expect(pack).toMatchObject({ id: 'demo-black', sha256: 'a'.repeat(64), manifest: { list: { version: 4 } } });
    expect(pack).not.toHaveProperty('files');
    expect(await store.packFile('demo-black', 'demo-black.uscc.filter')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.packFile('demo-black', 'demo-black.uscc.digests')).toEqual(new Uint8Array([9]));
    expect(await store.packFile('demo-black', 'demo-black.name.filter')).toBeUndefined();
    store.close();
  });
});
