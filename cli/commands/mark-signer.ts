// A signing thread of `xinbiao mark sign --shops`: each block of shops it is given (NDJSON bytes or rows read from a
// CSV) is parsed, checked and signed here, and comes back as the block's output lines, so the main thread only reads
// the file and writes the results (on two cores, the two threads then share the whole work).
import { createPrivateKey, sign as ed25519Sign } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PrivateJwk } from '../../core/crypto';
import { MarkPayload, signMark } from '../../core/marks';
import type { JwsEncoding } from '../../core/trust';
import { MarkPayloadCheck } from '../../core/validate';
import { both } from '../io';

/** One shop of a shops file: its line (1-based, CSV header is line 1) and the payload it describes, or why not. */
export interface ShopRow {
  line: number;
  value?: unknown;
  problem?: string;
}

/** A block of shops for a signing thread: NDJSON bytes whose first line is `firstLine`, or rows read from a CSV. */
export type ShopBlock = { ndjson: Uint8Array; firstLine: number } | { rows: ShopRow[] };

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

/** NDJSON text as rows: one payload object per line (LF or CRLF), blank lines skipped, a BOM on line 1 ignored. */
export function ndjsonRows(text: string, firstLine: number): ShopRow[] {
  const out: ShopRow[] = [];
  let line = firstLine;
  for (const raw of text.split('\n')) {
    const at = line++;
    if (raw.trim() === '') continue;
    try {
      out.push({ line: at, value: JSON.parse(at === 1 ? raw.replace(/^\uFEFF/, '') : raw) });
    } catch {
      out.push({ line: at, problem: '不是 JSON / not JSON' });
    }
  }
  return out;
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
      const raw = row.value;
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
        const problem = (err as Error).message.replace(/^mark payload: /, '');
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
  const decoder = new TextDecoder();
  parentPort!.on('message', (job: SignerJob) => {
    const rows = 'rows' in job ? job.rows : ndjsonRows(decoder.decode(job.ndjson), job.firstLine);
    signRows(job.id, rows).then(
      (result) => parentPort!.postMessage(result),
      (err: Error) => parentPort!.postMessage({ id: job.id, error: err.message }),
    );
  });
}
