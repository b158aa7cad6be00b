import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse';
import type { PrivateJwk } from '../../core/crypto';
import { MarkPayload, signMark } from '../../core/marks';
import type { JwsEncoding } from '../../core/trust';
import type { SignPort } from '../../core/crypto';
import { MarkPayloadCheck } from '../../core/validate';
import { EXIT, both, say } from '../io';

/** One shop of a shops file: its line (1-based, CSV header is line 1) and the payload it describes, or why not. */
interface ShopRow {
  line: number;
  value?: unknown;
  problem?: string;
}

// A CSV cell: JSON for arrays and objects (e.g. credit), a number for iat/exp, text otherwise; empty is absent.
function cell(path: string, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^[[{]/.test(text)) return JSON.parse(text);
  if (path === 'iat' || path === 'exp') return Number(text);
  return raw;
}

// Sets a dotted path (sub.uscc) inside an object, creating the levels on the way.
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
}

/**
 * NDJSON: one payload object per line (LF or CRLF), blank lines skipped, in blocks of the rows of one read:
 * a line-by-line reader and an await per line cost as much as the validation. Reads of 64 KiB (about 130 shops):
 * with 1 MiB ones the rows waiting for their signatures outlived the young heap, and collecting them took twice as long.
 */
async function* ndjsonRows(file: string): AsyncGenerator<ShopRow[]> {
  let line = 0;
  let rest = '';
  const rows = (texts: string[]): ShopRow[] => {
    const out: ShopRow[] = [];
    for (const text of texts) {
      line++;
      if (text.trim() === '') continue;
      try {
        out.push({ line, value: JSON.parse(line === 1 ? text.replace(/^\uFEFF/, '') : text) });
      } catch {
        out.push({ line, problem: '不是 JSON / not JSON' });
      }
    }
    return out;
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }) as AsyncIterable<string>) {
    const texts = (rest + chunk).split('\n');
    rest = texts.pop()!;
    yield rows(texts);
  }
  yield rows([rest]);
}

/**
 * CSV with a header row of dotted payload paths (iss, exp, sub.uscc, sub.name, sub.kind, bind.origin, bind.path,
 * credit…), in blocks of 256 rows: a block is signed in one batch.
 */
async function* csvRows(file: string): AsyncGenerator<ShopRow[]> {
  const parser = createReadStream(file).pipe(parse({ bom: true, columns: true, skip_empty_lines: true, info: true, relax_column_count: false }));
  let block: ShopRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      block.push(csvRow(record, info.lines));
      if (block.length === 256) {
        yield block;
        block = [];
      }
    }
  } catch (err) {
    // The file itself is broken from here on (an unclosed quote, a row of another width): the rows before it are signed.
    const { lines, message } = err as { lines?: number; message: string };
    block.push({ line: lines ?? 0, problem: `CSV 文件从此行起无法读取 / the CSV file cannot be read from this line on: ${message}` });
  }
  yield block;
}

/** One CSV record as a shop row: each dotted column set in the payload, cells read by `cell`. */
function csvRow(record: Record<string, string>, line: number): ShopRow {
  try {
    const value: Record<string, unknown> = {};
    for (const [path, raw] of Object.entries(record)) {
      const v = cell(path, raw);
      if (v !== undefined) setPath(value, path, v);
    }
    return { line, value };
  } catch (err) {
    return { line, problem: `单元格不是有效的 JSON / a cell is not valid JSON: ${(err as Error).message}` };
  }
}

// Node's native encodings: about three times as fast as the pure ones on a mark.
const nodeEncoding: JwsEncoding = {
  base64url: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64url'),
  base64urlText: (t) => Buffer.from(t, 'utf8').toString('base64url'),
  ascii: (t) => Buffer.from(t, 'latin1'),
};

/** Collects output lines and writes them in blocks: one write per line was a tenth of the time per mark. */
function blockWriter(write: (text: string) => unknown, size = 256) {
  let lines: string[] = [];
  return {
    line(json: string) {
      lines.push(`${json}\n`);
      if (lines.length >= size) this.flush();
    },
    flush() {
      if (lines.length) write(lines.join(''));
      lines = [];
    },
  };
}

// A signing thread: node:crypto's Ed25519 over each input of a batch, in order. Plain CommonJS, run from this text,
// so the same code serves the sources and the prebuilt CLI.
const SIGNER = `const { parentPort, workerData } = require('node:worker_threads');
const { createPrivateKey, sign } = require('node:crypto');
const key = createPrivateKey({ key: workerData, format: 'jwk' });
parentPort.on('message', ({ id, inputs }) => {
  try { parentPort.postMessage({ id, sigs: inputs.map((i) => sign(null, i, key)) }); }
  catch (err) { parentPort.postMessage({ id, error: String((err && err.message) || err) }); }
});`;

// Signing threads: reading and checking a shop costs about as much as its signature, so a third thread would
// wait for the main one; on two cores, two signers let the system share both cores among the three threads.
const SIGNERS = Math.min(2, availableParallelism());

/**
 * Signs on worker threads, in batches of what was asked within one event-loop turn, given to the threads in turn:
 * reading and checking the next shops runs beside the signing of the last ones (Ed25519 is half of a mark's CPU
 * time). The key goes to the threads of this process only. `close` ends them.
 */
function threadSigner(key: PrivateJwk, threads = SIGNERS): { sign: SignPort; close(): Promise<void> } {
  const workers = Array.from({ length: threads }, () => new Worker(SIGNER, { eval: true, workerData: { kty: 'OKP', crv: 'Ed25519', x: key.x, d: key.d } }));
  const waiting = new Map<number, { ok: (s: Uint8Array) => void; fail: (e: Error) => void }[]>();
  let batch: { data: Uint8Array; ok: (s: Uint8Array) => void; fail: (e: Error) => void }[] = [];
  let next = 0;
  const failAll = (err: Error) => {
    for (const calls of waiting.values()) for (const c of calls) c.fail(err);
    waiting.clear();
  };
  for (const worker of workers) {
    worker.on('message', ({ id, sigs, error }: { id: number; sigs?: Uint8Array[]; error?: string }) => {
      const calls = waiting.get(id) ?? [];
      waiting.delete(id);
      calls.forEach((c, i) => (sigs?.[i] ? c.ok(sigs[i]!) : c.fail(new Error(error ?? 'no signature'))));
    });
    worker.on('error', failAll);
  }
  const flush = () => {
    const calls = batch;
    batch = [];
    const id = next++;
    waiting.set(id, calls);
    workers[id % workers.length]!.postMessage({ id, inputs: calls.map((c) => c.data) });
  };
  return {
    sign: (data) => new Promise<Uint8Array>((ok, fail) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ data, ok, fail });
    }),
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}

/** What one shop row gave: its output line, and the problem when it was refused. */
type Signed = { json: string; problem?: string };

/**
 * `xinbiao mark sign --shops FILE`: signs one mark per shop of an NDJSON (`.ndjson`, `.jsonl`) or CSV (`.csv`)
 * file with one key, streaming. `iat` defaults to now. Prints one JSON line per shop, {line, kid, token} or
 * {line, error}; exit 0 when every shop was signed, 1 when any was refused (the others are still signed).
 */
export async function signShops(file: string, key: PrivateJwk, now: () => number = Date.now): Promise<number> {
  if (!(await access(file).then(() => true, () => false))) {
    say(`无法读取店铺文件 / cannot read the shops file ${file}`);
    return EXIT.invalid;
  }
  const rows = /\.csv$/i.test(file) ? csvRows(file) : ndjsonRows(file);
  let signed = 0;
  let refused = 0;
  const iat = Math.floor(now() / 1000);
  // The generated check: what the zod schema accepts and returns, at a third of its cost per mark.
  const signer = threadSigner(key);
  const ports = { check: MarkPayloadCheck, sign: signer.sign, encoding: nodeEncoding };
  // A signed line by hand: JSON.stringify would scan the whole token (base64url and dots, nothing to escape).
  const kid = JSON.stringify(key.kid);
  const signedLine = (line: number, uscc: string | undefined, token: string) => `{"line":${line},"kid":${kid}${uscc === undefined ? '' : `,"uscc":${JSON.stringify(uscc)}`},"token":"${token}"}`;
  const out = blockWriter((text) => process.stdout.write(text));
  const one = async (row: ShopRow): Promise<Signed> => {
    const raw = row.value;
    const withIat = raw && typeof raw === 'object' && !Array.isArray(raw) && !('iat' in raw) ? { ...raw, iat } : raw;
    try {
      if (row.problem) throw new Error(row.problem);
      // signMark checks the payload against the mark schema (once: a second parse here would double the cost).
      const token = await signMark(withIat as MarkPayload, key, ports);
      // Read once the payload passed the check: before it, `sub` may be missing.
      return { json: signedLine(row.line, (withIat as MarkPayload).sub.uscc, token) };
    } catch (err) {
      const problem = (err as Error).message.replace(/^mark payload: /, '');
      return { json: JSON.stringify({ line: row.line, error: problem }), problem: `${file}:${row.line}: ${both('不能签发', 'not signed')}: ${problem}` };
    }
  };
  // Blocks are written in file order; while the oldest is signed on the thread, the next is read and checked.
  const pending: Promise<Signed[]>[] = [];
  const write = (results: Signed[]) => {
    for (const r of results) {
      if (r.problem) (refused++, say(r.problem));
      else signed++;
      out.line(r.json);
    }
  };
  try {
    for await (const block of rows) {
      pending.push(Promise.all(block.map(one)));
      if (pending.length > 2) write(await pending.shift()!);
    }
    while (pending.length) write(await pending.shift()!);
  } finally {
    await signer.close();
  }
  out.flush();
  say(`已签发 ${signed} 个标识，拒绝 ${refused} 行 / signed ${signed} marks, refused ${refused} rows (${file})`);
  return refused === 0 && signed > 0 ? EXIT.ok : EXIT.invalid;
}
