import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import etag from '@fastify/etag';
import rateLimit from '@fastify/rate-limit';
import ipaddr from 'ipaddr.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { resolve } from 'node:path';
import { listKeys, loadTrustList, trustErrorText } from '../../core/trust';
import type { CreditStatus } from '../../core/model';
import { CreditStatusCheck } from '../../core/validate';
import { listExpired, listMatchesToParts } from '../../core/sources';
import { assembleStatus } from '../../core/sources';
import type { ListMatch, LocalLists } from '../../core/sources';
import { BATCH_MAX, BATCH_PATH, BatchRequest, ENDPOINT_ERRORS, normaliseUsccInput, SUBJECT_PATH, type BatchResult, type ProtocolErrorCode } from '../../core/sources';
import { loadListIndex } from '../list-index';
import { PACKAGE_ROOT } from '../package-root';

export interface StatusRouteOptions {
  /** Clock for `asOf` and cache lifetimes (tests). */
  now?: () => number;
  /** Lookups worked on at once; more get 503 with Retry-After (default 64). A slow upload holds no slot. */
  maxInFlight?: number;
  /** Requests per client address per minute before 429 with Retry-After (default 600). */
  ratePerMinute?: number;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': 'accept, content-type',
  'access-control-max-age': '86400',
};
/** Longest a found status may be cached, and served stale while revalidating, in seconds (docs/status-endpoint.md). */
const FOUND_MAX_AGE = 300;
const FOUND_STALE = 86400;
const CACHE_NOT_FOUND = 'public, max-age=60';
const INVALID = 'not an 18-character unified social credit code';

/**
 * Cache-Control of a found status: the protocol's lifetimes, shortened so that no cache keeps the answer past
 * the earliest expiry of the lists it was built from (an expired list changes the verdict).
 */
export function foundCacheControl(matches: ListMatch[], now: number): string {
  const left = Math.min(...matches.map((m) => Math.floor((Date.parse(m.list.expires) - now) / 1000)).filter((s) => s > 0), Infinity);
  if (matches.length > 0 && !Number.isFinite(left) && matches.every((m) => Date.parse(m.list.expires) <= now)) return `public, max-age=${FOUND_MAX_AGE}`;
  const maxAge = Math.min(FOUND_MAX_AGE, left);
  return `public, max-age=${maxAge}, stale-while-revalidate=${Math.min(FOUND_STALE, left - maxAge)}`;
}

/**
 * The weak ETag of a found status: what its body depends on apart from `asOf` (the time of reading, different in
 * every answer): the code, and each list version it was read from (id, version, import time, expired or not at
 * `now`), in answer order. A list version's entries never change, so equal tags mean equal answers; a new version
 * of a list that names the code, or a list's expiry passing, changes the tag.
 */
export function statusTag(uscc: string, matches: readonly ListMatch[], now: number): string {
  const key = [uscc, ...matches.map((m) => `${m.list.id}@${m.list.version}@${m.list.importedAt}${listExpired(m.list, now) ? '@expired' : ''}`)].join('\n');
  return `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}

type Send = (status: number, body: unknown, headers?: Record<string, string>) => FastifyReply;

/**
 * The client a rate limit counts, from its address: an IPv4 address as it is (also when written IPv4-mapped,
 * `::ffff:192.0.2.1`), an IPv6 address by its /64 prefix (`2001:db8:0:1::/64`), since one subscriber is given a
 * whole /64 (RFC 6177) and could otherwise take a new address for every request. Anything unparsable is its own key.
 */
export function rateKey(ip: string): string {
  try {
    const address = ipaddr.process(ip);
    if (address.kind() === 'ipv4') return address.toString();
    return `${address.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
  } catch {
    return ip;
  }
}

/**
 * The reference status endpoint (docs/status-endpoint.md) answered from local credit lists (files or a database):
 * `GET /v1/subjects/<USCC>` and `POST /v1/subjects:batch`, as a Fastify plugin with ETags and a per-client rate limit.
 */
export function statusRoute(lists: LocalLists, options: StatusRouteOptions = {}): FastifyPluginAsync {
  const now = options.now ?? Date.now;
  const maxInFlight = options.maxInFlight ?? 64;
  let inFlight = 0;

  async function lookup(uscc: string): Promise<{ status: CreditStatus; matches: ListMatch[] } | undefined> {
    const matches = await lists.byUscc(uscc);
    const status = assembleStatus({ lists: listMatchesToParts(matches), endpoints: [], now: now() });
    if (!status) return undefined;
    // Never serve what the protocol does not allow, even from a bad list file (the generated check: a third of zod's cost).
    const checked = CreditStatusCheck.safeParse(status);
    if (!checked.success) throw new Error(`the lists give an invalid status for ${uscc}`);
    return { status: checked.data, matches };
  }

  const error = (send: Send, code: ProtocolErrorCode, message: string, headers: Record<string, string> = {}) =>
    send(ENDPOINT_ERRORS[code], { error: { code, message } }, headers);

  // A code as the client wrote it: padding or a wrong shape is invalid-uscc, in GET and in batch alike.
  const codeOf = (input: string) => (input === input.trim() ? normaliseUsccInput(input) : undefined);

  async function one(raw: string, send: Send): Promise<FastifyReply> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw.endsWith('/') ? raw.slice(0, -1) : raw);
    } catch {
      decoded = '';
    }
    const uscc = codeOf(decoded);
    if (!uscc) return error(send, 'invalid-uscc', INVALID);
    const found = await lookup(uscc);
    if (!found) return error(send, 'not-found', 'no credit information about this code', { 'cache-control': CACHE_NOT_FOUND });
    const at = now();
    return send(200, found.status, { 'cache-control': foundCacheControl(found.matches, at), etag: statusTag(uscc, found.matches, at) });
  }

  async function batch(text: string, send: Send): Promise<FastifyReply> {
    let body: unknown;
    try {
      body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      return error(send, 'bad-request', 'the body is not JSON');
    }
    const codes = (body as { uscc?: unknown })?.uscc;
    if (Array.isArray(codes) && codes.length > BATCH_MAX) return error(send, 'batch-too-large', `at most ${BATCH_MAX} codes per request`);
    const parsed = BatchRequest.safeParse(body);
    if (!parsed.success) return error(send, 'bad-request', 'expected { "uscc": ["…", …] } with 1 to 100 codes');
    const results: BatchResult[] = [];
    for (const input of parsed.data.uscc) {
      const uscc = codeOf(input);
      const found = uscc ? await lookup(uscc) : undefined;
      if (found) results.push({ uscc: input, status: found.status });
      else if (uscc) results.push({ uscc: input, error: { code: 'not-found', message: 'no credit information about this code' } });
      else results.push({ uscc: input, error: { code: 'invalid-uscc', message: INVALID } });
    }
    return send(200, { results });
  }

  return async (app) => {
    // Every answer gets CORS here, once: the handlers' and the refusals made before a handler runs (429, 413, 408),
    // which a page must read to honour Retry-After.
    app.addHook('onSend', async (_req, reply) => {
      reply.headers(CORS);
    });
    // A found status brings its own tag (statusTag); other answers are tagged by their body.
    await app.register(etag, { weak: true });
    // @fastify/etag compares If-None-Match as one string; a cache may send a list of tags, or * (RFC 9110 §13.1.2).
    app.addHook('onSend', async (req, reply, payload) => {
      const header = req.headers['if-none-match'];
      const tag = reply.getHeader('etag');
      if (reply.statusCode !== 200 || (req.method !== 'GET' && req.method !== 'HEAD') || typeof header !== 'string' || typeof tag !== 'string') return payload;
      const opaque = (t: string) => t.trim().replace(/^W\//, '');
      if (header.trim() !== '*' && !header.split(',').some((t) => opaque(t) === opaque(tag))) return payload;
      reply.code(304);
      return '';
    });
    await app.register(rateLimit, {
      max: options.ratePerMinute ?? 600,
      timeWindow: 60_000,
      keyGenerator: (req) => rateKey(req.ip),
      errorResponseBuilder: (_req, ctx) => Object.assign(new Error(`too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`), { statusCode: 429 }),
    });
    // The body has fully arrived before a handler runs, so only the lookup itself holds a slot.
    const handle = (work: (send: Send) => FastifyReply | Promise<FastifyReply>) => async (req: FastifyRequest, reply: FastifyReply) => {
      const send: Send = (status, body, headers = {}) =>
        reply.code(status).headers({ 'cache-control': 'no-store', ...headers }).type('application/json; charset=utf-8').send(body);
      if (req.method === 'OPTIONS') return reply.code(204).send();
      if (inFlight >= maxInFlight) return error(send, 'overloaded', 'too many requests at once; retry shortly', { 'retry-after': '1' });
      inFlight++;
      try {
        return await work(send);
      } catch (err) {
        req.log.error({ message: (err as Error).message }, 'lookup failed');
        return error(send, 'internal', 'the lists could not be read');
      } finally {
        inFlight--;
      }
    };
    app.all(`${SUBJECT_PATH}*`, (req, reply) =>
      handle((send) => (req.method === 'GET' || req.method === 'HEAD'
        ? one((req.params as { '*': string })['*'], send)
        : error(send, 'method-not-allowed', 'use GET', { allow: 'GET, HEAD, OPTIONS' })))(req, reply));
    app.all(BATCH_PATH.replace(':', '::'), (req, reply) =>
      handle((send) => (req.method === 'POST'
        ? batch(typeof req.body === 'string' ? req.body : '', send)
        : error(send, 'method-not-allowed', 'use POST', { allow: 'POST, OPTIONS' })))(req, reply));
  };
}

const SAMPLES = resolve(PACKAGE_ROOT, 'samples');
const NO_LISTS: LocalLists = { byUscc: async () => [], byName: async () => [], lists: async () => [] };

/**
 * The status route of `xinbiao serve`: answers from samples/lists, verified against the sample trust list.
 * When the samples cannot be read it still answers (everything 404) and says why on stderr.
 */
export async function sampleStatusRoute(samples = SAMPLES, now: () => number = Date.now): Promise<FastifyPluginAsync> {
  try {
    const index = JSON.parse(await readFile(resolve(samples, 'index.json'), 'utf8')) as { root: { publicKey: string }; trust: { jws: string } };
    const trust = await loadTrustList((path) => readFile(resolve(samples, path), 'utf8'), { trust: index.trust.jws, root: index.root.publicKey }, now());
    if (!trust.ok) throw new Error(`sample trust list: ${trustErrorText(trust)[1]}`);
    const lists = await loadListIndex(resolve(samples, 'lists'), { keys: listKeys(trust.trust, now), now });
    for (const p of lists.problems) process.stderr.write(`status endpoint: list ${p.file} left out: ${p.en}\n`);
    return statusRoute(lists, { now });
  } catch (err) {
    process.stderr.write(`status endpoint: no sample lists (${(err as Error).message}); every code answers 404\n`);
    return statusRoute(NO_LISTS, { now });
  }
}
