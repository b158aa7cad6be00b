// A signing thread of `xinbiao mark sign --shops`: each block of shops it is given (NDJSON bytes or rows read from a
// CSV) is parsed, checked and signed here, and comes back as the block's output lines, so the main thread only reads
// the file and writes the results (on two cores, the two threads then share the whole work).
import { createPrivateKey, sign as ed25519Sign } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PrivateJwk } from '../../core/crypto';
import { MarkPayload, signMark } from '../../core/marks';
import type { JwsEncoding } from '../../core/trust';
import { MarkPayloadCheck } from '../../core/validate';
import { both, oneLine } from '../io';

/**
 * One shop of a shops file: its line (1-based, CSV header is line 1) and the payload it describes (`value`, or a CSV
 * record's cells by header path, made into the payload on the signing thread), or why not.
 */
export interface ShopRow {
  line: number;
  value?: unknown;
  cells?: Record<string, string>;
  problem?: string;
}

/**
 * A block of shops for a signing thread: NDJSON bytes whose first line is `firstLine` (`tooLong`: the lines longer
 * than MAX_LINE_BYTES, refused unread), or rows read from a CSV.
 */
export type ShopBlock = { ndjson: Uint8Array; firstLine: number; tooLong: number[] } | { rows: ShopRow[] };

/** The longest shops-file line read (bytes): a mark is at most 64 KiB (MAX_JWS_LENGTH), its line far less. */
export const MAX_LINE_BYTES = 1 << 20;

/** The refusal of a line longer than MAX_LINE_BYTES. */
export const LINE_TOO_LONG = both('行长超过 1 MiB（标识至多 64 KiB），未读取', 'the line is longer than 1 MiB (a mark is at most 64 KiB) and was not read');

/** A block as sent to a thread: its number comes back with its result. */
export type SignerJob = ShopBlock & { id: number };

/** What a block gave: its output lines (each ending in \n, in file order), counts, and one message per refused row. */
export interface SignerResult {
  id: number;
  text: string;
  signed: number;
  problems: string[];
}

/** What a signing thread is started with: the key (this process's threads only), the default iat and the file's name. */
export interface SignerSetup {
  role: 'mark-signer';
  key: PrivateJwk;
  iat: number;
  file: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * NDJSON bytes as rows: one payload object per line (LF or CRLF), blank lines skipped, a BOM on line 1 ignored (on
 * any other line it is refused, wherever the block starts), a line that is not UTF-8 refused rather than signed with
 * replacement characters, the lines in `tooLong` refused unread.
 */
export function ndjsonRows(bytes: Uint8Array, firstLine: number, tooLong: readonly number[] = []): ShopRow[] {
  let lines: (string | undefined)[];
  try {
    lines = utf8.decode(bytes).split('\n');
  } catch {
    // Some line is not UTF-8: each line decoded on its own finds which (undefined).
    lines = [];
    for (let start = 0; start <= bytes.length;) {
      const end = bytes.indexOf(10, start);
      const line = bytes.subarray(start, end === -1 ? bytes.length : end);
      try {
        lines.push(utf8.decode(line));
      } catch {
        lines.push(undefined);
      }
      if (end === -1) break;
      start = end + 1;
    }
  }
  const out: ShopRow[] = [];
  let line = firstLine;
  for (const raw of lines) {
    const at = line++;
    if (tooLong.includes(at)) out.push({ line: at, problem: LINE_TOO_LONG });
    else if (raw === undefined) out.push({ line: at, problem: both('不是 UTF-8 文本', 'not UTF-8 text') });
    else if (raw.trim() === '') continue;
    else {
      try {
        out.push({ line: at, value: JSON.parse(at === 1 ? raw.replace(/^\uFEFF/, '') : raw) });
      } catch {
        out.push({ line: at, problem: '不是 JSON / not JSON' });
      }
    }
  }
  return out;
}

// CSV cells that hold numbers: the mark's integer fields (docs/marks.md).
const NUMBER_PATHS = new Set(['iat', 'exp', 'status.idx']);

// A CSV cell: JSON for arrays and objects (e.g. credit), a number for integer fields, text otherwise; empty is absent.
// Text that only starts like JSON ("[官方]示例店") stays text: the mark format then says whether it fits.
function cell(path: string, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  if (NUMBER_PATHS.has(path)) return Number(text);
  if (/^[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return raw;
    }
  }
  return raw;
}

// Sets a dotted path (sub.uscc) inside an object as own properties, creating the levels on the way: a header
// `__proto__.x` or `constructor.prototype.x` names a field like any other, never a prototype.
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const k of keys.slice(0, -1)) {
    if (!Object.hasOwn(at, k) || typeof at[k] !== 'object' || at[k] === null) Object.defineProperty(at, k, { value: {}, enumerable: true, writable: true, configurable: true });
    at = at[k] as Record<string, unknown>;
  }
  Object.defineProperty(at, keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}

/** A CSV record (cells by dotted header path) as the payload it describes: each non-empty cell set by `cell`. */
export function csvPayload(cells: Record<string, string>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [path, raw] of Object.entries(cells)) {
    const v = cell(path, raw);
    if (v !== undefined) setPath(value, path, v);
  }
  return value;
}

// Node's native encodings: about three times as fast as the pure ones on a mark.
const nodeEncoding: JwsEncoding = {
  base64url: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64url'),
  base64urlText: (t) => Buffer.from(t, 'utf8').toString('base64url'),
  ascii: (t) => Buffer.from(t, 'latin1'),
};

/**
 * A block signer for `setup.key` (node:crypto Ed25519): signs the rows of a block in order; a row without `iat`
 * gets `setup.iat`; a row whose payload fails the mark format (docs/marks.md) gives {line, error} and a message.
 */
export function rowSigner(setup: SignerSetup): (id: number, rows: ShopRow[]) => Promise<SignerResult> {
  const { key, iat, file } = setup;
  const nodeKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x, d: key.d }, format: 'jwk' });
  // The generated check: what the zod schema accepts and returns, at a third of its cost per mark.
  const ports = { check: MarkPayloadCheck, sign: (data: Uint8Array) => ed25519Sign(null, data, nodeKey), encoding: nodeEncoding };
  // A signed line by hand: JSON.stringify would scan the whole token (base64url and dots, nothing to escape).
  const kid = JSON.stringify(key.kid);
  return async (id, rows) => {
    let text = '';
    let signed = 0;
    const problems: string[] = [];
    for (const row of rows) {
      const raw = row.cells ? csvPayload(row.cells) : row.value;
      const withIat = raw && typeof raw === 'object' && !Array.isArray(raw) && !('iat' in raw) ? { ...raw, iat } : raw;
      try {
        if (row.problem) throw new Error(row.problem);
        // signMark checks the payload against the mark schema (once: a second parse here would double the cost).
        const token = await signMark(withIat as MarkPayload, key, ports);
        // Read once the payload passed the check: before it, `sub` may be missing.
        const uscc = (withIat as MarkPayload).sub.uscc;
        text += `{"line":${row.line},"kid":${kid}${uscc === undefined ? '' : `,"uscc":${JSON.stringify(uscc)}`},"token":"${token}"}\n`;
        signed++;
      } catch (err) {
        // On one line: a message may quote the file (a cell that is not JSON), control characters included.
        const problem = oneLine((err as Error).message.replace(/^mark payload: /, ''));
        text += `${JSON.stringify({ line: row.line, error: problem })}\n`;
        problems.push(`${file}:${row.line}: ${both('不能签发', 'not signed')}: ${problem}`);
      }
    }
    return { id, text, signed, problems };
  };
}

/** The thread's loop: one SignerResult per SignerJob, or {id, error} when a block could not be signed at all. */
if (!isMainThread && (workerData as Partial<SignerSetup> | null)?.role === 'mark-signer') {
  const signRows = rowSigner(workerData as SignerSetup);
  parentPort!.on('message', (job: SignerJob) => {
    const rows = 'rows' in job ? job.rows : ndjsonRows(job.ndjson, job.firstLine, job.tooLong);
    signRows(job.id, rows).then(
      (result) => parentPort!.postMessage(result),
      (err: Error) => parentPort!.postMessage({ id: job.id, error: err.message }),
    );
  });
}
