import { createEndpointClient, createEndpointLookup, EndpointError, type EndpointOptions, type EndpointPorts } from '../../../../core/sources';
import { errorBody, json, sampleStatus, USCC, USCC2 } from './fixtures';

type Answer = () => Response | Error;

/** Runs get(code) against scripted answers and records everything observable: result, requests, waits. */
async function run(make: typeof createEndpointLookup, answers: Answer[], code: string, options: Partial<EndpointOptions> = {}) {
  const queue = [...answers];
  const requests: { url: string; init: Omit<RequestInit, 'signal'> }[] = [];
  const sleeps: number[] = [];
  const ports: EndpointPorts = {
    fetch: async (url, { signal: _signal, ...init }) => {
      requests.push({ url, init });
      const next = queue.shift()?.();
      if (!next) throw new Error('unexpected request');
      if (next instanceof Error) throw next;
      return next;
    },
    now: () => Date.parse('2026-11-21T08:00:00Z'),
    sleep: async (ms) => void sleeps.push(ms),
  };
  const client = make(ports, { base: 'https://credit.example.cn/', retries: 1, ...options });
  const result = await client.get(code).then(
    (answer) => ({ answer }),
    (err: EndpointError) => ({ error: [err.constructor.name, err.code, err.message, err.httpStatus] }),
  );
  return { base: client.base, result, requests, sleeps };
}

const SCRIPTS: Record<string, Answer[]> = {
  found: [() => json(200, sampleStatus())],
  'not found': [() => json(404, errorBody('not-found'))],
  'bare 404': [() => new Response('<h1>Not Found</h1>', { status: 404 })],
  'invalid code': [() => json(400, errorBody('invalid-uscc', 'check character is wrong'))],
  'another subject': [() => json(200, sampleStatus(USCC2))],
  'not a status': [() => json(200, { subject: { name: 1 } })],
  'not JSON': [() => new Response('{', { status: 200 })],
  'overloaded, then found': [() => json(503, errorBody('overloaded'), { 'retry-after': '2' }), () => json(200, sampleStatus())],
  'rate limited twice': [() => json(429, errorBody('rate-limited')), () => json(429, errorBody('rate-limited'))],
  'network error, then found': [() => new TypeError('Failed to fetch'), () => json(200, sampleStatus())],
  'too large': [() => json(200, sampleStatus(), { 'content-length': String(2 << 20) })],
};

describe('createEndpointLookup', () => {
  it.each(Object.keys(SCRIPTS))('behaves exactly as the full client’s get: %s', async (name) => {
    const lookup = await run(createEndpointLookup, SCRIPTS[name]!, ` ${USCC.toLowerCase()} `);
    const full = await run(createEndpointClient, SCRIPTS[name]!, ` ${USCC.toLowerCase()} `);
    expect(lookup).toEqual(full);
    expect(lookup.requests.length).toBeGreaterThan(0);
  });

  it('answers a found code with the validated status, without cookies or referrer', async () => {
    const { result, requests } = await run(createEndpointLookup, SCRIPTS.found!, USCC);
    expect(result).toEqual({ answer: { found: true, status: sampleStatus() } });
    expect(requests[0]).toMatchObject({ url: `https://credit.example.cn/v1/subjects/${USCC}`, init: { method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer' } });
  });

  it('rejects a non-code before any request and refuses a plain-http base', async () => {
    const bad = await run(createEndpointLookup, [], 'not a code');
    expect(bad.result).toEqual({ error: ['EndpointError', 'invalid-uscc', 'not a USCC: not a code', undefined] });
    expect(bad.requests).toEqual([]);
    expect(() => createEndpointLookup({ fetch, now: Date.now, sleep: async () => {} }, { base: 'http://credit.example.cn' })).toThrow(EndpointError);
  });

  it('shares one request between concurrent gets of the same code, and has no batch', async () => {
    let calls = 0;
    const lookup = createEndpointLookup(
      { fetch: async () => (calls++, json(200, sampleStatus())), now: Date.now, sleep: async () => {} },
      { base: 'https://credit.example.cn' },
    );
    const [a, b] = await Promise.all([lookup.get(USCC), lookup.get(USCC.toLowerCase())]);
    expect(a).toEqual(b);
    expect(calls).toBe(1);
    expect('batch' in lookup).toBe(false);
  });
});
