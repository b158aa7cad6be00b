import * as z from 'zod/mini';
import { Sha256, sha256Hex, toHex, type Sha256Factory, type Sha256Hasher } from '../crypto/sha256';
import { verifySignedJson, type KeyLookup } from './checks';
import { ListError } from './errors';
import { buildFuse, fuseMayContain, hashKey, murmur3, type FuseFilter } from './fuse';
import { normaliseName } from './normalise-name';
import { ListParser, type ByteSource } from './parse';
import { CreditLevelLine, ListHeader, ListLine, type ListSignature } from './schema';

/**
 * The compact subscriber format of a list (docs/list-format.md, "Packed lists"): a signed manifest, one binary
 * fuse filter per lookup key (USCC, normalised name) that every subscriber downloads whole, and entry details in
 * shards keyed by a hash prefix that at least `k` entries share, fetched only when the filter says "maybe".
 */
export const PACK_FORMAT = 'xinbiao-pack/1';
/** Fewest entries a shard may hold, so fetching one says no more than "one of these k or more subjects". */
export const PACK_MIN_SHARD = 100;
const SHARD_SEED = 0x2f1b9e3d;
const FILTER_MAGIC = 0x31464258; // "XBF1" little-endian

const HexDigest = z.string().check(z.regex(/^[0-9a-f]{64}$/));
// One name inside the manifest's folder: never `.` or `..`, which a URL or a path would resolve outside it.
const FileName = z.string().check(z.regex(/^(?!\.\.?$)[A-Za-z0-9._-]{1,120}$/));
const FileRef = z.object({ file: FileName, sha256: HexDigest, size: z.number().check(z.int(), z.minimum(0)) });
export type FileRef = z.infer<typeof FileRef>;

const PackIndex = z.object({
  /** Distinct keys in the filter. */
  keys: z.number().check(z.int(), z.minimum(0)),
  filter: FileRef,
  /** Shard number = top `prefixBits` bits of murmur3(key, SHARD_SEED); 0 bits is a single shard. */
  prefixBits: z.number().check(z.int(), z.minimum(0), z.maximum(20)),
  /** 32-byte SHA-256 of each shard file, in shard order (2^prefixBits of them). */
  digests: FileRef,
  /** Folder of the shards: `<dir>/<shard as hex>.ndjson`. */
  dir: FileName,
  /** Entries in the smallest shard (≥ k unless the whole list is smaller). */
  minShard: z.number().check(z.int(), z.minimum(0)),
});
export type PackIndex = z.infer<typeof PackIndex>;

/** The signed manifest (`<id>.pack.json`, with `<id>.pack.json.sig` in the list signature format). */
export const PackManifest = z.object({
  format: z.literal(PACK_FORMAT),
  /** The header of the NDJSON list it was packed from: id, version, expiry and signing key are the list's. */
  list: ListHeader,
  /** The NDJSON file it was packed from. */
  source: z.object({ sha256: HexDigest, size: z.number().check(z.int(), z.minimum(0)) }),
  k: z.number().check(z.int(), z.minimum(1)),
  indexes: z.object({ uscc: PackIndex, name: PackIndex }),
});
export type PackManifest = z.infer<typeof PackManifest>;

/**
 * A signed delta for subscribers of a packed list (docs/list-format.md, "Pack deltas"; applied by pack-delta.ts), in
 * the manner of CRLite's stashes: the entries removed and the entries added since the edition it applies to, each
 * packed as a small pack of its own (filters that every subscriber downloads, hash-prefix shards fetched on a filter hit). A subscriber keeps
 * the base pack and applies deltas on top; a lookup takes the base's entries, drops those a delta removed and adds
 * those it added, delta by delta. The manifest is signed like a list file with the list's key.
 */
export const PACK_DELTA_FORMAT = 'xinbiao-pack-delta/1';

export const PackDeltaManifest = z.object({
  format: z.literal(PACK_DELTA_FORMAT),
  /** The header of the edition the delta leads to: id, version, expiry and signing key are checked as for a list. */
  list: ListHeader,
  /** The NDJSON file of that edition. */
  source: z.object({ sha256: HexDigest }),
  /** The edition it applies to: version and SHA-256 of its NDJSON (a pack's `source.sha256`). */
  from: z.object({ version: z.number().check(z.int(), z.minimum(1)), sha256: HexDigest }),
  /** The removed entries and the added entries, each as a pack (a changed entry is removed and added). */
  removes: PackManifest,
  adds: PackManifest,
});
export type PackDeltaManifest = z.infer<typeof PackDeltaManifest>;

export type PackKeyKind = 'uscc' | 'name';

/** The lookup key of an entry for one index, or undefined (an entry without a USCC has no code key). */
export function packKey(kind: PackKeyKind, entry: { uscc?: string; name: string }): string | undefined {
  if (kind === 'uscc') return entry.uscc;
  return normaliseName(entry.name) || undefined;
}

const shardOf = (key: string, bits: number): number => (bits === 0 ? 0 : murmur3(key, SHARD_SEED) >>> (32 - bits));
export const shardName = (shard: number, bits: number): string => `${shard.toString(16).padStart(Math.max(1, Math.ceil(bits / 4)), '0')}.ndjson`;

/** The shard prefix width tried first for n keys: about 2.5 k entries a shard, at most 2^20 shards. */
const widestBits = (n: number, k: number): number => Math.max(0, Math.min(20, Math.floor(Math.log2(n / (2.5 * k)))));

/** Growable parallel arrays of key hashes: typed memory only, never one object per entry (also used by the benchmark). */
export class KeyHashes {
  a = new Uint32Array(1024);
  b = new Uint32Array(1024);
  s = new Uint32Array(1024);
  n = 0;
  push(key: string): void {
    if (this.n === this.a.length) for (const f of ['a', 'b', 's'] as const) {
      const grown = new Uint32Array(this.n * 2);
      grown.set(this[f]);
      this[f] = grown;
    }
    const h = hashKey(key);
    this.a[this.n] = h.a;
    this.b[this.n] = h.b;
    this.s[this.n++] = murmur3(key, SHARD_SEED);
  }
  /** Distinct keys (by their 64-bit hash), sorted. */
  distinct(): { a: Uint32Array; b: Uint32Array } {
    const both = new BigUint64Array(this.n);
    for (let i = 0; i < this.n; i++) both[i] = (BigInt(this.a[i]!) << 32n) | BigInt(this.b[i]!);
    both.sort();
    const a = new Uint32Array(this.n), b = new Uint32Array(this.n);
    let m = 0;
    for (let i = 0; i < this.n; i++) {
      if (i > 0 && both[i] === both[i - 1]) continue;
      a[m] = Number(both[i]! >> 32n);
      b[m++] = Number(both[i]! & 0xffffffffn);
    }
    return { a: a.subarray(0, m), b: b.subarray(0, m) };
  }
  /** Widest shard prefix whose every shard holds ≥ k entries, aiming at about 2.5 k per shard. */
  prefixBits(k: number): { bits: number; min: number } {
    let bits = widestBits(this.n, k);
    for (;;) {
      const counts = new Uint32Array(1 << bits);
      for (let i = 0; i < this.n; i++) counts[bits === 0 ? 0 : this.s[i]! >>> (32 - bits)]!++;
      const min = counts.reduce((m, c) => Math.min(m, c), Infinity);
      if (bits === 0 || min >= k) return { bits, min: this.n === 0 ? 0 : min };
      bits--;
    }
  }
}

/** Filter file bytes: magic "XBF1", seed, segment length, segment count (u32 LE each), then the fingerprints. */
export function encodeFilter(f: FuseFilter): Uint8Array {
  const out = new Uint8Array(16 + f.fingerprints.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, FILTER_MAGIC, true);
  v.setUint32(4, f.seed, true);
  v.setUint32(8, f.segmentLength, true);
  v.setUint32(12, f.segmentCount, true);
  out.set(f.fingerprints, 16);
  return out;
}

/** Reads a filter file; a malformed one is a ListError 'bad-pack'. */
export function decodeFilter(bytes: Uint8Array): FuseFilter {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 16 || v.getUint32(0, true) !== FILTER_MAGIC) throw new ListError('bad-pack', 'not a filter file');
  const seed = v.getUint32(4, true), segmentLength = v.getUint32(8, true), segmentCount = v.getUint32(12, true);
  const fingerprints = bytes.subarray(16);
  const powerOfTwo = segmentLength > 0 && (segmentLength & (segmentLength - 1)) === 0;
  if (!powerOfTwo || (fingerprints.length !== 0 && fingerprints.length !== (segmentCount + 2) * segmentLength)) throw new ListError('bad-pack', 'filter layout');
  return { seed, segmentLength, segmentCount, fingerprints };
}

/** Where packList writes: one call per file (filters, digest tables) and per shard line. */
export interface PackSink {
  /** A shard line (the entry as one JSON line, newline included), in list order within each shard. */
  shardLine(kind: PackKeyKind, shard: number, line: string): void | Promise<void>;
  /** Called when every line of a pass was handed over (flush buffers). */
  flush?(): void | Promise<void>;
  /**
   * Drops every shard line handed over so far. A sink that can do this lets packList pack in one pass, with the
   * shard widths chosen from the header's count; reset is called only when the keys turn out not to fit them.
   */
  reset?(): void | Promise<void>;
}

export interface PackResult {
  manifest: PackManifest;
  /** Files to write next to the manifest, by name (filters and digest tables). */
  files: Map<string, Uint8Array>;
}

export interface PackOptions {
  /** Fewest entries a shard may hold (default PACK_MIN_SHARD). */
  k?: number;
  /** Learns the shard widths and folders before the first shard line (again if a second pass re-chooses them). */
  onLayout?: (bits: Record<PackKeyKind, number>, dirs: Record<PackKeyKind, string>) => void;
  /** The SHA-256 for the file and shard digests (core's own by default). */
  sha256?: Sha256Factory;
}

/**
 * Packs a valid NDJSON list (already verified by the caller), streaming, validating each line once: every key is
 * hashed into typed arrays (never one object per entry) and, when the header states a count and the sink can
 * `reset`, each entry line goes to its shards in the same pass, with shard widths chosen from that count. When
 * there is no count, or the keys do not fit the widths chosen (a shard below k), a second pass over `open()` hands the
 * lines over with widths chosen from the keys seen (and checks the file did not change between the passes). Shard
 * digests are computed from the lines as handed over, each shard's lines in list order.
 * Throws ListError when the file is not a valid list (bad lines, count mismatch).
 */
export async function packList(open: () => ByteSource, sink: PackSink, options: PackOptions = {}): Promise<PackResult> {
  const k = options.k ?? PACK_MIN_SHARD;
  const sha256 = options.sha256 ?? (() => new Sha256());
  const hashes = { uscc: new KeyHashes(), name: new KeyHashes() };
  const enc = new TextEncoder();
  const kinds = ['uscc', 'name'] as const;
  let bits: Record<PackKeyKind, number> | undefined;
  let shardHash: Record<PackKeyKind, Sha256Hasher[]> = { uscc: [], name: [] };
  const plan = (header: ListHeader, chosen: Record<PackKeyKind, number>) => {
    bits = chosen;
    shardHash = { uscc: Array.from({ length: 1 << chosen.uscc }, sha256), name: Array.from({ length: 1 << chosen.name }, sha256) };
    // Files carry the edition: subscribers that reached a later edition by deltas still read this one's shards.
    const base = `${header.id}.v${header.version}`;
    options.onLayout?.(chosen, { uscc: `${base}.uscc`, name: `${base}.name` });
  };
  // One entry's line to the shard of each of its keys; `shards` holds each key's 32-bit shard hash.
  const hand = async (entry: ListLine | CreditLevelLine, shards: Record<PackKeyKind, number | undefined>) => {
    const line = `${JSON.stringify(entry)}\n`;
    const bytes = enc.encode(line);
    for (const kind of kinds) {
      const s = shards[kind];
      if (s === undefined) continue;
      const shard = bits![kind] === 0 ? 0 : s >>> (32 - bits![kind]);
      shardHash[kind][shard]!.update(bytes);
      await sink.shardLine(kind, shard, line);
    }
  };
  const keyShards = (entry: ListLine | CreditLevelLine, record: boolean): Record<PackKeyKind, number | undefined> => {
    const out: Record<PackKeyKind, number | undefined> = { uscc: undefined, name: undefined };
    for (const kind of kinds) {
      const key = packKey(kind, entry);
      if (!key) continue;
      if (!record) out[kind] = murmur3(key, SHARD_SEED);
      else (hashes[kind].push(key), (out[kind] = hashes[kind].s[hashes[kind].n - 1]!));
    }
    return out;
  };

  const onePass = sink.reset !== undefined;
  const first = new ListParser({
    batchSize: 5_000,
    sha256,
    onHeader: (h) => void (onePass && h.count !== undefined && plan(h, { uscc: widestBits(h.count, k), name: widestBits(h.count, k) })),
  });
  for await (const batch of first.batches(open())) {
    for (const { entry } of batch) {
      const shards = keyShards(entry, true);
      if (bits) await hand(entry, shards);
    }
  }
  const summary = first.summary();
  if (summary.badLineCount) throw new ListError('bad-lines', `${summary.badLineCount} bad line(s)`, summary.badLines[0]?.line);
  if (summary.header.count !== undefined && summary.header.count !== summary.entries) throw new ListError('count-mismatch', `${summary.entries} entries, header says ${summary.header.count}`);
  const layout = { uscc: hashes.uscc.prefixBits(k), name: hashes.name.prefixBits(k) };
  if (!bits || bits.uscc !== layout.uscc.bits || bits.name !== layout.name.bits) {
    if (bits) await sink.reset!();
    plan(summary.header, { uscc: layout.uscc.bits, name: layout.name.bits });
    const second = new ListParser({ batchSize: 5_000, sha256 });
    for await (const batch of second.batches(open())) for (const { entry } of batch) await hand(entry, keyShards(entry, false));
    if (toHex(second.summary().digest) !== toHex(summary.digest)) throw new ListError('read-failed', 'the file changed between the two passes');
  }
  await sink.flush?.();
  const base = `${summary.header.id}.v${summary.header.version}`;
  const files = new Map<string, Uint8Array>();
  const ref = (file: string, bytes: Uint8Array): FileRef => (files.set(file, bytes), { file, sha256: sha256Hex(bytes), size: bytes.length });
  const index = (kind: PackKeyKind): PackIndex => {
    const { a, b } = hashes[kind].distinct();
    const digests = new Uint8Array(32 * shardHash[kind].length);
    shardHash[kind].forEach((h, i) => digests.set(h.digest(), 32 * i));
    return {
      keys: a.length,
      filter: ref(`${base}.${kind}.filter`, encodeFilter(buildFuse(a, b))),
      prefixBits: layout[kind].bits,
      digests: ref(`${base}.${kind}.digests`, digests),
      dir: `${base}.${kind}`,
      minShard: layout[kind].min,
    };
  };
  const manifest: PackManifest = { format: PACK_FORMAT, list: summary.header, source: { sha256: toHex(summary.digest), size: summary.bytes }, k, indexes: { uscc: index('uscc'), name: index('name') } };
  return { manifest, files };
}

/** Bytes of the manifest as signed and published: compact JSON plus a newline. */
export const manifestBytes = (m: PackManifest): Uint8Array => new TextEncoder().encode(`${JSON.stringify(m)}\n`);

/**
 * Verifies a manifest against its `.sig` through the same checks as a list file (key of the list's key id from
 * the key lookup, not expired, digest and Ed25519 signature). Throws ListError.
 */
export function verifyManifest(bytes: Uint8Array, signature: ListSignature | string | Uint8Array, keys: KeyLookup, now: number): Promise<PackManifest> {
  return verifySignedJson(bytes, signature, PackManifest, (m) => m.list, keys, now, 'bad-pack');
}

/** Fetches one file of a pack by name (`<dir>/<shard>.ndjson` for shards); the reader checks every byte. */
export type PackFetch = (file: string) => Promise<Uint8Array>;

/** A list entry found in a pack: the validated line. */
export type PackEntry = ListLine | CreditLevelLine;

/** Exact lookups over a verified pack: the filter answers "no" locally; a "maybe" is confirmed in its shard. */
export interface PackReader {
  manifest: PackManifest;
  byUscc(uscc: string): Promise<PackEntry[]>;
  byName(name: string): Promise<PackEntry[]>;
  /** Shard fetches so far, as `<dir>/<file>` (for tests of what leaves the device). */
  readonly fetched: string[];
  /** Fetches and checks every shard of one index (for indexes too small to cut into shards of k). */
  prefetch(kind: PackKeyKind): Promise<void>;
  /** Shards held in memory now, per index (at most the reader's cacheShards each). */
  cachedShards(): Record<PackKeyKind, number>;
}

/** A file named in a manifest, checked against its size and SHA-256 ('digest-mismatch'). */
async function checkedFile(ref: FileRef, fetchFile: PackFetch): Promise<Uint8Array> {
  const bytes = await fetchFile(ref.file);
  if (bytes.length !== ref.size || sha256Hex(bytes) !== ref.sha256) throw new ListError('digest-mismatch', ref.file);
  return bytes;
}

/** An index's table of shard digests (32 bytes per shard), checked against the manifest. */
async function digestTable(ix: PackIndex, fetchFile: PackFetch): Promise<Uint8Array> {
  const digests = await checkedFile(ix.digests, fetchFile);
  if (digests.length !== 32 << ix.prefixBits) throw new ListError('bad-pack', `${ix.digests.file}: ${digests.length} bytes`);
  return digests;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One shard's entries, checked against its digest and, line by line, against the list kind's schema ('bad-pack'). */
async function shardEntries(manifest: PackManifest, ix: PackIndex, digests: Uint8Array, n: number, fetchFile: PackFetch): Promise<PackEntry[]> {
  const file = `${ix.dir}/${shardName(n, ix.prefixBits)}`;
  const bytes = await fetchFile(file);
  if (toHex(new Sha256().update(bytes).digest()) !== toHex(digests.subarray(32 * n, 32 * n + 32))) throw new ListError('digest-mismatch', file);
  const schema = manifest.list.kind === 'credit-level' ? CreditLevelLine : ListLine;
  const lines = utf8.decode(bytes).split('\n').filter((l) => l !== '');
  // The signed smallest-shard size is what made fetching this shard by prefix acceptable: a shard below it is a lie.
  if (lines.length < ix.minShard) throw new ListError('bad-pack', `${file}: ${lines.length} entries, manifest says at least ${ix.minShard}`);
  return lines.map((l, i) => {
    let parsed;
    try {
      parsed = schema.safeParse(JSON.parse(l));
    } catch {
      throw new ListError('bad-pack', `${file}:${i + 1}`);
    }
    if (!parsed.success) throw new ListError('bad-pack', `${file}:${i + 1}`);
    return deepFreeze(parsed.data as PackEntry);
  });
}

// Verified entries are kept and handed out again: frozen, so no caller can change what the next lookup reads.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Verified shards an open pack keeps in memory per index, most recently used last (about 250 entries each). */
export const PACK_SHARD_CACHE = 64;

/**
 * Every entry of a verified pack, one shard at a time, each shard checked as a lookup checks it: for importers that
 * keep the whole list (the status service's database). The name index holds every entry with a name key; the code
 * index adds the entries without one. When the list's header states a count, the entries must add up to it
 * ('count-mismatch'). Throws ListError ('digest-mismatch', 'bad-pack', 'count-mismatch').
 */
export async function* packEntries(manifest: PackManifest, fetchFile: PackFetch): AsyncGenerator<PackEntry[]> {
  let count = 0;
  for (const kind of ['name', 'uscc'] as const) {
    const ix = manifest.indexes[kind];
    const digests = await digestTable(ix, fetchFile);
    for (let n = 0; n < 1 << ix.prefixBits; n++) {
      const entries = (await shardEntries(manifest, ix, digests, n, fetchFile)).filter((e) => kind === 'name' || !packKey('name', e));
      count += entries.length;
      if (entries.length) yield entries;
    }
  }
  const stated = manifest.list.count;
  if (stated !== undefined && stated !== count) throw new ListError('count-mismatch', `${count} entries, header says ${stated}`);
}

/**
 * Opens a verified manifest: fetches both filters and digest tables once and checks them against the manifest's
 * SHA-256 (a mismatch is 'digest-mismatch'); they stay in memory as typed arrays, so a filter miss is answered
 * without any read. Lookups fetch a shard only on a filter hit, by shard number, and check it against the digest
 * table before reading it (a shard line that fails validation is 'bad-pack'). Up to `cacheShards` verified shards
 * per index (default PACK_SHARD_CACHE) stay in memory, least recently used dropped first, their entries frozen.
 */
export async function openPack(manifest: PackManifest, fetchFile: PackFetch, options: { cacheShards?: number } = {}): Promise<PackReader> {
  const cacheShards = Math.max(1, options.cacheShards ?? PACK_SHARD_CACHE);
  const load = async (kind: PackKeyKind) => ({ ix: manifest.indexes[kind], filter: decodeFilter(await checkedFile(manifest.indexes[kind].filter, fetchFile)), digests: await digestTable(manifest.indexes[kind], fetchFile), shards: new Map<number, Promise<ShardIndex>>() });
  const indexes = { uscc: await load('uscc'), name: await load('name') };
  const fetched: string[] = [];

  // A verified shard's entries by their key for this index, so a repeated hit reads one Map entry.
  type ShardIndex = Map<string, PackEntry[]>;
  const byKey = async (kind: PackKeyKind, entries: Promise<PackEntry[]>): Promise<ShardIndex> => {
    const out: ShardIndex = new Map();
    for (const e of await entries) {
      const key = packKey(kind, e);
      if (key) (out.get(key) ?? out.set(key, []).get(key)!).push(e);
    }
    return out;
  };

  function shard(kind: PackKeyKind, n: number): Promise<ShardIndex> {
    const { ix, digests, shards } = indexes[kind];
    let entries = shards.get(n);
    if (entries) {
      // Most recently used goes last: a Map iterates in insertion order.
      shards.delete(n);
      shards.set(n, entries);
      return entries;
    }
    fetched.push(`${ix.dir}/${shardName(n, ix.prefixBits)}`);
    // Lookups of one shard at the same time share one fetch; a failed one is not kept.
    entries = byKey(kind, shardEntries(manifest, ix, digests, n, fetchFile));
    entries.catch(() => shards.get(n) === entries && shards.delete(n));
    if (shards.size >= cacheShards) shards.delete(shards.keys().next().value!);
    shards.set(n, entries);
    return entries;
  }

  async function lookup(kind: PackKeyKind, key: string | undefined): Promise<PackEntry[]> {
    if (!key) return [];
    const { ix, filter } = indexes[kind];
    if (!fuseMayContain(filter, hashKey(key))) return [];
    return [...((await shard(kind, shardOf(key, ix.prefixBits))).get(key) ?? [])];
  }

  return {
    manifest,
    fetched,
    byUscc: (uscc) => lookup('uscc', uscc.trim().toUpperCase()),
    byName: (name) => lookup('name', normaliseName(name)),
    async prefetch(kind) {
      for (let n = 0; n < 1 << indexes[kind].ix.prefixBits; n++) await shard(kind, n);
    },
    cachedShards: () => ({ uscc: indexes.uscc.shards.size, name: indexes.name.shards.size }),
  };
}
