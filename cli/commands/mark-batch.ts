import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { PrivateJwk } from '../../core/crypto';
import { MarkPayload, signMark } from '../../core/marks';
import { EXIT, emit, say } from '../io';
import { nodeSigner } from './keys';

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

/** NDJSON: one payload object per line; blank lines are skipped. */
async function* ndjsonRows(file: string): AsyncGenerator<ShopRow> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(line === 1 ? text.replace(/^\uFEFF/, '') : text) };
    } catch {
      yield { line, problem: 'not JSON / 不是 JSON' };
    }
  }
}

/** CSV with a header row of dotted payload paths (iss, exp, sub.uscc, sub.name, sub.kind, bind.origin, bind.path, credit…). */
async function* csvRows(file: string): AsyncGenerator<ShopRow> {
  const parser = createReadStream(file).pipe(parse({ bom: true, columns: true, skip_empty_lines: true, info: true, relax_column_count: false }));
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    try {
      const value: Record<string, unknown> = {};
      for (const [path, raw] of Object.entries(record)) {
        const v = cell(path, raw);
        if (v !== undefined) setPath(value, path, v);
      }
      yield { line: info.lines, value };
    } catch (err) {
      yield { line: info.lines, problem: `a cell is not valid JSON / 单元格不是有效的 JSON: ${(err as Error).message}` };
    }
  }
}

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
  // node:crypto signs synchronously: WebCrypto's per-call overhead was most of the time for a large file.
  const signer = nodeSigner(key);
  for await (const row of rows) {
    const raw = row.value;
    const withIat = raw && typeof raw === 'object' && !Array.isArray(raw) && !('iat' in raw) ? { ...raw, iat } : raw;
    // signMark checks the payload against the mark schema (once: a second parse here would double the cost).
    const token = row.problem ? new Error(row.problem) : await signMark(withIat as MarkPayload, key, signer).catch((err: Error) => err);
    if (typeof token !== 'string') {
      refused++;
      const problem = token.message.replace(/^mark payload: /, '');
      say(`${file}:${row.line}: ${problem}`);
      emit({ line: row.line, error: problem });
      continue;
    }
    emit({ line: row.line, kid: key.kid, uscc: (withIat as MarkPayload).sub.uscc, token });
    signed++;
  }
  say(`已签发 ${signed} 个标识，拒绝 ${refused} 行 / signed ${signed} marks, refused ${refused} rows (${file})`);
  return refused === 0 && signed > 0 ? EXIT.ok : EXIT.invalid;
}
