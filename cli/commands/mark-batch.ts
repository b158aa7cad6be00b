import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse';
import type { PrivateJwk } from '../../core/crypto';
import { EXIT, InputError, both, say } from '../io';
import { cannotRead } from './keys';
import type { ShopBlock, ShopRow, SignerResult, SignerSetup } from './mark-signer';

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
 * NDJSON as blocks of whole lines (bytes; the signing threads parse them), each with the number of its first line.
 * Reads of 256 KiB (about 500 shops): a block is one message each way.
 */
async function* ndjsonBlocks(file: string): AsyncGenerator<{ ndjson: Uint8Array; firstLine: number }> {
  let firstLine = 1;
  let rest: Buffer = Buffer.alloc(0);
  const block = (bytes: Buffer) => {
    // Its own copy: the read buffers are pooled, and the copy is handed over to the thread without another.
    const out = { ndjson: new Uint8Array(bytes), firstLine };
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) firstLine++;
    return out;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
    const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    // A line ends at a \n byte, which is never part of a longer UTF-8 character.
    const end = data.lastIndexOf(10);
    if (end === -1) {
      rest = data;
      continue;
    }
    rest = data.subarray(end + 1);
    yield block(data.subarray(0, end));
    firstLine++;
  }
  if (rest.length) yield block(rest);
}

/**
 * CSV with a header row of dotted payload paths (iss, exp, sub.uscc, sub.name, sub.kind, bind.origin, bind.path,
 * credit…), in blocks of 256 rows: a block is signed in one batch.
 */
async function* csvRows(file: string): AsyncGenerator<{ rows: ShopRow[] }> {
  const parser = createReadStream(file).pipe(parse({ bom: true, columns: true, skip_empty_lines: true, info: true, relax_column_count: false }));
  let rows: ShopRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      rows.push(csvRow(record, info.lines));
      if (rows.length === 256) {
        yield { rows };
        rows = [];
      }
    }
  } catch (err) {
    // The file itself is broken from here on (an unclosed quote, a row of another width): the rows before it are signed.
    const { lines, message } = err as { lines?: number; message: string };
    rows.push({ line: lines ?? 0, problem: `CSV 文件从此行起无法读取 / the CSV file cannot be read from this line on: ${message}` });
  }
  yield { rows };
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

// Signing threads: on two cores, two threads doing the whole work of a shop (parse, check, sign, output line) keep
// both busy while this one only reads and writes; a thread more would only share the same cores.
const SIGNERS = Math.min(2, availableParallelism());
// Blocks given out and not yet written: enough that no thread waits for the next one, few enough to bound memory.
const IN_FLIGHT = 2 * SIGNERS;

/**
 * A signing thread running mark-signer: the prebuilt module beside this one (dist/cli), or the TypeScript source
 * compiled by tsx as the CLI itself is when no current prebuilt CLI exists.
 */
function startSigner(setup: SignerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./mark-signer.js', import.meta.url), { workerData: setup });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./mark-signer.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true, workerData: setup });
}

/**
 * Signing threads fed in turn; `sign` answers with the block's result, in any order across blocks. A thread that
 * fails fails every block given out. The key goes to the threads of this process only. `close` ends them.
 */
function signerPool(setup: SignerSetup) {
  const workers = Array.from({ length: SIGNERS }, () => startSigner(setup));
  const waiting = new Map<number, { ok: (r: SignerResult) => void; fail: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.fail(err);
    waiting.clear();
  };
  for (const worker of workers) {
    worker.on('message', (answer: SignerResult | { id: number; error: string }) => {
      const w = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('error' in answer) w?.fail(new InputError(both(`签名线程出错：${answer.error}`, `a signing thread failed: ${answer.error}`)));
      else w?.ok(answer);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new InputError(both(`签名线程意外退出（${code}）`, `a signing thread exited (${code})`))));
  }
  let next = 0;
  return {
    sign(job: ShopBlock): Promise<SignerResult> {
      const id = next++;
      return new Promise((ok, fail) => {
        waiting.set(id, { ok, fail });
        const transfer = 'ndjson' in job ? [job.ndjson.buffer as ArrayBuffer] : [];
        workers[id % workers.length]!.postMessage({ ...job, id }, transfer);
      });
    },
    close: async () => {
      for (const w of workers) w.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * `xinbiao mark sign --shops FILE`: signs one mark per shop of an NDJSON (`.ndjson`, `.jsonl`) or CSV (`.csv`)
 * file with one key, streaming. `iat` defaults to now. Prints one JSON line per shop, {line, kid, uscc, token} or
 * {line, error}, in file order; exit 0 when every shop was signed, 1 when any was refused (the others are still
 * signed).
 */
export async function signShops(file: string, key: PrivateJwk, now: () => number = Date.now): Promise<number> {
  // A directory opens like a file and fails at its first read: refused here, before any thread starts.
  const isFile = await stat(file).then((s) => s.isFile() || Object.assign(new Error('not a file'), { code: 'EISDIR' }), (err: unknown) => err);
  if (isFile !== true) throw cannotRead(['店铺文件', 'the shops file'], file, isFile);
  const blocks: AsyncIterable<ShopBlock> = /\.csv$/i.test(file) ? csvRows(file) : ndjsonBlocks(file);
  let signed = 0;
  let refused = 0;
  const pool = signerPool({ role: 'mark-signer', key, iat: Math.floor(now() / 1000), file });
  // Blocks are written in file order; while the oldest is signed, the next ones are read and given out.
  const pending: Promise<SignerResult>[] = [];
  const write = (result: SignerResult) => {
    signed += result.signed;
    refused += result.problems.length;
    for (const p of result.problems) say(p);
    if (result.text) process.stdout.write(result.text);
  };
  try {
    for await (const block of blocks) {
      const result = pool.sign(block);
      // Awaited in turn below; a thread that fails rejects every block, and only the first awaited one is reported.
      result.catch(() => {});
      pending.push(result);
      if (pending.length >= IN_FLIGHT) write(await pending.shift()!);
    }
    while (pending.length) write(await pending.shift()!);
  } finally {
    await pool.close();
  }
  say(`已签发 ${signed} 个标识，拒绝 ${refused} 行 / signed ${signed} marks, refused ${refused} rows (${file})`);
  return refused === 0 && signed > 0 ? EXIT.ok : EXIT.invalid;
}
