import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { startApp, type AppOptions, type RunningApp } from '../../../server/app';
import { demo } from '../../../server/demo';
import { rateKey, statusRoute, type StatusRouteOptions } from '../../../server/routes/status';
import { BatchResponse, createEndpointClient, ErrorBody, type LocalLists } from '../../../core/sources';
import { blackMatch, levelMatch, listInfo, memoryLists, USCC, USCC2 } from '../core/sources/fixtures';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const apps: RunningApp[] = [];
const sockets: Socket[] = [];

async function serve(options: Partial<AppOptions> & { lists?: LocalLists; status?: StatusRouteOptions } = {}): Promise<{ base: string; port: number; app: RunningApp }> {
  const lists = options.lists ?? memoryLists([blackMatch(), levelMatch()]);
  const app = await startApp({ port: 0, plugins: [statusRoute(lists, { now: () => NOW, ...options.status })], ...options });
  apps.push(app);
  const port = (app.server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, port, app };
}
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(apps.splice(0).map((a) => a.drain()));
});

/** Sends raw bytes and returns the status code and body of the answer (the server closes or answers once). */
function raw(port: number, request: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => {
      data += d.toString('utf8');
      const head = data.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(data)?.[1];
      if (head >= 0 && length && Buffer.byteLength(data.slice(head + 4)) >= Number(length)) socket.end();
    });
    socket.on('close', () => ok({ status: Number(data.split(' ')[1]), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
    socket.on('error', fail);
    socket.write(request);
  });
}
const errorCode = (body: string) => ErrorBody.parse(JSON.parse(body)).error.code;

describe('HTTP that holds', () => {
  it.each([
    ['a Host of "["', 'GET / HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n', 200],
    ['a Host of "a<b"', 'GET / HTTP/1.1\r\nHost: a<b\r\nConnection: close\r\n\r\n', 200],
    ['the target //[/', 'GET //[/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 400],
    ['an unknown method', 'FROB / HTTP/1.1\r\nHost: localhost\r\n\r\n', 400],
    ['a method the endpoint does not take', 'PROPFIND /v1/subjects/91330106673959654P HTTP/1.1\r\nHost: localhost\r\n\r\n', 405],
    ['a request line that is not HTTP', 'hello\r\n\r\n', 400],
  ])('answers %s with JSON and stays up', async (_name, request, status) => {
    const { base, port } = await serve(await demo());
    const answer = await raw(port, request);
    expect(answer.status).toBe(status);
    if (status !== 200) expect(errorCode(answer.body)).toMatch(/^(bad-request|not-found|method-not-allowed)$/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/v1/subjects/${USCC}`)).status).toBe(404); // the demo's sample lists do not hold the fixture code
  });

  it('answers an HTTP/1.1 request without Host with a JSON 400 and stays up', async () => {
    const { base, port } = await serve();
    const answer = await raw(port, `GET /v1/subjects/${USCC} HTTP/1.1\r\nConnection: close\r\n\r\n`);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.body)).toBe('bad-request');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('never answers a path outside the protocol as an unknown code, so a client with a wrong base URL reports it', async () => {
    const { base } = await serve(await demo());
    const res = await fetch(`${base}/api/v1/subjects/${USCC}`);
    expect(res.status).toBe(404);
    expect(errorCode(await res.text())).toBe('unknown-path');
    const client = createEndpointClient(
      { fetch: (url, init) => fetch(url, init), now: Date.now, sleep: async () => {} },
      { base: `${base}/api`, timeoutMs: 5000, retries: 0, backoffMs: 1, maxDelayMs: 1 },
    );
    await expect(client.get(USCC)).rejects.toThrow(/404/);
  });

  it.each([
    ['/widget/..%2f..%2fpackage.json', 403, 'bad-request'],
    ['/extension/%3Cscript%3E.zip', 404, 'unknown-path'],
    ['/widget/%E4%ZZ', 400, 'bad-request'],
  ])('refuses the built-files path %s with a JSON error', async (path, status, code) => {
    const { base } = await serve(await demo());
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(errorCode(await res.text())).toBe(code);
  });

  it('lets a page read its refusals: 429 and 413 carry the CORS header as every answer does', async () => {
    const { base } = await serve({ status: { ratePerMinute: 1 } });
    const big = await fetch(`${base}/v1/subjects:batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uscc: Array(2000).fill(USCC) }) });
    expect(big.status).toBe(413);
    expect(big.headers.get('access-control-allow-origin')).toBe('*');
    await fetch(`${base}/v1/subjects/${USCC}`);
    const limited = await fetch(`${base}/v1/subjects/${USCC}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers a body declared too large with 413 before inviting it (Expect: 100-continue), and invites one that fits', async () => {
    const { port } = await serve(await demo());
    const ask = (length: number) => `POST /v1/subjects:batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nExpect: 100-continue\r\n\r\n`;
    // A gigabyte declared: the first answer is the refusal, not "100 Continue".
    const first = await new Promise<string>((ok, fail) => {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      socket.once('data', (d) => ok(d.toString('utf8').split('\r\n')[0]!));
      socket.on('error', fail);
      socket.write(ask(1 << 30));
    });
    expect(first).toBe('HTTP/1.1 413 Payload Too Large');
    // A body that fits is invited, then answered.
    const body = JSON.stringify({ uscc: [USCC] });
    const lines = await new Promise<string[]>((ok, fail) => {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      const seen: string[] = [];
      socket.on('data', (d) => {
        for (const line of d.toString('utf8').split('\r\n')) if (line.startsWith('HTTP/1.1 ')) seen.push(line);
        if (seen.length === 1 && seen[0] === 'HTTP/1.1 100 Continue') socket.write(body);
        if (seen.length === 2) ok(seen);
      });
      socket.on('error', fail);
      socket.write(ask(Buffer.byteLength(body)));
    });
    expect(lines).toEqual(['HTTP/1.1 100 Continue', 'HTTP/1.1 200 OK']);
  });

  it('refuses an expectation other than 100-continue with the protocol\'s JSON error body', async () => {
    const { port } = await serve();
    const r = await new Promise<{ status: number; body: string; cors: string | undefined }>((ok, fail) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/v1/subjects:batch', headers: { 'content-type': 'application/json', expect: '200-ok', connection: 'close' } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString('utf8')));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body, cors: res.headers['access-control-allow-origin'] }));
      });
      req.on('error', fail);
      req.end('{}');
    });
    expect(r.status).toBe(417);
    expect(r.cors).toBe('*');
    expect(JSON.parse(r.body)).toEqual({ error: { code: 'expectation-failed', message: 'only Expect: 100-continue is understood' } });
  });

  it('a request the HTTP parser cannot read gets the JSON 400 with CORS, so a page can read it', async () => {
    const { port } = await serve();
    const answer = await new Promise<string>((ok, fail) => {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      let got = '';
      socket.on('data', (d) => (got += d.toString('utf8')));
      socket.on('end', () => ok(got));
      socket.on('error', fail);
      socket.write('GET /v1/subjects/x HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\n\r\n');
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(answer).toContain('\r\nAccess-Control-Allow-Origin: *\r\n');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'bad-request', message: 'the request could not be parsed' } });
  });

  it('keeps answering lookups while 64 clients upload one byte at a time', async () => {
    const { base, port } = await serve({ status: { maxInFlight: 8 } });
    await Promise.all(Array.from({ length: 64 }, () => new Promise<void>((ok) => {
      const s = connect(port, '127.0.0.1');
      sockets.push(s);
      s.write('POST /v1/subjects:batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{', () => ok());
    })));
    await new Promise((ok) => setTimeout(ok, 200)); // let the server read the headers of every upload
    const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}/v1/subjects/${USCC}`)));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
  });

  it('ends a body that does not arrive in time with 408', async () => {
    const { port } = await serve({ requestMs: 600 });
    const answer = await raw(port, 'POST /v1/subjects:batch HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{');
    expect(answer.status).toBe(408);
    expect(errorCode(answer.body)).toBe('request-timeout');
  });

  it('treats a padded code in a batch as invalid, as GET does, and accepts a BOM', async () => {
    const { base } = await serve();
    const body = `\uFEFF${JSON.stringify({ uscc: [` ${USCC}`, `${USCC} `, USCC] })}`;
    const res = await fetch(`${base}/v1/subjects:batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(200);
    const { results } = BatchResponse.parse(await res.json());
    expect(results.map((r) => r.error?.code ?? 'found')).toEqual(['invalid-uscc', 'invalid-uscc', 'found']);
    expect((await fetch(`${base}/v1/subjects/%20${USCC}`)).status).toBe(400);
  });

  it('answers a code with a trailing slash', async () => {
    const { base } = await serve();
    const res = await fetch(`${base}/v1/subjects/${USCC}/`);
    expect(res.status).toBe(200);
    expect((await res.json()).subject.uscc).toBe(USCC);
  });

  it('sends an ETag, answers 304 to it, and never lets a cache keep a status past its list expiry', async () => {
    const soon = { ...blackMatch(), list: { ...listInfo('demo-black', 'black'), expires: new Date(NOW + 100_000).toISOString() } };
    const { base } = await serve({ lists: memoryLists([soon, levelMatch()]) });
    const first = await fetch(`${base}/v1/subjects/${USCC}`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=100, stale-while-revalidate=0');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${base}/v1/subjects/${USCC}`, { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(tag);
  });

  it('answers 304 to an If-None-Match that lists the tag among others, or is *', async () => {
    const { base } = await serve();
    const tag = (await fetch(`${base}/v1/subjects/${USCC}`)).headers.get('etag')!;
    for (const header of [`W/"other", ${tag}`, `${tag.slice(2)} , "x"`, '*']) {
      expect((await fetch(`${base}/v1/subjects/${USCC}`, { headers: { 'if-none-match': header } })).status).toBe(304);
    }
    expect((await fetch(`${base}/v1/subjects/${USCC}`, { headers: { 'if-none-match': 'W/"other", "x"' } })).status).toBe(200);
  });

  it('answers 304 to a repeated request though every answer has its own asOf, and a new tag once a list expires', async () => {
    let clock = NOW;
    const soon = { ...blackMatch(), list: { ...listInfo('demo-black', 'black'), expires: new Date(NOW + 100_000).toISOString() } };
    const { base } = await serve({ lists: memoryLists([soon, levelMatch()]), status: { now: () => clock } });
    const first = await fetch(`${base}/v1/subjects/${USCC}`);
    const tag = first.headers.get('etag')!;
    clock += 5_000;
    const again = await fetch(`${base}/v1/subjects/${USCC}`, { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    clock = NOW + 200_000;
    const expired = await fetch(`${base}/v1/subjects/${USCC}`, { headers: { 'if-none-match': tag } });
    expect(expired.status).toBe(200);
    expect(expired.headers.get('etag')).not.toBe(tag);
    expect((await fetch(`${base}/v1/subjects/${USCC2}`, { headers: { 'if-none-match': tag } })).status).toBe(404);
  });

  it('answers 429 with Retry-After when one client asks too often', async () => {
    const { base } = await serve({ status: { ratePerMinute: 3 } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) statuses.push((last = await fetch(`${base}/v1/subjects/${USCC2}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(ErrorBody.parse(await last!.json()).error.code).toBe('rate-limited');
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as IPv4, so a new address per request is the same client', () => {
    expect(rateKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(rateKey('2001:db8:0:1:ffff:ffff:ffff:9')).toBe('2001:db8:0:1::/64');
    expect(rateKey('2001:0db8:0000:0002::1')).toBe('2001:db8:0:2::/64');
    expect(rateKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(rateKey('192.0.2.1')).toBe('192.0.2.1');
    expect(rateKey('not an address')).toBe('not an address');
  });

  it('finishes a request in flight when draining', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    let started!: () => void;
    const working = new Promise<void>((ok) => (started = ok));
    const inner = memoryLists([blackMatch()]);
    const { base, app } = await serve({ lists: { ...inner, byUscc: async (u) => (started(), await gate, inner.byUscc(u)) } });
    const pending = fetch(`${base}/v1/subjects/${USCC}`);
    await working;
    const drained = app.drain();
    release();
    expect((await pending).status).toBe(200);
    await drained;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('answers /readyz from the readiness check', async () => {
    let ready = true;
    const { base } = await serve({ ready: async () => { if (!ready) throw new Error('database down'); } });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    ready = false;
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('not-ready');
  });

  it.each([false, true])('logs JSON lines that pair a client address with a code only when asked (%s)', async (clientAddresses) => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(...String(chunk).trim().split('\n')), done()) });
    const { base } = await serve({ log: { stream, clientAddresses } });
    await fetch(`${base}/v1/subjects/${USCC}`);
    await new Promise((ok) => setTimeout(ok, 50));
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const request = logged.find((l) => l.msg === 'request')!;
    expect(request).toMatchObject({ method: 'GET', status: 200 });
    const paired = lines.some((l) => l.includes('127.0.0.1') && l.includes(USCC));
    expect(paired).toBe(clientAddresses);
  });
});
