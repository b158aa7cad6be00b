import { sha256Hex } from '../crypto/sha256';
import type { ListInfo } from '../sources/ports';
import { verifySignedJson, type KeyLookup } from './checks';
import { entryText, type DeltaHeader, type DeltaOp } from './delta';
import { ListError, toListError } from './errors';
import { openPack, PACK_DELTA_FORMAT, PACK_MIN_SHARD, PackDeltaManifest, type PackEntry, type PackFetch, type PackManifest, type PackReader } from './pack';
import { bytesSource, type ByteSource } from './parse';
import { ListHeader, type ListSignature } from './schema';
import { packEdition, type ListStore, type StoredPack } from './store';
import { staleSinceOf } from './timestamp';

/** Most entries one delta may remove plus add; beyond it the full pack is the smaller download. */
export const PACK_DELTA_MAX_OPS = 500_000;

/** The id of a delta's part, which names its files: `<id>.d<from>-<to>.add` or `.remove`. */
export function deltaPartId(id: string, from: number, to: number, part: 'add' | 'remove'): string {
  const partId = `${id}.d${from}-${to}.${part}`;
  if (!ListHeader.shape.id.safeParse(partId).success) throw new ListError('bad-header', `list id too long for a delta: ${id}`);
  return partId;
}

/**
 * One part of a delta as a list file to pack (pack.ts packList): the new edition's header under the part's id,
 * then the given entry lines (each a JSON entry, newline included).
 */
export function deltaPartSource(next: ListHeader, partId: string, lines: string[]): () => ByteSource {
  const text = `${JSON.stringify({ ...next, id: partId, count: lines.length })}\n${lines.join('')}`;
  const bytes = new TextEncoder().encode(text);
  return () => bytesSource(bytes);
}

/**
 * Builds a pack delta from an NDJSON delta's header and operations (delta.ts diffLists): the removed and the added
 * entries each become a list under its part id, packed by `packPart` (which writes the part's filters and shards and
 * returns its manifest). Throws ListError when the list id leaves no room for the part ids.
 */
export async function packDelta(header: DeltaHeader, ops: Iterable<DeltaOp>, packPart: (open: () => ByteSource, partId: string) => Promise<PackManifest>): Promise<PackDeltaManifest> {
  const next: ListHeader = {
    format: 'xinbiao-list/1', id: header.id, name: header.name, publisher: header.publisher, kind: header.kind, version: header.to.version,
    issued: header.to.issued, expires: header.expires, keyId: header.keyId, count: header.to.count,
  };
  const lines = { '-': [] as string[], '+': [] as string[] };
  for (const { op, entry } of ops) lines[op].push(`${entryText(entry)}\n`);
  const part = (kind: 'add' | 'remove', of: string[]) => {
    const id = deltaPartId(header.id, header.from.version, header.to.version, kind);
    return packPart(deltaPartSource(next, id, of), id);
  };
  return {
    format: PACK_DELTA_FORMAT, list: next, source: { sha256: header.to.sha256 }, from: header.from,
    removes: await part('remove', lines['-']), adds: await part('add', lines['+']),
  };
}

/** Bytes of a delta manifest as signed and published: compact JSON plus a newline. */
export const deltaManifestBytes = (m: PackDeltaManifest): Uint8Array => new TextEncoder().encode(`${JSON.stringify(m)}\n`);

/** Verifies a delta manifest against its `.sig` (key of the list's key id, expiry, digest, signature). Throws ListError. */
export function verifyPackDelta(bytes: Uint8Array, signature: ListSignature | string | Uint8Array, keys: KeyLookup, now: number): Promise<PackDeltaManifest> {
  return verifySignedJson(bytes, signature, PackDeltaManifest, (m) => m.list, keys, now, 'bad-pack');
}

/**
 * Fetches what a subscriber holds of a pack (filters and digest tables, checked against the manifest), plus every
 * shard of an index whose shards are smaller than k or than PACK_MIN_SHARD (the manifest's k is the publisher's
 * word, the floor is ours): fetching one of those on demand would name fewer entries. Returns the files by name.
 * Throws ListError ('digest-mismatch', 'bad-pack').
 */
export async function fetchHeld(manifest: PackManifest, fetchFile: PackFetch): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  const reader = await openPack(manifest, async (file) => (files[file] = await fetchFile(file)));
  for (const kind of ['uscc', 'name'] as const) if (shardsHeld(manifest, kind)) await reader.prefetch(kind);
  return files;
}

/** True when a subscriber holds every shard of this index (fetchHeld): shards too small to be fetched by prefix. */
export function shardsHeld(manifest: PackManifest, kind: 'uscc' | 'name'): boolean {
  const ix = manifest.indexes[kind];
  return ix.keys > 0 && ix.minShard < Math.max(manifest.k, PACK_MIN_SHARD);
}

export type PackDeltaResult = { outcome: 'applied' | 'unchanged'; list: ListInfo };

export interface PackDeltaOptions {
  keys: KeyLookup;
  /** Clock in ms; Date.now by default. */
  now?: () => number;
  maxOps?: number;
}

/**
 * Applies one signed pack delta to the pack in force, all or nothing, in the store's import queue: it must verify
 * with the list's key (a changed or cut-off manifest is 'digest-mismatch'), lead forward (to the edition in force:
 * 'unchanged'; to an older or the same version otherwise: 'older-version', a replay or a rollback), apply to exactly
 * the edition in force ('delta-mismatch'), and stay within maxOps ('delta-too-large'). Its filters and digest tables
 * are checked against the manifest before one transaction appends it. On any error the pack stays as it was.
 */
export function applyPackDelta(store: ListStore, bytes: Uint8Array, signature: ListSignature | string | Uint8Array, fetchFile: PackFetch, options: PackDeltaOptions): Promise<PackDeltaResult> {
  return store.queue('import', async () => {
    const now = options.now ?? Date.now;
    try {
      const delta = await verifyPackDelta(bytes, signature, options.keys, now());
      const pack = await store.pack(delta.list.id);
      if (!pack) throw new ListError('delta-mismatch', 'no pack in force');
      const edition = packEdition(pack);
      if (edition.list.version === delta.list.version && edition.sha256 === delta.source.sha256) return { outcome: 'unchanged', list: packInfo(pack) };
      if (delta.list.version <= edition.list.version) throw new ListError('older-version', `delta to ${delta.list.version}, ${edition.list.version} in force`);
      if (delta.from.version !== edition.list.version || delta.from.sha256 !== edition.sha256) throw new ListError('delta-mismatch', `delta from ${delta.from.version}, ${edition.list.version} in force`);
      const ops = (delta.removes.list.count ?? 0) + (delta.adds.list.count ?? 0);
      if (ops > (options.maxOps ?? PACK_DELTA_MAX_OPS)) throw new ListError('delta-too-large', `${ops} entries`);
      const files = { ...(await fetchHeld(delta.removes, fetchFile)), ...(await fetchHeld(delta.adds, fetchFile)) };
      try {
        const next = await store.appendPackDelta(pack.id, { version: edition.list.version, sha256: edition.sha256 }, { manifest: delta, sha256: sha256Hex(bytes) }, files);
        return { outcome: 'applied', list: packInfo(next) };
      } catch (err) {
        if ((err as Error).name === 'VersionRace') throw new ListError('older-version', (err as Error).message);
        throw toListError(err, 'store-failed');
      }
    } catch (err) {
      throw toListError(err);
    }
  });
}

/** The port's view of a packed list: the edition it answers as (after its deltas) and its freshness. */
export function packInfo(pack: StoredPack): ListInfo {
  const h = packEdition(pack).list;
  const stale = staleSinceOf(pack);
  return {
    id: h.id, name: h.name, kind: h.kind, publisher: h.publisher, version: h.version, issued: h.issued, expires: h.expires, importedAt: pack.importedAt,
    count: h.count ?? pack.manifest.indexes.uscc.keys, url: pack.url, ...(stale ? { staleSince: stale } : {}),
  };
}

/**
 * Lookups over a base pack and its deltas in order: each delta drops one base entry equal to each entry it removed
 * (by canonical JSON) and adds the entries it added. Exact like the base reader; a delta's shards are fetched only
 * on its own filter hits.
 */
export function layeredReader(base: PackReader, deltas: Array<{ removes: PackReader; adds: PackReader }>): PackReader {
  const layer = (kind: 'byUscc' | 'byName') => async (query: string): Promise<PackEntry[]> => {
    let entries = await base[kind](query);
    for (const d of deltas) {
      const gone = (await d.removes[kind](query)).map(entryText);
      if (gone.length) {
        entries = entries.filter((e) => {
          const i = gone.indexOf(entryText(e));
          return i < 0 || (gone.splice(i, 1), false);
        });
      }
      entries = [...entries, ...(await d.adds[kind](query))];
    }
    return entries;
  };
  return {
    manifest: base.manifest,
    get fetched() {
      return [...base.fetched, ...deltas.flatMap((d) => [...d.removes.fetched, ...d.adds.fetched])];
    },
    byUscc: layer('byUscc'),
    byName: layer('byName'),
    prefetch: base.prefetch,
    cachedShards() {
      const all = [base, ...deltas.flatMap((d) => [d.removes, d.adds])].map((r) => r.cachedShards());
      return { uscc: all.reduce((n, c) => n + c.uscc, 0), name: all.reduce((n, c) => n + c.name, 0) };
    },
  };
}
