import { sha256Hex } from '../crypto/sha256';
import type { ListInfo } from '../sources/ports';
import type { KeyLookup } from './checks';
import { ListError, toListError } from './errors';
import { fetchHeld, layeredReader, packInfo, shardsHeld } from './pack-delta';
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

// One reader per pack id and store, for the edition the pack record names: a worker that wakes up rebuilds LocalLists
// per request, the decoded filters, digest tables and cached shards stay; a new pack or delta replaces them.
const readers = new WeakMap<ListStore, Map<string, { key: string; reader: Promise<PackReader> }>>();

/** What a reader was opened for: the manifest and every delta applied, by the SHA-256 of their signed bytes. */
const editionKey = (pack: StoredPack): string => `${pack.sha256}+${(pack.deltas ?? []).map((d) => d.sha256).join(',')}`;

/**
 * A reader for a stored pack and its deltas, opened once per edition and kept while the pack record names that
 * edition: held files (filters, digest tables, small shards) from the store, read and checked against the manifest
 * once; other shards through `fetchShard` (URL next to the manifest), checked against the digest table. A pack
 * record with another manifest or another delta chain gets a new reader, and the old one (its filters and cached
 * shards) is dropped at once. A reader that failed to open is not kept. `cacheShards` as for openPack.
 */
export function packReader(store: ListStore, pack: StoredPack, fetchShard: (url: string) => Promise<Uint8Array>, options: { cacheShards?: number } = {}): Promise<PackReader> {
  let byId = readers.get(store);
  if (!byId) readers.set(store, (byId = new Map()));
  const key = editionKey(pack);
  const held = byId.get(pack.id);
  if (held?.key === key) return held.reader;
  // Shards of large indexes are never stored: fetch them without asking IndexedDB first.
  const onDemand = new Set<string>();
  for (const m of [pack.manifest, ...(pack.deltas ?? []).flatMap((d) => [d.manifest.removes, d.manifest.adds])]) {
    for (const kind of ['uscc', 'name'] as const) if (!shardsHeld(m, kind)) onDemand.add(`${m.indexes[kind].dir}/`);
  }
  const fetchFile: PackFetch = async (file) => {
    const url = new URL(file, pack.url).href;
    if (onDemand.has(file.slice(0, file.lastIndexOf('/') + 1))) return fetchShard(url);
    return (await store.packFile(pack.id, file)) ?? fetchShard(url);
  };
  const reader = (async () => {
    const base = await openPack(pack.manifest, fetchFile, options);
    const deltas = [];
    for (const d of pack.deltas ?? []) deltas.push({ removes: await openPack(d.manifest.removes, fetchFile, options), adds: await openPack(d.manifest.adds, fetchFile, options) });
    return deltas.length ? layeredReader(base, deltas) : base;
  })();
  reader.catch(() => byId.get(pack.id)?.reader === reader && byId.delete(pack.id));
  byId.set(pack.id, { key, reader });
  return reader;
}
