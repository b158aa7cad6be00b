import { sha256Hex } from '../crypto/sha256';
import type { ListInfo } from '../sources/ports';
import type { KeyLookup } from './checks';
import { ListError, toListError } from './errors';
import { fetchHeld, layeredReader, packInfo } from './pack-delta';
import { openPack, verifyManifest, type PackFetch, type PackReader } from './pack';
import type { ListSignature } from './schema';
import { packEdition, type ListStore, type StoredPack } from './store';

export interface PackImportOptions {
  /** Publisher keys by key id, as for list files. */
  keys: KeyLookup;
  /** Clock in ms; Date.now by default. */
  now?: () => number;
}

export type PackImportResult = { outcome: 'imported' | 'unchanged'; list: ListInfo; replaced?: number };

/**
 * Subscribes a packed list: verifies the manifest with the publisher's key (same checks as a list file), fetches
 * the filters and digest tables every subscriber downloads (and the shards of an index too small to cut into shards
 * of k) and checks them against the manifest, then puts the pack in force in one transaction. The same manifest
 * again is 'unchanged', an older version or the version in force reached by deltas is refused ('older-version');
 * any failure leaves the pack in force as it was. Shards are not downloaded here.
 */
export function importPack(store: ListStore, url: string, manifestBytes: Uint8Array, signature: ListSignature | string | Uint8Array, fetchFile: PackFetch, options: PackImportOptions): Promise<PackImportResult> {
  return store.queue('import', async () => {
    const now = options.now ?? Date.now;
    try {
      const manifest = await verifyManifest(manifestBytes, signature, options.keys, now());
      const sha256 = sha256Hex(manifestBytes);
      const existing = await store.pack(manifest.list.id);
      if (existing && existing.sha256 === sha256 && !existing.deltas?.length) return { outcome: 'unchanged', list: packInfo(existing) };
      const inForce = existing && packEdition(existing);
      if (inForce && inForce.list.version === manifest.list.version && inForce.sha256 === manifest.source.sha256) return { outcome: 'unchanged', list: packInfo(existing!) };
      if (inForce && inForce.list.version >= manifest.list.version) throw new ListError('older-version', `${manifest.list.version} ≤ ${inForce.list.version}`);
      const files = await fetchHeld(manifest, fetchFile);
      const pack: StoredPack = { id: manifest.list.id, url, manifest, sha256, importedAt: new Date(now()).toISOString() };
      let replaced: number | undefined;
      try {
        ({ replaced } = await store.putPack(pack, files));
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

/**
 * A reader for a stored pack and its deltas: held files (filters, digest tables, small shards) from the store,
 * other shards through `fetchShard` (URL next to the manifest).
 */
export function packReader(store: ListStore, pack: StoredPack, fetchShard: (url: string) => Promise<Uint8Array>): Promise<PackReader> {
  const key = `${pack.id}@${pack.sha256}+${(pack.deltas ?? []).map((d) => d.sha256).join(',')}`;
  let reader = readers.get(key);
  if (!reader) {
    const fetchFile: PackFetch = async (file) => (await store.packFile(pack.id, file)) ?? fetchShard(new URL(file, pack.url).href);
    reader = (async () => {
      const base = await openPack(pack.manifest, fetchFile);
      const deltas = [];
      for (const d of pack.deltas ?? []) deltas.push({ removes: await openPack(d.manifest.removes, fetchFile), adds: await openPack(d.manifest.adds, fetchFile) });
      return deltas.length ? layeredReader(base, deltas) : base;
    })();
    reader.catch(() => readers.delete(key));
    if (readers.size >= 16) readers.delete(readers.keys().next().value!);
    readers.set(key, reader);
  }
  return reader;
}
