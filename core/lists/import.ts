import { toHex } from '../crypto/sha256';
import { checkComplete, checkHeader, readSignature, type KeyLookup } from './checks';
import { ListError, toListError } from './errors';
import { ListParser, type BadLine, type ByteSource } from './parse';
import type { ListSignature } from './schema';
import { toRows, type ListStore, type StoredList } from './store';

export interface ImportProgress {
  /** Entry lines read so far. */
  lines: number;
  bytes: number;
  /** File size in bytes as the signature states it. */
  total?: number;
  /** 0–100, when the size is known (the signature states it). */
  percent?: number;
}

export interface ImportOptions {
  /** Publisher keys by key id (the trust list's findKey); unknown or revoked keys are refused. */
  keys: KeyLookup;
  /** Clock in ms; Date.now by default. */
  now?: () => number;
  signal?: AbortSignal;
  /** Called once the header is accepted, after each stored batch, and with percent 100 once every check has passed. */
  onProgress?: (progress: ImportProgress) => void;
  /** Where the file came from, kept with the list. */
  url?: string;
  batchSize?: number;
  maxLineBytes?: number;
}

export type ImportResult =
  | { outcome: 'imported'; list: StoredList; replaced?: number }
  | { outcome: 'unchanged'; list: StoredList };

/** A refused import also says which lines were bad. */
export class ListImportError extends ListError {
  badLines: BadLine[] = [];
}

/**
 * Imports a signed list file into the store, all or nothing. Rows are staged under (list id, version) while the
 * file streams; only when every byte is read, the digest matches the signature, the key is known, the header is
 * valid and not expired, the stated count matches and no line is bad does one transaction put the new version in
 * force and drop the old one. Any failure (including abort or a closed page) leaves the version in force as it
 * was; leftovers of an interrupted import are removed at the start of the next. The same version again is a
 * no-op ('unchanged'); an older version is refused. Throws ListError with a code and zh/en text.
 * Imports into one database run one at a time, in call order: a second call waits until the first has ended.
 */
export function importList(store: ListStore, source: ByteSource, signature: ListSignature | string | Uint8Array, options: ImportOptions): Promise<ImportResult> {
  let sig: ListSignature;
  try {
    sig = readSignature(signature);
  } catch (err) {
    return Promise.reject(err);
  }
  return store.queue('import', () => importNow(store, source, sig, options));
}

/** Runs a store step; its failure is 'store-failed' with the database's own error, never taken for a read error. */
async function storeStep<T>(step: () => Promise<T>, tries = 1): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (err instanceof ListError) throw err;
      const e = err as { name?: string; message?: string };
      if (attempt >= tries || e?.name === 'AbortError' || e?.name === 'QuotaExceededError') throw new ListError('store-failed', e?.name ? `${e.name}: ${e.message ?? ''}` : String(err));
    }
  }
}

async function importNow(store: ListStore, source: ByteSource, sig: ListSignature, options: ImportOptions): Promise<ImportResult> {
  const now = options.now ?? Date.now;
  const progress = (lines: number, bytes: number, done = false): ImportProgress =>
    ({ lines, bytes, total: sig.size, percent: done ? 100 : sig.size ? Math.min(100, (bytes / sig.size) * 100) : 0 });
  let staged: { id: string; version: number } | undefined;
  let current: StoredList | undefined;
  const parser = new ListParser({
    batchSize: options.batchSize ?? 5_000,
    maxLineBytes: options.maxLineBytes,
    signal: options.signal,
    maxBadLines: 100,
    onHeader: async (header) => {
      await checkHeader(header, sig, options.keys, now());
      current = await storeStep(() => store.inForce(header.id));
      if (current && current.version === header.version) return 'stop';
      if (current && current.version > header.version) throw new ListError('older-version', `${header.version} < ${current.version}`, 1);
      await storeStep(() => store.beginStaging(header.id, header.version, now()));
      staged = { id: header.id, version: header.version };
      options.onProgress?.(progress(0, parser.bytes));
    },
  });
  try {
    await storeStep(() => store.cleanStaging());
    for await (const batch of parser.batches(source)) {
      const rows = toRows(staged!.id, staged!.version, batch);
      // Staged rows are keyed by (list, version, line): writing a batch again is harmless, so a busy database gets a second try.
      await storeStep(() => store.putRows(rows), 3);
      options.onProgress?.(progress(parser.lines, parser.bytes));
      if (options.signal?.aborted) throw new ListError('aborted');
    }
    const summary = parser.summary();
    if (summary.stopped) return { outcome: 'unchanged', list: current! };
    const key = await checkHeader(summary.header, sig, options.keys, now());
    try {
      await checkComplete(summary, sig, key);
    } catch (err) {
      throw Object.assign(new ListImportError((err as ListError).code, (err as ListError).detail, (err as ListError).line), { badLines: summary.badLines });
    }
    if (options.signal?.aborted) throw new ListError('aborted');
    const h = summary.header;
    const list: StoredList = {
      id: h.id, name: h.name, kind: h.kind, publisher: h.publisher, version: h.version, issued: h.issued, expires: h.expires,
      importedAt: new Date(now()).toISOString(), count: summary.entries, keyId: h.keyId, sha256: toHex(summary.digest),
      ...(options.url ? { url: options.url } : {}),
    };
    options.onProgress?.(progress(summary.lines, summary.bytes, true));
    let replaced: number | undefined;
    try {
      ({ replaced } = await store.commit(list));
    } catch (err) {
      if ((err as Error).name === 'VersionRace') throw new ListError('older-version', (err as Error).message);
      throw toListError(err, 'store-failed');
    }
    staged = undefined;
    return replaced === undefined ? { outcome: 'imported', list } : { outcome: 'imported', list, replaced };
  } catch (err) {
    if (staged) await store.dropStaging(staged.id, staged.version).catch(() => {});
    throw toListError(err);
  }
}
