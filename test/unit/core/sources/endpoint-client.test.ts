import { createEndpointClient, EndpointError, type EndpointPorts } from '../../../../core/sources';
import { errorBody, json, sampleStatus, USCC, USCC2 } from './fixtures';

type Call = { url: string; init: RequestInit };

function setup(answers: Array<Response | Error | ((init: RequestInit) => Promise<Response>)>, options: Partial<Parameters<typeof createEndpointClient>[1]> = {}) {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const ports: EndpointPorts = {
    fetch: async (url, init) => {
      calls.push({ url, init });
      const next = answers.shift();
      if (next === undefined) throw new Error('unexpected request');
      if (next instanceof Error) throw next;
      return typeof next === 'function' ? next(init) : next;
    },
    now: () => Date.parse('2026-11-21T08:00:00Z'),
    sleep: async (ms) => void sleeps.push(ms),
  };
  const client = createEndpointClient(ports, { base: 'https://credit.example.cn/', ...options });
  return { client, calls, sleeps };
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(EndpointError);
    return (err as EndpointError).code;
  }
  return 'resolved';
};

describe('endpoint client', () => {
  it('gets a validated status and sends nothing but the code', async () => {
    const { client, calls } = setup([json(200, sampleStatus())]);
    const answer = await client.get(` ${USCC.toLowerCase()} `);
    expect(answer).toEqual({ found: true, status: sampleStatus() });
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe(`https://credit.example.cn/v1/subjects/${USCC}`);
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('omit');
    expect(init.referrerPolicy).toBe('no-referrer');
    expect(init.body).toBeUndefined();
    expect(init.headers).toEqual({ accept: 'application/json' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads a protocol 404 as not found', async () => {
    const { client } = setup([json(404, errorBody('not-found'))]);
    expect(await client.get(USCC)).toEqual({ found: false });
  });

  it('refuses a bare 404 page (wrong base URL) instead of calling the subject unknown', async () => {
    const { client } = setup([new Response('<h1>Not Found</h1>', { status: 404 })]);
    expect(await codeOf(client.get(USCC))).toBe('garbled');
  });

  it.each([
    ['not JSON', new Response('<html>oops</html>', { status: 200 })],
    ['JSON but not a status', json(200, { subject: { name: 'x' } })],
    ['a status with a bad field', json(200, { ...sampleStatus(), creditLevels: [{ scheme: 'made-up' }] })],
    ['a status about another subject', json(200, sampleStatus(USCC2))],
    ['an answer over the size limit', json(200, { ...sampleStatus(), pad: 'x'.repeat(5000) })],
  ])('turns a garbled answer (%s) into an error, never a status', async (_name, res) => {
    const { client } = setup([res], { maxBytes: 4000 });
    expect(await codeOf(client.get(USCC))).toBe('garbled');
  });

  it('rejects a code that is not a USCC without any request', async () => {
    const { client, calls } = setup([]);
    expect(await codeOf(client.get('not-a-code'))).toBe('invalid-uscc');
    expect(await codeOf(client.get('91330106673959654P?x=1'))).toBe('invalid-uscc');
    expect(calls).toHaveLength(0);
  });

  it('reports the endpoint refusing a code', async () => {
    const { client } = setup([json(400, errorBody('invalid-uscc', 'bad check character'))]);
    expect(await codeOf(client.get(USCC))).toBe('invalid-uscc');
  });

  it('times out a request that never answers', async () => {
    const hang = (init: RequestInit) => new Promise<Response>((_ok, fail) => init.signal!.addEventListener('abort', () => fail(init.signal!.reason)));
    const { client, calls } = setup([hang], { timeoutMs: 30 });
    expect(await codeOf(client.get(USCC))).toBe('timeout');
    expect(calls).toHaveLength(1);
  });

  it('retries 5xx with exponential backoff, then succeeds', async () => {
    const { client, sleeps, calls } = setup([json(503, errorBody('overloaded')), json(500, errorBody('internal')), json(200, sampleStatus())], { backoffMs: 100 });
    expect((await client.get(USCC)).found).toBe(true);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('retries network errors', async () => {
    const { client, calls } = setup([new TypeError('fetch failed'), json(200, sampleStatus())]);
    expect((await client.get(USCC)).found).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('honours Retry-After in seconds', async () => {
    const { client, sleeps } = setup([json(429, errorBody('rate-limited'), { 'retry-after': '7' }), json(200, sampleStatus())], { backoffMs: 100 });
    await client.get(USCC);
    expect(sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const { client, sleeps } = setup([json(503, errorBody('overloaded'), { 'retry-after': 'Sat, 21 Nov 2026 08:00:12 GMT' }), json(200, sampleStatus())], { backoffMs: 100 });
    await client.get(USCC);
    expect(sleeps).toEqual([12_000]);
  });

  it('keeps its own backoff when Retry-After asks for less', async () => {
    const { client, sleeps } = setup([json(503, {}, { 'retry-after': '0' }), json(200, sampleStatus())], { backoffMs: 250 });
    await client.get(USCC);
    expect(sleeps).toEqual([250]);
  });

  it('gives up at once when Retry-After is longer than it will wait', async () => {
    const { client, calls, sleeps } = setup([json(429, errorBody('rate-limited'), { 'retry-after': '3600' })], { maxDelayMs: 10_000 });
    expect(await codeOf(client.get(USCC))).toBe('rate-limited');
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('gives up after the last retry with the HTTP status', async () => {
    const { client, calls, sleeps } = setup([json(502, {}), json(502, {}), json(502, {})], { retries: 2, backoffMs: 10 });
    const err = await client.get(USCC).catch((e: EndpointError) => e);
    expect(err).toMatchObject({ code: 'http', httpStatus: 502 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([10, 20]);
  });

  it('does not retry other client errors', async () => {
    const { client, calls } = setup([json(405, errorBody('method-not-allowed'))]);
    expect(await codeOf(client.get(USCC))).toBe('http');
    expect(calls).toHaveLength(1);
  });

  it('shares one request among concurrent lookups of the same code, not of others', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const slow = async () => (await gate, json(200, sampleStatus()));
    const { client, calls } = setup([slow, json(200, sampleStatus(USCC2))]);
    const a = client.get(USCC);
    const b = client.get(USCC.toLowerCase());
    const c = client.get(USCC2);
    release();
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(ra).toBe(rb);
    expect(rc).toEqual({ found: true, status: sampleStatus(USCC2) });
    expect(calls).toHaveLength(2);
  });

  it('asks again after a shared request settled', async () => {
    const { client, calls } = setup([json(200, sampleStatus()), json(404, errorBody('not-found'))]);
    await client.get(USCC);
    expect(await client.get(USCC)).toEqual({ found: false });
    expect(calls).toHaveLength(2);
  });

  it('posts batches of at most 100 codes and checks the results match', async () => {
    const codes = Array.from({ length: 150 }, (_, i) => (i % 2 ? USCC : USCC2));
    const answer = (init: RequestInit) => {
      const asked = JSON.parse(String(init.body)).uscc as string[];
      return Promise.resolve(json(200, { results: asked.map((u) => (u === USCC ? { uscc: u, status: sampleStatus() } : { uscc: u, error: errorBody('not-found').error })) }));
    };
    const { client, calls } = setup([answer, answer]);
    const results = await client.batch(codes);
    expect(results).toHaveLength(150);
    expect(calls.map((c) => JSON.parse(String(c.init.body)).uscc.length)).toEqual([100, 50]);
    expect(calls[0]!.url).toBe('https://credit.example.cn/v1/subjects:batch');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(results[1]!.status?.subject.uscc).toBe(USCC);
    expect(results[0]!.error?.code).toBe('not-found');
  });

  it('refuses a batch answer that does not match the codes asked', async () => {
    const { client } = setup([json(200, { results: [{ uscc: USCC2, status: sampleStatus(USCC2) }] })]);
    expect(await codeOf(client.batch([USCC]))).toBe('garbled');
  });

  it.each([
    ['http://credit.example.cn'],
    ['https://credit.example.cn/?page=https://shop.example'],
    ['not a url'],
  ])('refuses an unsafe base URL %s', (base) => {
    expect(() => createEndpointClient({ fetch, now: Date.now, sleep: async () => {} }, { base })).toThrow(EndpointError);
  });

  it('allows plain http to localhost', () => {
    expect(createEndpointClient({ fetch, now: Date.now, sleep: async () => {} }, { base: 'http://127.0.0.1:8080' }).base).toBe('http://127.0.0.1:8080');
  });
});
