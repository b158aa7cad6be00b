import * as z from 'zod/mini';
import { toHex } from '../crypto/sha256';
import { text, when } from '../model/fields';
import { checkComplete, checkHeader, readSignature, type KeyLookup } from './checks';
import { ListError, toListError } from './errors';
import { murmur3 } from './fuse';
import { ListParser, type ByteSource } from './parse';
import { CreditLevelLine, ListFileKind, ListHeader, ListLine, type ListSignature } from './schema';
import type { ListStore, StoredList } from './store';

export const DELTA_FORMAT = 'xinbiao-delta/1';

const Digest = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const Version = z.number().check(z.int(), z.minimum(1));

/**
 * Line 1 of a delta file: which list, the exact file it applies to (`from`: version and SHA-256 of that NDJSON),
 * and the file it turns it into (`to`, with that file's header fields), signed by the list's key.
 */
export const DeltaHeader = z.object({
  format: z.literal(DELTA_FORMAT),
  id: ListHeader.shape.id,
  name: text(200),
  publisher: z.object({ id: text(100), name: text(200) }),
  kind: ListFileKind,
  keyId: text(100),
  /** When the delta was made, and until when it may be applied (the new list's expiry). */
  issued: when,
  expires: when,
  from: z.object({ version: Version, sha256: Digest }),
  to: z.object({ version: Version, sha256: Digest, count: z.number().check(z.int(), z.minimum(0)), issued: when }),
  /** Number of operation lines. */
  count: z.number().check(z.int(), z.minimum(0)),
});
export type DeltaHeader = z.infer<typeof DeltaHeader>;

/** One operation: `-` removes one entry equal to `entry`, `+` adds it; a changed entry is a `-` and a `+`. */
const opSchema = (kind: string) => z.object({ op: z.enum(['+', '-']), entry: kind === 'credit-level' ? CreditLevelLine : ListLine });
export type DeltaOp = { op: '+' | '-'; entry: ListLine | CreditLevelLine };

/** The canonical text of an entry: its validated JSON (keys in schema order), as compared by diff and apply. */
export const entryText = (entry: ListLine | CreditLevelLine): string => JSON.stringify(entry);

const hash64 = (text: string): bigint => (BigInt(murmur3(text, 0x1234567)) << 32n) | BigInt(murmur3(text, 0x7654321));

class Hashes {
  v = new BigUint64Array(1024);
  n = 0;
  push(h: bigint): void {
    if (this.n === this.v.length) {
      const grown = new BigUint64Array(this.n * 2);
      grown.set(this.v);
      this.v = grown;
    }
    this.v[this.n++] = h;
  }
  sorted(): BigUint64Array {
    return this.v.subarray(0, this.n).sort();
  }
}

// Multiset a − b of two sorted arrays.
function minus(a: BigUint64Array, b: BigUint64Array): Map<bigint, number> {
  const out = new Map<bigint, number>();
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++;
    if (j < b.length && b[j] === a[i]) j++;
    else out.set(a[i]!, (out.get(a[i]!) ?? 0) + 1);
  }
  return out;
}

export interface DiffSink {
  /** Receives the header line first, then each operation line (newline included). */
  line(text: string): void | Promise<void>;
}

/**
 * Writes the delta between two valid versions of one list, streaming: each file is read twice, entries are held
 * only as 64-bit hashes in typed arrays, and only changed entries become objects. `openOld` / `openNew` return
 * the bytes afresh for each pass. Throws ListError when the files are not two versions of one list.
 */
export async function diffLists(openOld: () => ByteSource, openNew: () => ByteSource, sink: DiffSink, now: number): Promise<DeltaHeader> {
  const scan = async (open: () => ByteSource) => {
    const hashes = new Hashes();
    const p = new ListParser({ batchSize: 5_000 });
    for await (const batch of p.batches(open())) for (const { entry } of batch) hashes.push(hash64(entryText(entry)));
    const s = p.summary();
    if (s.badLineCount) throw new ListError('bad-lines', `${s.badLineCount} bad line(s)`, s.badLines[0]?.line);
    return { summary: s, hashes: hashes.sorted() };
  };
  const old = await scan(openOld);
  const neu = await scan(openNew);
  const a = old.summary.header, b = neu.summary.header;
  if (a.id !== b.id || a.kind !== b.kind) throw new ListError('delta-mismatch', `${a.id} (${a.kind}) vs ${b.id} (${b.kind})`);
  if (b.version <= a.version) throw new ListError('older-version', `${b.version} ≤ ${a.version}`);
  const removed = minus(old.hashes, neu.hashes);
  const added = minus(neu.hashes, old.hashes);
  const count = [...removed.values(), ...added.values()].reduce((x, y) => x + y, 0);
  const header: DeltaHeader = {
    format: DELTA_FORMAT, id: b.id, name: b.name, publisher: b.publisher, kind: b.kind, keyId: b.keyId,
    issued: new Date(now).toISOString(), expires: b.expires,
    from: { version: a.version, sha256: toHex(old.summary.digest) },
    to: { version: b.version, sha256: toHex(neu.summary.digest), count: neu.summary.entries, issued: b.issued },
    count,
  };
  await sink.line(`${JSON.stringify(header)}\n`);
  const emit = async (open: () => ByteSource, wanted: Map<bigint, number>, op: '+' | '-') => {
    const p = new ListParser({ batchSize: 5_000 });
    for await (const batch of p.batches(open())) {
      for (const { entry } of batch) {
        const h = hash64(entryText(entry));
        const left = wanted.get(h);
        if (!left) continue;
        wanted.set(h, left - 1);
        await sink.line(`${JSON.stringify({ op, entry })}\n`);
      }
    }
  };
  await emit(openOld, removed, '-');
  await emit(openNew, added, '+');
  return header;
}

export interface ApplyOptions {
  keys: KeyLookup;
  now?: () => number;
  /** More operations than this are refused as 'delta-too-large' (the caller then downloads the full file). */
  maxOps?: number;
}

export type ApplyResult = { outcome: 'applied' | 'unchanged'; list: StoredList };

/**
 * Applies one signed delta to the list in force, all or nothing: the delta must name exactly the version and
 * SHA-256 in force (else 'delta-mismatch'), go forward (a replayed or older delta is 'older-version', one that
 * leads to the version in force 'unchanged'), verify with the list's key, and every `-` must find its entry. The
 * operations are read and checked first, then one transaction removes, adds and moves the list to `to`.
 * Errors are ListErrors with zh/en text; on any error the previous state stays. Runs in the store's import queue.
 */
export function applyDelta(store: ListStore, source: ByteSource, signature: ListSignature | string | Uint8Array, options: ApplyOptions): Promise<ApplyResult> {
  let sig: ListSignature;
  try {
    sig = readSignature(signature);
  } catch (err) {
    return Promise.reject(err);
  }
  return store.queue('import', () => applyNow(store, source, sig, options));
}

async function applyNow(store: ListStore, source: ByteSource, sig: ListSignature, options: ApplyOptions): Promise<ApplyResult> {
  const now = options.now ?? Date.now;
  const maxOps = options.maxOps ?? 500_000;
  const ops: DeltaOp[] = [];
  let current: StoredList | undefined;
  let unchanged = false;
  const parser = new ListParser({
    batchSize: 5_000,
    schemas: { header: DeltaHeader, line: (h) => opSchema(h.kind) },
    onHeader: async (h) => {
      const d = h as unknown as DeltaHeader;
      await checkHeader(h, sig, options.keys, now());
      current = await store.inForce(d.id);
      if (current && current.version === d.to.version && current.sha256 === d.to.sha256) return (unchanged = true), 'stop';
      if (current && current.version >= d.to.version) throw new ListError('older-version', `delta to ${d.to.version}, ${current.version} in force`);
      if (!current || current.version !== d.from.version || current.sha256 !== d.from.sha256) {
        throw new ListError('delta-mismatch', `delta from ${d.from.version}, ${current ? `${current.version} in force` : 'no list in force'}`);
      }
      if (d.count > maxOps) throw new ListError('delta-too-large', `${d.count} operations`);
    },
  });
  try {
    for await (const batch of parser.batches(source)) for (const r of batch) ops.push(r.entry as unknown as DeltaOp);
    if (unchanged) return { outcome: 'unchanged', list: current! };
    const summary = parser.summary();
    const d = summary.header as unknown as DeltaHeader;
    const key = await checkHeader(summary.header, sig, options.keys, now());
    await checkComplete(summary, sig, key);
    const next: StoredList = {
      ...current!, version: d.to.version, issued: d.to.issued, expires: d.expires, count: d.to.count, sha256: d.to.sha256,
      keyId: d.keyId, name: d.name, publisher: d.publisher, importedAt: new Date(now()).toISOString(), rowsVersion: current!.rowsVersion ?? current!.version,
    };
    try {
      await store.applyOps(current!, next, ops);
    } catch (err) {
      if (err instanceof ListError) throw err;
      if ((err as Error).name === 'VersionRace') throw new ListError('older-version', (err as Error).message);
      throw toListError(err, 'store-failed');
    }
    return { outcome: 'applied', list: next };
  } catch (err) {
    throw toListError(err);
  }
}
