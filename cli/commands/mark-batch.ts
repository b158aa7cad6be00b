import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, constants } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse';
import type { PrivateJwk } from '../../core/crypto';
import { MarkPayload } from '../../core/marks';
import { EXIT, InputError, both, oneLine, say } from '../io';
import { cannotRead } from './keys';
import { LINE_TOO_LONG, MAX_LINE_BYTES, type ShopBlock, type ShopRow, type SignerResult, type SignerSetup } from './mark-signer';

/**
 * NDJSON as blocks of whole lines (bytes; the signing threads parse them), each with the number of its first line.
 * Reads of 256 KiB (about 500 shops): a block is one message each way. A line longer than MAX_LINE_BYTES is refused
 * by number: inside a block it is flagged (`tooLong`), and one that outgrows the read buffer is skipped to its end
 * unread, so memory stays bounded whatever the file holds.
 */
async function* ndjsonBlocks(file: string): AsyncGenerator<ShopBlock> {
  let firstLine = 1;
  let rest: Buffer = Buffer.alloc(0);
  // Inside a line longer than MAX_LINE_BYTES: its bytes are dropped up to its end.
  let skipping = false;
  const tooLong = () => ({ rows: [{ line: firstLine++, problem: LINE_TOO_LONG }] });
  const block = (bytes: Buffer) => {
    // Its own copy: the read buffers are pooled, and the copy is handed over to the thread without another.
    const out = { ndjson: new Uint8Array(bytes), firstLine, tooLong: [] as number[] };
    let start = 0;
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) {
      if (at - start > MAX_LINE_BYTES) out.tooLong.push(firstLine);
      start = at + 1;
      firstLine++;
    }
    if (bytes.length - start > MAX_LINE_BYTES) out.tooLong.push(firstLine);
    return out;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
    let data = chunk;
    if (skipping) {
      const end = chunk.indexOf(10);
      if (end === -1) continue;
      skipping = false;
      yield tooLong();
      data = chunk.subarray(end + 1);
    } else if (rest.length) data = Buffer.concat([rest, chunk]);
    // A line ends at a \n byte, which is never part of a longer UTF-8 character.
    const end = data.lastIndexOf(10);
    if (end === -1) {
      skipping = data.length > MAX_LINE_BYTES;
      rest = skipping ? Buffer.alloc(0) : data;
      continue;
    }
    rest = data.subarray(end + 1);
    yield block(data.subarray(0, end));
    firstLine++;
  }
  if (skipping) yield tooLong();
  else if (rest.length) yield block(rest);
}

// What a header path walks through: the mark schema's definitions (zod/mini `def`).
type SchemaDef = { type: string; shape?: Record<string, { def: SchemaDef }>; innerType?: { def: SchemaDef } };

/** Whether a dotted CSV header path (sub.uscc, credit) names a field of the mark payload (docs/marks.md). */
function namesField(path: string): boolean {
  let def = (MarkPayload as unknown as { def: SchemaDef }).def;
  for (const key of path.split('.')) {
    while (def.type === 'optional' && def.innerType) def = def.innerType.def;
    if (def.type !== 'object' || !def.shape || !Object.hasOwn(def.shape, key)) return false;
    def = def.shape[key]!.def;
  }
  return true;
}

/** A header column that names no payload field: the format would drop its cells, so a typo would go unnoticed. */
class UnknownColumn extends Error {}

/**
 * CSV with a header row of dotted payload paths (iss, exp, sub.uscc, sub.name, sub.kind, bind.origin, bind.path,
 * credit…), in blocks of 256 rows: a block is signed in one batch. A header column that names no payload field
 * refuses the whole file (line 1). Each row carries the line it starts on, counted here (csv-parse counts a
 * record's last line, and a CR before an LF as a line of its own); the signing threads make its cells a payload.
 */
async function* csvRows(file: string): AsyncGenerator<{ rows: ShopRow[] }> {
  const columns = (header: string[]) => {
    const unknown = header.findIndex((path) => !namesField(path));
    if (unknown !== -1) throw new UnknownColumn(both(`表头第 ${unknown + 1} 列 ${JSON.stringify(header[unknown])} 不是标识内容的字段（docs/marks.md），本文件未签发任何店铺`, `header column ${unknown + 1}, ${JSON.stringify(header[unknown])}, names no field of the mark payload (docs/marks.md): no shop of this file was signed`));
    return header;
  };
  const parser = createReadStream(file).pipe(parse({ bom: true, columns, skip_empty_lines: true, info: true, relax_column_count: false, max_record_size: MAX_LINE_BYTES }));
  let rows: ShopRow[] = [];
  // The line the next record starts on, but for the empty lines before it (csv-parse counts those: `empty_lines`).
  let next = 2;
  let empty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { empty_lines: number } }>) {
      const line = next + info.empty_lines - empty;
      empty = info.empty_lines;
      // Line breaks inside quoted cells; a CR ending the last cell is the CR of a CRLF line end.
      let breaks = 0;
      for (const raw of Object.values(record)) if (raw.includes('\n') || raw.includes('\r')) breaks += raw.match(/\r\n|\r(?!$)|\n/g)?.length ?? 0;
      next = line + breaks + 1;
      rows.push({ line, cells: record });
      if (rows.length === 256) {
        yield { rows };
        rows = [];
      }
    }
  } catch (err) {
    // The file itself is broken from here on (an unclosed quote, a row of another width): the rows before it are signed.
    const { empty_lines: emptyLines = empty, message } = err as { empty_lines?: number; message: string };
    if (err instanceof UnknownColumn) rows.push({ line: 1, problem: message });
    else rows.push({ line: next + emptyLines - empty, problem: both('CSV 文件从此行起无法读取', `the CSV file cannot be read from this line on: ${oneLine(message)}`) });
  }
  yield { rows };
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
 * fails (an exception, an exit) fails every block given out and every block given after, each rejected with why,
 * so no block waits for a thread that is gone. The key goes to the threads of this process only. `close` ends them.
 */
export function signerPool(setup: SignerSetup) {
  const workers = Array.from({ length: SIGNERS }, () => startSigner(setup));
  const waiting = new Map<number, { ok: (r: SignerResult) => void; fail: (e: Error) => void }>();
  let failed: Error | undefined;
  const failAll = (why: string) => {
    failed ??= new Error(oneLine(why));
    for (const w of waiting.values()) w.fail(failed);
    waiting.clear();
  };
  for (const worker of workers) {
    worker.on('message', (answer: SignerResult | { id: number; error: string }) => {
      const w = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('error' in answer) w?.fail(new Error(oneLine(answer.error)));
      else w?.ok(answer);
    });
    worker.on('error', (err) => failAll(err.message));
    worker.on('exit', (code) => failAll(`exit ${code}`));
  }
  let next = 0;
  return {
    sign(job: ShopBlock): Promise<SignerResult> {
      if (failed) return Promise.reject(failed);
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

/** The file's first line a block holds (none for the empty last block of a CSV). */
const firstLineOf = (block: ShopBlock): number | undefined => ('ndjson' in block ? block.firstLine : block.rows[0]?.line);

/**
 * `xinbiao mark sign --shops FILE`: signs one mark per shop of an NDJSON (`.ndjson`, `.jsonl`) or CSV (`.csv`)
 * regular file with one key, streaming. `iat` defaults to now. Prints one JSON line per shop, {line, kid, uscc,
 * token} or {line, error}, in file order; exit 0 when every shop was signed, 1 when any was refused (the others are
 * still signed) or the file holds none. SIGINT or SIGTERM stops it after the block being written, so the output
 * ends with a whole line, and it returns 128 + the signal's number (130, 143), as a shell reports a killed command;
 * a second signal ends it at once.
 */
export async function signShops(file: string, key: PrivateJwk, now: () => number = Date.now): Promise<number> {
  // A directory opens like a file and fails at its first read; a pipe or a device may never end: refused here,
  // before any thread starts.
  const kind = await stat(file).then((s) => (s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other'), (err: unknown) => err);
  if (kind === 'directory') throw cannotRead(['店铺文件', 'the shops file'], file, { code: 'EISDIR' });
  if (kind === 'other') throw new InputError(both(`无法读取店铺文件 ${file}：不是普通文件（管道或设备）`, `cannot read the shops file ${file}: not a regular file (a pipe or a device)`));
  if (kind !== 'file') throw cannotRead(['店铺文件', 'the shops file'], file, kind);
  const blocks: AsyncIterable<ShopBlock> = /\.csv$/i.test(file) ? csvRows(file) : ndjsonBlocks(file);
  let signed = 0;
  let refused = 0;
  let stopped: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped) process.exit(128 + constants.signals[signal]);
    stopped = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const pool = signerPool({ role: 'mark-signer', key, iat: Math.floor(now() / 1000), file });
  // Blocks are written in file order; while the oldest is signed, the next ones are read and given out.
  const pending: { result: Promise<SignerResult>; line: number | undefined }[] = [];
  // The first line not written yet, for the messages of a run that stops early.
  let unwritten: number | undefined;
  const writeOldest = async () => {
    const { result, line } = pending.shift()!;
    let r: SignerResult;
    try {
      r = await result;
    } catch (err) {
      // What was written stays (whole blocks, in order); nothing from this block on is, and the message says so.
      const why = (err as Error).message;
      throw new InputError(line === undefined
        ? both(`签名线程出错（${why}）`, `a signing thread failed (${why})`)
        : both(`签名线程出错（${why}），第 ${line} 行起的店铺未签发`, `a signing thread failed (${why}): the shops from line ${line} on were not signed`));
    }
    signed += r.signed;
    refused += r.problems.length;
    for (const p of r.problems) say(p);
    if (r.text) process.stdout.write(r.text);
    unwritten = pending[0]?.line;
  };
  try {
    for await (const block of blocks) {
      unwritten ??= firstLineOf(block);
      if (stopped) break;
      const result = pool.sign(block);
      // Awaited in turn below; a thread that fails rejects every block, and only the first awaited one is reported.
      result.catch(() => {});
      pending.push({ result, line: firstLineOf(block) });
      if (pending.length >= IN_FLIGHT) await writeOldest();
      if (stopped) break;
    }
    while (pending.length && !stopped) await writeOldest();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool.close();
  }
  if (stopped) {
    const from = pending[0]?.line ?? unwritten;
    say(from === undefined
      ? both(`已中断（${stopped}）`, `interrupted (${stopped})`)
      : both(`已中断（${stopped}）：第 ${from} 行起的店铺未签发`, `interrupted (${stopped}): the shops from line ${from} on were not signed`));
  }
  if (signed + refused === 0 && !stopped) say(both(`店铺文件 ${file} 中没有店铺`, `the shops file ${file} holds no shop`));
  say(`已签发 ${signed} 个标识，拒绝 ${refused} 行 / signed ${signed} marks, refused ${refused} rows (${file})`);
  if (stopped) return 128 + constants.signals[stopped];
  return refused === 0 && signed > 0 ? EXIT.ok : EXIT.invalid;
}
