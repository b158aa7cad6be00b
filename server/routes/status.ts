import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { PublicJwk } from '../../core/crypto/ed25519';
import { trustKeys } from '../../core/lists/trust-keys';
import { verifyTrustList } from '../../core/trust/verify';
import { CreditStatus } from '../../core/model/schema';
import { listMatchesToParts } from '../../core/sources/from-lists';
import { mergeStatus } from '../../core/sources/merge';
import type { LocalLists } from '../../core/sources/ports';
import { BATCH_MAX, BATCH_PATH, BatchRequest, ENDPOINT_ERRORS, normaliseUsccInput, SUBJECT_PATH, type BatchResult, type ProtocolErrorCode } from '../../core/sources/protocol';
import { loadListIndex } from '../list-index';
import { sendJson, type Route } from '../route';

export interface StatusRouteOptions {
  /** Clock for `asOf` (tests). */
  now?: () => number;
  /** Requests answered at once; more get 503 with Retry-After (default 64). */
  maxInFlight?: number;
  /** Largest batch body in bytes (default 16 KiB). */
  maxBodyBytes?: number;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': 'accept, content-type',
  'access-control-max-age': '86400',
};
const CACHE_FOUND = 'public, max-age=300, stale-while-revalidate=86400';
const CACHE_NOT_FOUND = 'public, max-age=60';

function sendError(res: ServerResponse, code: ProtocolErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, ENDPOINT_ERRORS[code], { error: { code, message } }, { ...CORS, ...headers });
}

// Reads a small JSON body; undefined when it is too large (the caller answers 413).
async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The reference status endpoint (docs/status-endpoint.md) answered from local credit lists:
 * `GET /v1/subjects/<USCC>` and `POST /v1/subjects:batch`.
 */
export function statusRoute(lists: LocalLists, options: StatusRouteOptions = {}): Route {
  const now = options.now ?? Date.now;
  const maxInFlight = options.maxInFlight ?? 64;
  const maxBody = options.maxBodyBytes ?? 16 * 1024;
  let inFlight = 0;

  async function lookup(uscc: string): Promise<CreditStatus | undefined> {
    const status = mergeStatus(listMatchesToParts(await lists.byUscc(uscc)), [], now());
    if (!status) return undefined;
    // Never serve what the protocol does not allow, even from a bad list file.
    const checked = CreditStatus.safeParse(status);
    if (!checked.success) throw new Error(`the lists give an invalid status for ${uscc}`);
    return checked.data;
  }

  async function one(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'method-not-allowed', 'use GET', { allow: 'GET, HEAD, OPTIONS' });
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      decoded = '';
    }
    const uscc = normaliseUsccInput(decoded);
    if (!uscc || decoded !== decoded.trim()) return sendError(res, 'invalid-uscc', 'not an 18-character unified social credit code');
    const status = await lookup(uscc);
    if (!status) return sendError(res, 'not-found', 'no credit information about this code', { 'cache-control': CACHE_NOT_FOUND });
    sendJson(res, 200, status, { ...CORS, 'cache-control': CACHE_FOUND });
  }

  async function batch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 'method-not-allowed', 'use POST', { allow: 'POST, OPTIONS' });
    const text = await readBody(req, maxBody);
    if (text === undefined) return sendError(res, 'payload-too-large', `the body is larger than ${maxBody} bytes`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendError(res, 'bad-request', 'the body is not JSON');
    }
    const codes = (body as { uscc?: unknown })?.uscc;
    if (Array.isArray(codes) && codes.length > BATCH_MAX) return sendError(res, 'batch-too-large', `at most ${BATCH_MAX} codes per request`);
    const parsed = BatchRequest.safeParse(body);
    if (!parsed.success) return sendError(res, 'bad-request', 'expected { "uscc": ["…", …] } with 1 to 100 codes');
    const results: BatchResult[] = [];
    for (const input of parsed.data.uscc) {
      const uscc = normaliseUsccInput(input);
      const status = uscc && input === input.trim() ? await lookup(uscc) : undefined;
      if (status) results.push({ uscc: input, status });
      else if (uscc) results.push({ uscc: input, error: { code: 'not-found', message: 'no credit information about this code' } });
      else results.push({ uscc: input, error: { code: 'invalid-uscc', message: 'not an 18-character unified social credit code' } });
    }
    sendJson(res, 200, { results }, { ...CORS, 'cache-control': 'no-store' });
  }

  return async (req, res, url) => {
    const isBatch = url.pathname === BATCH_PATH;
    if (!isBatch && !url.pathname.startsWith(SUBJECT_PATH)) return false;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return true;
    }
    if (inFlight >= maxInFlight) {
      sendError(res, 'overloaded', 'too many requests at once; retry shortly', { 'retry-after': '1' });
      return true;
    }
    inFlight++;
    try {
      if (isBatch) await batch(req, res);
      else await one(req, res, url.pathname.slice(SUBJECT_PATH.length));
    } catch {
      if (!res.headersSent) sendError(res, 'internal', 'the lists could not be read');
      else res.end();
    } finally {
      inFlight--;
    }
    return true;
  };
}

const SAMPLES = resolve(import.meta.dirname, '../../samples');
const NO_LISTS: LocalLists = { byUscc: async () => [], byName: async () => [], lists: async () => [] };

/**
 * The status route of `xinbiao serve`: answers from samples/lists, verified against the sample trust list.
 * When the samples cannot be read it still answers (everything 404) and says why on stderr.
 */
export async function sampleStatusRoute(samples = SAMPLES, now: () => number = Date.now): Promise<Route> {
  try {
    const index = JSON.parse(await readFile(resolve(samples, 'index.json'), 'utf8')) as { root: { publicKey: string }; trust: { jws: string } };
    const root = JSON.parse(await readFile(resolve(samples, index.root.publicKey), 'utf8')) as PublicJwk;
    const trust = await verifyTrustList((await readFile(resolve(samples, index.trust.jws), 'utf8')).trim(), root, now());
    if (!trust.ok) throw new Error(`sample trust list: ${trust.message}`);
    const lists = await loadListIndex(resolve(samples, 'lists'), { keys: trustKeys(trust.trust, now), now });
    for (const p of lists.problems) process.stderr.write(`status endpoint: list ${p.file} left out: ${p.en}\n`);
    return statusRoute(lists, { now });
  } catch (err) {
    process.stderr.write(`status endpoint: no sample lists (${(err as Error).message}); every code answers 404\n`);
    return statusRoute(NO_LISTS, { now });
  }
}
