import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp } from '../../../server/app';
import { join } from 'node:path';
import { sampleStatusRoute, statusRoute, type StatusRouteOptions } from '../../../server/routes/status';
import { decideVerdict } from '../../../core/verdict';
import { CreditStatus } from '../../../core/model';
import { BatchResponse, createEndpointClient, ErrorBody, type LocalLists } from '../../../core/sources';
import { blackMatch, levelMatch, memoryLists, USCC, USCC2 } from '../core/sources/fixtures';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const servers: Server[] = [];

async function serve(lists: LocalLists = memoryLists([blackMatch(), levelMatch()]), options: StatusRouteOptions = {}): Promise<string> {
  const { server } = await startApp({ port: 0, plugins: [statusRoute(lists, { now: () => NOW, ...options })] });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

const errorCode = async (res: Response) => ErrorBody.parse(await res.json()).error.code;

describe('status route', () => {
  it('answers a listed code with a valid credit status built from the lists', async () => {
    const base = await serve();
    const res = await fetch(`${base}/v1/subjects/${USCC}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const status = CreditStatus.parse(await res.json());
    expect(status.subject).toMatchObject({ uscc: USCC, kind: 'company' });
    expect(status.listEntries.map((e) => [e.list, e.provenance.source])).toEqual([['black', 'list:demo-black@v3']]);
    expect(status.creditLevels.map((l) => l.level)).toEqual(['A']);
    expect(status.asOf).toBe(new Date(NOW).toISOString());
  });

  it('accepts a lower-case code', async () => {
    const base = await serve();
    expect((await fetch(`${base}/v1/subjects/${USCC.toLowerCase()}`)).status).toBe(200);
  });

  it('answers 404 with a protocol error for an unknown code', async () => {
    const base = await serve();
    const res = await fetch(`${base}/v1/subjects/${USCC2}`);
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('not-found');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it.each(['12345', 'ABCDEFGHIJKLMNOPQR', `${USCC}X`, `${USCC}/extra`, '%E0%A4%A', '%2091330106673959654P'])('answers 400 for the invalid code %s', async (code) => {
    const base = await serve();
    const res = await fetch(`${base}/v1/subjects/${code}`);
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('invalid-uscc');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses other methods with 405', async () => {
    const base = await serve();
    const res = await fetch(`${base}/v1/subjects/${USCC}`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(await errorCode(res)).toBe('method-not-allowed');
  });

  it('answers CORS preflights', async () => {
    const base = await serve();
    const res = await fetch(`${base}/v1/subjects:batch`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('answers a batch in order with a status or an error per code', async () => {
    const base = await serve();
    const res = await fetch(`${base}/v1/subjects:batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uscc: [USCC2, USCC, 'nonsense'] }) });
    expect(res.status).toBe(200);
    const { results } = BatchResponse.parse(await res.json());
    expect(results.map((r) => [r.uscc, r.status?.subject.uscc, r.error?.code])).toEqual([
      [USCC2, undefined, 'not-found'], [USCC, USCC, undefined], ['nonsense', undefined, 'invalid-uscc']]);
  });

  it.each([
    ['more than 100 codes', JSON.stringify({ uscc: Array(101).fill(USCC) }), 400, 'batch-too-large'],
    ['no codes', JSON.stringify({ uscc: [] }), 400, 'bad-request'],
    ['not JSON', '{"uscc":', 400, 'bad-request'],
    ['the wrong shape', JSON.stringify([USCC]), 400, 'bad-request'],
    ['a body over the limit', JSON.stringify({ uscc: [USCC], pad: 'x'.repeat(20_000) }), 413, 'payload-too-large'],
  ])('refuses a batch with %s', async (_name, body, status, code) => {
    const base = await serve();
    const res = await fetch(`${base}/v1/subjects:batch`, { method: 'POST', body });
    expect(res.status).toBe(status);
    expect(await errorCode(res)).toBe(code);
  });

  it('answers 503 with Retry-After when overloaded', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const inner = memoryLists([blackMatch()]);
    const slow: LocalLists = { ...inner, byUscc: async (u) => (await gate, inner.byUscc(u)) };
    const base = await serve(slow, { maxInFlight: 1 });
    const first = fetch(`${base}/v1/subjects/${USCC}`);
    await new Promise((ok) => setTimeout(ok, 50));
    const second = await fetch(`${base}/v1/subjects/${USCC}`);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(await errorCode(second)).toBe('overloaded');
    release();
    expect((await first).status).toBe(200);
  });

  it('answers 500 with a protocol error when the lists fail', async () => {
    const broken: LocalLists = { byUscc: async () => { throw new Error('disk'); }, byName: async () => [], lists: async () => [] };
    const base = await serve(broken);
    const res = await fetch(`${base}/v1/subjects/${USCC}`);
    expect(res.status).toBe(500);
    expect(await errorCode(res)).toBe('internal');
  });

  it('leaves other paths to other routes', async () => {
    const base = await serve();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/v1/other`)).status).toBe(404);
  });

  it('speaks the protocol the core client expects', async () => {
    const base = await serve();
    const client = createEndpointClient({ fetch: (u, i) => fetch(u, i), now: Date.now, sleep: async () => {} }, { base });
    const found = await client.get(USCC);
    expect(found.found && found.status.listEntries[0]!.list).toBe('black');
    expect(await client.get(USCC2)).toEqual({ found: false });
    const results = await client.batch([USCC, USCC2]);
    expect(results.map((r) => Boolean(r.status))).toEqual([true, false]);
  });
});

describe('status route over the sample lists', () => {
  const SAMPLE_NOW = Date.parse('2026-11-21T08:00:00Z');
  async function serveSamples(samples?: string): Promise<string> {
    const { server } = await startApp({ port: 0, plugins: [await sampleStatusRoute(samples, () => SAMPLE_NOW)] });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('answers the sample black-listed, red-listed and unknown shops as the verdict expects', async () => {
    const base = await serveSamples();
    const verdictOf = async (uscc: string) => {
      const res = await fetch(`${base}/v1/subjects/${uscc}`);
      if (res.status === 404) return decideVerdict({ listsChecked: true, now: SAMPLE_NOW }).level;
      const status = CreditStatus.parse(await res.json());
      return decideVerdict({ status, listsChecked: true, now: SAMPLE_NOW }).level;
    };
    expect(await verdictOf('91990000MA5G3R035Y')).toBe('danger');
    expect(await verdictOf('91990000MA1N8K024W')).toBe('good');
    expect(await verdictOf('92990000MA8T4W04X1')).toBe('caution');
    expect(await verdictOf('91330106673959654P')).toBe('unknown');
  });

  it('still answers (404) when the samples cannot be read', async () => {
    const base = await serveSamples(join(import.meta.dirname, 'no-such-samples'));
    const res = await fetch(`${base}/v1/subjects/91990000MA5G3R035Y`);
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('not-found');
  });
});
