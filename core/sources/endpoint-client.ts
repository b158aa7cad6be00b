import type * as z from 'zod/mini';
import { CreditStatus } from '../model/schema';
import { BATCH_MAX, BATCH_PATH, BatchResponse, ErrorBody, normaliseUsccInput, SUBJECT_PATH, type BatchResult } from './protocol';
import { parseRetryAfter } from './retry-after';

/** What the client needs from its host: real ones in the extension, fakes in tests. */
export interface EndpointPorts {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Epoch milliseconds (for Retry-After dates). */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface EndpointOptions {
  /** Base URL of the endpoint, e.g. `https://credit.example.cn`; http only for localhost. */
  base: string;
  /** Per attempt (default 8 s). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx and network errors (default 3). */
  retries?: number;
  /** First backoff; doubles each retry (default 500 ms). */
  backoffMs?: number;
  /** Longest wait between attempts; a longer Retry-After gives up instead (default 30 s). */
  maxDelayMs?: number;
  /** Largest answer accepted (default 1 MiB). */
  maxBytes?: number;
}

export type EndpointErrorCode = 'invalid-uscc' | 'timeout' | 'network' | 'http' | 'rate-limited' | 'garbled' | 'config';

/** Why an endpoint gave no usable answer. Never carries a status. */
export class EndpointError extends Error {
  constructor(readonly code: EndpointErrorCode, message: string, readonly httpStatus?: number) {
    super(message);
    this.name = 'EndpointError';
  }
}

/** An endpoint's answer about one code: a validated status, or "not known here". */
export type EndpointAnswer = { found: true; status: CreditStatus } | { found: false };

export interface EndpointClient {
  /** The base URL, also the provenance id (`endpoint:<base>`). */
  readonly base: string;
  /** Looks one code up; concurrent calls for the same code share one request. Throws EndpointError. */
  get(uscc: string): Promise<EndpointAnswer>;
  /** Looks many codes up, 100 per request; one result per code, in order. Throws EndpointError. */
  batch(usccs: string[]): Promise<BatchResult[]>;
}

const retryable = (status: number) => status === 429 || status >= 500;

function checkBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new EndpointError('config', `not a URL: ${base}`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) throw new EndpointError('config', `endpoint must use https: ${base}`);
  // A query or fragment could carry more than the code; the protocol has none.
  if (url.search || url.hash || url.username || url.password) throw new EndpointError('config', `endpoint base must be a plain URL: ${base}`);
  return url.href.replace(/\/+$/, '');
}

/** The single-code half of a client: all a page that looks one code up needs (no batch code or schema ships). */
export type EndpointLookup = Pick<EndpointClient, 'base' | 'get'>;

const garbled = (what: string, issues?: z.core.$ZodIssue[]) =>
  new EndpointError('garbled', `garbled answer: ${what}${issues ? ` (${issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})` : ''}`);

/** The checked base URL and the request loop (timeout, size limit, retries) that get and batch share. */
function connect(ports: EndpointPorts, options: EndpointOptions) {
  const base = checkBase(options.base);
  const timeoutMs = options.timeoutMs ?? 8000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxBytes = options.maxBytes ?? 1 << 20;

  async function attempt(url: string, init: RequestInit): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await ports.fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer', signal });
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > maxBytes) throw new EndpointError('garbled', `answer too large (${declared} bytes)`, res.status);
      text = await res.text();
    } catch (err) {
      if (err instanceof EndpointError) throw err;
      if (signal.aborted) throw new EndpointError('timeout', `no answer within ${timeoutMs} ms`);
      throw new EndpointError('network', `network error: ${(err as Error).message}`);
    }
    if (text.length > maxBytes) throw new EndpointError('garbled', `answer too large (${text.length} characters)`, res.status);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, retryAfter: res.headers.get('retry-after') };
  }

  /** Runs attempts until an answer that is not 429/5xx/network error, waiting between them. */
  async function withRetry(url: string, init: RequestInit) {
    for (let n = 0; ; n++) {
      let result: Awaited<ReturnType<typeof attempt>> | undefined;
      let failure: EndpointError;
      try {
        result = await attempt(url, init);
        if (!retryable(result.status)) return result;
        failure = new EndpointError(result.status === 429 ? 'rate-limited' : 'http', `endpoint answered HTTP ${result.status}`, result.status);
      } catch (err) {
        if (!(err instanceof EndpointError) || err.code !== 'network') throw err;
        failure = err;
      }
      if (n >= retries) throw failure;
      const asked = parseRetryAfter(result?.retryAfter, ports.now());
      if (asked !== undefined && asked > maxDelayMs) throw failure;
      await ports.sleep(Math.max(Math.min(backoffMs * 2 ** n, maxDelayMs), asked ?? 0));
    }
  }

  return { base, withRetry };
}

/** get() on a connection: one request per code at a time, the answer validated and about that code. */
function lookupOn({ base, withRetry }: ReturnType<typeof connect>): EndpointLookup {
  const inFlight = new Map<string, Promise<EndpointAnswer>>();

  async function lookup(uscc: string): Promise<EndpointAnswer> {
    const r = await withRetry(base + SUBJECT_PATH + encodeURIComponent(uscc), { method: 'GET', headers: { accept: 'application/json' } });
    if (r.status === 200) {
      const parsed = CreditStatus.safeParse(r.body);
      if (!parsed.success) throw garbled('not a credit status', parsed.error.issues);
      if (parsed.data.subject.uscc !== uscc) throw garbled('the status is about another subject');
      return { found: true, status: parsed.data };
    }
    const error = ErrorBody.safeParse(r.body);
    // Only a protocol 404 means "not known"; a bare 404 page means a wrong base URL.
    if (r.status === 404 && error.success && error.data.error.code === 'not-found') return { found: false };
    if (r.status === 400 && error.success && error.data.error.code === 'invalid-uscc') throw new EndpointError('invalid-uscc', error.data.error.message, 400);
    throw new EndpointError(error.success ? 'http' : 'garbled', `endpoint answered HTTP ${r.status}${error.success ? `: ${error.data.error.code}` : ' without a protocol error body'}`, r.status);
  }

  return {
    base,
    get(input) {
      const uscc = normaliseUsccInput(input);
      if (!uscc) return Promise.reject(new EndpointError('invalid-uscc', `not a USCC: ${input}`));
      let p = inFlight.get(uscc);
      if (!p) {
        p = lookup(uscc).finally(() => inFlight.delete(uscc));
        inFlight.set(uscc, p);
      }
      return p;
    },
  };
}

/**
 * Looks single codes up at a status endpoint, exactly as createEndpointClient's get does; for callers that never
 * batch, so the batch code and its response schema are not bundled.
 */
export function createEndpointLookup(ports: EndpointPorts, options: EndpointOptions): EndpointLookup {
  return lookupOn(connect(ports, options));
}

/**
 * A client for the status endpoint protocol (docs/status-endpoint.md). Sends nothing but the code: no cookies,
 * no referrer, no page data; validates every answer; retries overload with exponential backoff and Retry-After.
 */
export function createEndpointClient(ports: EndpointPorts, options: EndpointOptions): EndpointClient {
  const connection = connect(ports, options);
  const { base, withRetry } = connection;
  return {
    ...lookupOn(connection),
    async batch(inputs) {
      const out: BatchResult[] = [];
      for (let i = 0; i < inputs.length; i += BATCH_MAX) {
        const chunk = inputs.slice(i, i + BATCH_MAX);
        const r = await withRetry(base + BATCH_PATH, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify({ uscc: chunk }),
        });
        if (r.status !== 200) {
          const error = ErrorBody.safeParse(r.body);
          throw new EndpointError(error.success ? 'http' : 'garbled', `endpoint answered HTTP ${r.status}${error.success ? `: ${error.data.error.code}` : ''}`, r.status);
        }
        const parsed = BatchResponse.safeParse(r.body);
        if (!parsed.success) throw garbled('not a batch response', parsed.error.issues);
        const results = parsed.data.results;
        if (results.length !== chunk.length || results.some((x, k) => x.uscc !== chunk[k] || (x.status && x.status.subject.uscc !== normaliseUsccInput(chunk[k]!)))) {
          throw garbled('the results do not match the codes asked');
        }
        out.push(...results);
      }
      return out;
    },
  };
}
