import * as z from 'zod/mini';
import { Sha256, type Sha256Factory } from '../crypto/sha256';
import { ListError } from './errors';
import { CreditLevelLine, ListHeader, ListLine } from './schema';
import { firstIssueBoth } from '../model/issue';

/**
 * Bytes of a list file: a fetch body, a Node file stream, or a Blob / File. A Blob is read in short slices
 * (see blobChunks), never through one stream held open for the whole import.
 */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Blob;

/** One valid entry and the line it came from (line 1 is the header). */
export interface ListRecord {
  line: number;
  entry: ListLine | CreditLevelLine;
}

export interface BadLine {
  line: number;
  reason: string;
}

export interface ParseOptions {
  /** Entries per yielded batch (default 2,000). */
  batchSize?: number;
  /** Longest line accepted, in bytes (default 64 KiB); a longer one is a bad line, never a buffer that grows. */
  maxLineBytes?: number;
  /** Bad lines kept with their reasons (default 100); the rest are only counted. */
  maxBadLines?: number;
  signal?: AbortSignal;
  /** The SHA-256 behind `digest` (core's own by default; must compute standard SHA-256). */
  sha256?: Sha256Factory;
  /**
   * Other line-oriented signed files (deltas) reuse the reader with their own header and line schemas; the header
   * they produce then stands in for ListHeader (it carries id, kind, keyId, issued and expires the same way).
   */
  schemas?: { header: z.ZodMiniType; line: (header: ListHeader) => z.ZodMiniType };
  /** Called once the header is valid, before any entry; return 'stop' to end reading (e.g. a version already in force). */
  onHeader?: (header: ListHeader) => void | 'stop' | Promise<void | 'stop'>;
}

/** What a whole pass over a file found. `digest` and `bytes` cover every byte read, BOM and newlines included. */
export interface ParseSummary {
  header: ListHeader;
  /** Entry lines seen (valid and bad). */
  lines: number;
  entries: number;
  bytes: number;
  digest: Uint8Array;
  badLines: BadLine[];
  badLineCount: number;
  /** True when onHeader asked to stop: the digest then covers only what was read. */
  stopped: boolean;
}

const NL = 0x0a;
const CR = 0x0d;
const entrySchema = (h: ListHeader) => (h.kind === 'credit-level' ? CreditLevelLine : ListLine);

const reasonOf = (error: z.core.$ZodError): string => firstIssueBoth(error, '(line)');

/** Bytes already in memory (a small delta or timestamp) as a source. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return (async function* () {
    yield bytes;
  })();
}

export interface BlobReadOptions {
  /** Bytes per slice (default 1 MiB). */
  sliceBytes?: number;
  /** Tries per slice before the read fails (default 5); a slice read is idempotent, so a retry is safe. */
  tries?: number;
  /** Wait before the first retry in ms (default 200), doubling after each failure. */
  retryMs?: number;
  signal?: AbortSignal;
}

const isBlob = (source: ByteSource): source is Blob => typeof (source as Blob).slice === 'function' && typeof (source as Blob).arrayBuffer === 'function';

const describe = (err: unknown): string => {
  const e = err as { name?: string; message?: string };
  return e?.name ? `${e.name}: ${e.message ?? ''}` : String(err);
};

/**
 * Reads a Blob as a sequence of slices, each through its own short read. Why: a Blob.stream() reader held for
 * the minutes a national list takes to import (while IndexedDB transactions run between reads) fails in Chromium
 * with NotReadableError when the machine is busy; a slice read can simply be tried again. A slice that still
 * fails after `tries` is a ListError 'read-failed' naming the offset and the browser's error.
 */
export async function* blobChunks(blob: Blob, options: BlobReadOptions = {}): AsyncGenerator<Uint8Array> {
  const step = options.sliceBytes ?? 1 << 20;
  const tries = options.tries ?? 5;
  for (let offset = 0; offset < blob.size; offset += step) {
    for (let attempt = 1; ; attempt++) {
      if (options.signal?.aborted) throw new ListError('aborted');
      try {
        yield new Uint8Array(await blob.slice(offset, offset + step).arrayBuffer());
        break;
      } catch (err) {
        if (attempt >= tries) throw new ListError('read-failed', `byte ${offset}, ${attempt} tries: ${describe(err)}`);
        await new Promise((resolve) => setTimeout(resolve, (options.retryMs ?? 200) * 2 ** (attempt - 1)));
      }
    }
  }
}

// Any failure of the source itself is 'read-failed' with the underlying error's name, never a bare rethrow.
async function* chunksOf(source: ByteSource, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  try {
    yield* rawChunks(source, signal);
  } catch (err) {
    if (err instanceof ListError) throw err;
    if ((err as Error)?.name === 'AbortError') throw new ListError('aborted');
    throw new ListError('read-failed', describe(err));
  }
}

async function* rawChunks(source: ByteSource, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  if (isBlob(source)) {
    yield* blobChunks(source, { signal });
  } else if ('getReader' in source) {
    const reader = source.getReader();
    try {
      for (;;) {
        if (signal?.aborted) throw new ListError('aborted');
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  } else {
    for await (const chunk of source) {
      if (signal?.aborted) throw new ListError('aborted');
      yield chunk;
    }
  }
}

/**
 * Streaming reader of a list file: hashes bytes as they pass, splits lines (LF or CRLF, last line with or without
 * newline, UTF-8 split across chunks, leading BOM), validates the header then every line, and yields valid entries
 * in batches. Memory holds one batch and one line, whatever the file size.
 */
export class ListParser {
  /** Progress while reading. */
  bytes = 0;
  lines = 0;
  header: ListHeader | undefined;
  private readonly hash;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly bad: BadLine[] = [];
  private badCount = 0;
  private entries = 0;
  private stopped = false;
  private result: ParseSummary | undefined;
  private schema: z.ZodMiniType | undefined;

  constructor(private readonly options: ParseOptions = {}) {
    this.hash = options.sha256?.() ?? new Sha256();
  }

  /** The summary, once batches() has run to its end. */
  summary(): ParseSummary {
    if (!this.result) throw new Error('ListParser: summary() before the file was read');
    return this.result;
  }

  async *batches(source: ByteSource): AsyncGenerator<ListRecord[], void, undefined> {
    const max = this.options.maxLineBytes ?? 65_536;
    const size = this.options.batchSize ?? 2_000;
    let pending: Uint8Array[] = [];
    let pendingLen = 0;
    let overflow = false;
    let lineNo = 0;
    let batch: ListRecord[] = [];

    // One complete line: header, entry, or bad line. Returns false when reading should stop.
    const take = async (parts: Uint8Array[], tooLong: boolean): Promise<boolean> => {
      lineNo++;
      if (tooLong) {
        if (lineNo === 1) throw new ListError('line-too-long', `line 1 is longer than ${max} bytes`, 1);
        this.lines++;
        this.badLine(lineNo, `line longer than ${max} bytes`);
        return true;
      }
      let bytes = parts.length === 1 ? parts[0]! : concat(parts);
      if (lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      if (bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, -1);
      if (lineNo > 1) this.lines++;
      let text: string;
      try {
        text = this.decoder.decode(bytes);
      } catch {
        if (lineNo === 1) throw new ListError('bad-header', 'not UTF-8', 1);
        this.badLine(lineNo, 'not valid UTF-8');
        return true;
      }
      if (lineNo === 1) return this.takeHeader(text);
      if (text.trim() === '') return this.badLine(lineNo, 'empty line'), true;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        this.badLine(lineNo, 'not JSON');
        return true;
      }
      const parsed = this.schema!.safeParse(value);
      if (!parsed.success) return this.badLine(lineNo, reasonOf(parsed.error)), true;
      this.entries++;
      batch.push({ line: lineNo, entry: parsed.data as ListRecord['entry'] });
      return true;
    };

    // A line's length excludes its line end: the LF, and the CR of a CRLF (which may sit in the pending part).
    const endsInCr = (piece: Uint8Array): boolean => (piece.length ? piece[piece.length - 1] : pending.at(-1)?.at(-1)) === CR;
    for await (const chunk of chunksOf(source, this.options.signal)) {
      this.hash.update(chunk);
      this.bytes += chunk.length;
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(NL, start);
        if (nl < 0) {
          // One byte more than the cap may wait: it can be the CR of a CRLF split across chunks.
          if (!overflow && pendingLen + chunk.length - start > max + 1) overflow = true, pending = [], pendingLen = 0;
          else if (!overflow && start < chunk.length) pending.push(chunk.slice(start)), pendingLen += chunk.length - start;
          break;
        }
        const piece = chunk.subarray(start, nl);
        const tooLong = overflow || pendingLen + piece.length - (endsInCr(piece) ? 1 : 0) > max;
        const go = await take(tooLong ? [] : [...pending, piece], tooLong);
        pending = [];
        pendingLen = 0;
        overflow = false;
        start = nl + 1;
        if (!go) return this.finish();
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
    }
    if (pendingLen > 0 || overflow) {
      const last = overflow || pendingLen - (endsInCr(new Uint8Array(0)) ? 1 : 0) > max;
      const go = await take(last ? [] : pending, last);
      if (!go) return this.finish();
    }
    if (lineNo === 0) throw new ListError('empty');
    if (batch.length) yield batch;
    this.finish();
  }

  private async takeHeader(text: string): Promise<boolean> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ListError('bad-header', 'line 1 is not JSON', 1);
    }
    const parsed = (this.options.schemas?.header ?? ListHeader).safeParse(value);
    if (!parsed.success) throw new ListError('bad-header', `line 1: ${reasonOf(parsed.error)}`, 1);
    const header = parsed.data as ListHeader;
    this.header = header;
    this.schema = this.options.schemas ? this.options.schemas.line(header) : entrySchema(header);
    if ((await this.options.onHeader?.(header)) === 'stop') {
      this.stopped = true;
      return false;
    }
    return true;
  }

  private badLine(line: number, reason: string): void {
    this.badCount++;
    if (this.bad.length < (this.options.maxBadLines ?? 100)) this.bad.push({ line, reason });
  }

  private finish(): void {
    this.result = {
      header: this.header!,
      lines: this.lines,
      entries: this.entries,
      bytes: this.bytes,
      digest: this.hash.digest(),
      badLines: this.bad,
      badLineCount: this.badCount,
      stopped: this.stopped,
    };
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}

/** Reads a whole file and returns its summary, dropping the entries (validation only). */
export async function scanList(source: ByteSource, options?: ParseOptions): Promise<ParseSummary> {
  const parser = new ListParser(options);
  for await (const _ of parser.batches(source)) void _;
  return parser.summary();
}
