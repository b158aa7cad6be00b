import { sha256Hex } from '../crypto/sha256';
import type { ListInfo } from '../sources/ports';
import type { KeyLookup } from './checks';
import { ListError, toListError } from './errors';
import { openPack, verifyManifest, type PackFetch, type PackReader } from './pack';
import type { ListSignature } from './schema';
import type { ListStore, StoredPack } from './store';

export interface PackImportOptions {
  /** Publisher keys by key id, as for list files. */
  keys: KeyLookup;
  /** Clock in ms; Date.now by default. */
  now?: () => number;
}

export type PackImportResult = { outcome: 'imported' | 'unchanged'; list: ListInfo; replaced?: number };

/** The port's view of a packed list. */
export function packInfo(pack: StoredPack): ListInfo {
  const h = pack.manifest.list;
  return { id: h.id, name: h.name, kind: h.kind, publisher: h.publisher, version: h.version, issued: h.issued, expires: h.expires, importedAt: pack.importedAt, count: h.count ?? pack.manifest.indexes.uscc.keys, url: pack.url };
}

/**
 * Subscribes a packed list: verifies the manifest with the publisher's key (same checks as a list file), fetches
 * the filters and digest tables every subscriber downloads and checks them against the manifest, then puts the
 * pack in force in one transaction. The same manifest again is 'unchanged', an older version is refused
 * ('older-version'); any failure leaves the pack in force as it was. Shards are not downloaded here.
 */
export function importPack(store: ListStore, url: string, manifestBytes: Uint8Array, signature: ListSignature | string | Uint8Array, fetchFile: PackFetch, options: PackImportOptions): Promise<PackImportResult> {
  return store.queue('import', async () => {
    const now = options.now ?? Date.now;
    try {
      const manifest = await verifyManifest(manifestBytes, signature, options.keys, now());
      const sha256 = sha256Hex(manifestBytes);
      const existing = (await store.packs()).find((p) => p.id === manifest.list.id);
      if (existing && existing.sha256 === sha256) return { outcome: 'unchanged', list: packInfo(existing) };
      if (existing && existing.manifest.list.version >= manifest.list.version) throw new ListError('older-version', `${manifest.list.version} ≤ ${existing.manifest.list.version}`);
      const files: Record<string, Uint8Array> = {};
      await openPack(manifest, async (file) => (files[file] = await fetchFile(file)));
      const pack: StoredPack = { id: manifest.list.id, url, manifest, sha256, files, importedAt: new Date(now()).toISOString() };
      let replaced: number | undefined;
      try {
        ({ replaced } = await store.putPack(pack));
      } catch (err) {
        if ((err as Error).name === 'VersionRace') throw new ListError('older-version', (err as Error).message);
        throw toListError(err, 'store-failed');
      }
      return { outcome: 'imported', list: packInfo(pack), ...(replaced !== undefined ? { replaced } : {}) };
    } catch (err) {
      throw toListError(err);
    }
  });
}

// Readers by pack content: a worker that wakes up rebuilds LocalLists per request, the decoded filters stay.
const readers = new Map<string, Promise<PackReader>>();

/** A reader for a stored pack: filters from the store, shards through `fetchShard` (URL next to the manifest). */
export function packReader(pack: StoredPack, fetchShard: (url: string) => Promise<Uint8Array>): Promise<PackReader> {
  const key = `${pack.id}@${pack.sha256}`;
  let reader = readers.get(key);
  if (!reader) {
    reader = openPack(pack.manifest, async (file) => pack.files[file] ?? fetchShard(new URL(file, pack.url).href));
    reader.catch(() => readers.delete(key));
    if (readers.size >= 16) readers.delete(readers.keys().next().value!);
    readers.set(key, reader);
  }
  return reader;
}
