import { generateKeyPair } from '../../../../core/crypto/ed25519';
import { signMark, verifyMark } from '../../../../core/marks';
import { bitAt, setBit, webStatusCodec } from '../../../../core/status/bits';
import { signStatusList } from '../../../../core/status/sign';
import { createStatusSource } from '../../../../core/status/source';
import { verifyStatusList } from '../../../../core/status/verify';
import type { Issuer, TrustList } from '../../../../core/trust';
import { fixture, payload, sec } from '../marks/support';

const f = await fixture();
const URL_ = 'https://mall.example.cn/.well-known/xinbiao-status.jws';
const trust: TrustList = structuredClone(f.trust);
Object.assign(trust.issuers[0]!, { statusList: URL_, maxMarkDays: 800 });
const issuer = trust.issuers[0]! as Issuer;
const NOW = Date.parse('2026-11-21T12:00:00+08:00');
const list = (over: Partial<Parameters<typeof signStatusList>[0]> = {}, key = f.platform.privateJwk) => {
  const bits = new Uint8Array(16384);
  setBit(bits, 7, true);
  return signStatusList({ iss: 'shop-platform', url: URL_, issued: '2026-11-21T00:00:00+08:00', expires: '2026-11-22T00:00:00+08:00', bits, ...over }, key);
};

describe('status bits', () => {
  it('index 0 is the most significant bit of byte 0; out of range is undefined, not false', () => {
    const bits = new Uint8Array(2);
    setBit(bits, 0, true);
    setBit(bits, 9, true);
    expect([...bits]).toEqual([0b1000_0000, 0b0100_0000]);
    expect([bitAt(bits, 0), bitAt(bits, 1), bitAt(bits, 9), bitAt(bits, 16), bitAt(bits, -1)]).toEqual([true, false, true, undefined, undefined]);
    setBit(bits, 0, false);
    expect(bits[0]).toBe(0);
    expect(() => setBit(bits, 16, true)).toThrow(RangeError);
  });

  it('the web codec round-trips gzip and deflate and stops a list that unfolds past its size', async () => {
    const bits = new Uint8Array(1000).map((_, i) => (i % 97 === 0 ? 1 : 0));
    for (const format of ['gzip', 'deflate'] as const) {
      const packed = await webStatusCodec.compress(bits, format);
      expect(packed.length).toBeLessThan(200);
      expect(await webStatusCodec.decompress(packed, format, 1000)).toEqual(bits);
      await expect(webStatusCodec.decompress(packed, format, 999)).rejects.toThrow(/more than 999 bytes/);
    }
  });
});

describe('verifyStatusList', () => {
  it('accepts the issuer’s list and gives its bits', async () => {
    const r = await verifyStatusList(await list(), { trust, issuer, now: NOW });
    expect(r).toMatchObject({ ok: true, issuer: 'shop-platform', size: 131072 });
    expect(r.ok && bitAt(r.bits, 7)).toBe(true);
    expect(r.ok && bitAt(r.bits, 8)).toBe(false);
  });

  it('names each failure', async () => {
    const other = await generateKeyPair('stranger');
    const v = async (jws: unknown, now = NOW) => (await verifyStatusList(jws, { trust, issuer, now })) as { error?: string };
    expect((await v('x.y.z')).error).toBe('malformed');
    expect((await v(await list({}, other.privateJwk))).error).toBe('unknown-key');
    expect((await v(await list({}, f.office.privateJwk))).error).toBe('wrong-role');
    expect((await v(await list({ iss: 'someone-else' }))).error).toBe('issuer-mismatch');
    expect((await v(await list({ url: 'https://evil.example.cn/status.jws' }))).error).toBe('wrong-url');
    expect((await v(await list(), Date.parse('2026-11-22T00:00:00+08:00'))).error).toBe('stale');
    expect((await v(await list({ issued: '2026-11-23T00:00:00+08:00', expires: '2026-11-24T00:00:00+08:00' }))).error).toBe('not-yet-valid');
    expect((await v(await list({}, f.old.privateJwk))).error).toBe('revoked');
    const [h, p, s] = (await list()).split('.');
    const body = JSON.parse(Buffer.from(p!, 'base64url').toString());
    expect((await v(`${h}.${Buffer.from(JSON.stringify({ ...body, size: 8 })).toString('base64url')}.${s}`)).error).toBe('bad-signature');
  });

  it('refuses bits that do not decompress to the stated size', async () => {
    const bomb = await signStatusList({ iss: 'shop-platform', url: URL_, issued: '2026-11-21T00:00:00+08:00', expires: '2026-11-22T00:00:00+08:00', bits: new Uint8Array(8) }, f.platform.privateJwk);
    const [h, p] = bomb.split('.');
    const body = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const big = Buffer.from(await webStatusCodec.compress(new Uint8Array(1 << 20), 'gzip')).toString('base64url');
    const { signCompactJws } = await import('../../../../core/trust/jws');
    const forged = await signCompactJws({ ...body, list: big }, f.platform.privateJwk, 'xinbiao-status+jws');
    expect(h).toBe(forged.split('.')[0]);
    expect(await verifyStatusList(forged, { trust, issuer, now: NOW })).toMatchObject({ ok: false, error: 'bad-list' });
  });
});

describe('marks against their issuer’s status list', () => {
  const page = 'https://mall.example.cn/shop/12/';
  const sourceOf = (body: string | Error) => {
    const calls: string[] = [];
    const fetch = async (url: string) => {
      calls.push(url);
      if (body instanceof Error) throw body;
      return new Response(body);
    };
    let now = NOW;
    return { calls, tick: (ms: number) => (now += ms), status: createStatusSource({ fetch, now: () => now, trust: () => trust }) };
  };
  const mark = (idx?: number, over = {}) => signMark(payload({ ...(idx === undefined ? {} : { status: { idx } }), ...over }), f.platform.privateJwk);

  it('a set bit is revoked, a clear bit is genuine; the whole list is fetched once for both', async () => {
    const s = sourceOf(await list());
    const revoked = await verifyMark(await mark(7), { trust, pageUrl: page, now: NOW, status: s.status });
    expect(revoked).toMatchObject({ outcome: 'revoked', reason: { zh: expect.stringContaining('标识已被签发者撤销') } });
    expect(await verifyMark(await mark(8), { trust, pageUrl: page, now: NOW, status: s.status })).toMatchObject({ outcome: 'genuine' });
    expect(s.calls).toEqual([URL_]);
  });

  it('no list, an unreachable or stale list, no index or an index past the end: status unknown, never genuine', async () => {
    const unreachable = sourceOf(new Error('offline'));
    expect(await verifyMark(await mark(8), { trust, pageUrl: page, now: NOW, status: unreachable.status })).toMatchObject({ outcome: 'status-unknown', detail: 'status-unreachable' });
    expect(await verifyMark(await mark(8), { trust, pageUrl: page, now: NOW })).toMatchObject({ outcome: 'status-unknown', detail: 'status-not-checked' });
    const s = sourceOf(await list());
    expect(await verifyMark(await mark(), { trust, pageUrl: page, now: NOW, status: s.status })).toMatchObject({ outcome: 'status-unknown', detail: 'no-status-index' });
    expect(await verifyMark(await mark(131072), { trust, pageUrl: page, now: NOW, status: s.status })).toMatchObject({ outcome: 'status-unknown', detail: 'status-index-out-of-range' });
    // A day later the cached list has passed its own expiry: fetched again, and stale.
    s.tick(24 * 3600_000);
    const later = NOW + 24 * 3600_000;
    expect(await verifyMark(await mark(8), { trust, pageUrl: page, now: later, status: s.status })).toMatchObject({ outcome: 'status-unknown', detail: 'status-stale' });
    expect(s.calls).toHaveLength(2);
  });

  it('refuses a mark that lives longer than its issuer allows', async () => {
    const s = sourceOf(await list());
    const long = await mark(8, { exp: sec('2026-11-01T00:00:00Z') + 801 * 86400 });
    expect(await verifyMark(long, { trust, pageUrl: page, now: NOW, status: s.status })).toMatchObject({ outcome: 'malformed', detail: 'lifetime-too-long', reason: { en: expect.stringContaining('800-day maximum') } });
  });

  it('concurrent checks share one fetch of the whole list', async () => {
    const s = sourceOf(await list());
    const results = await Promise.all([7, 8, 9].map(async (i) => (await verifyMark(await mark(i), { trust, pageUrl: page, now: NOW, status: s.status })).outcome));
    expect(results).toEqual(['revoked', 'genuine', 'genuine']);
    expect(s.calls).toEqual([URL_]);
  });

  it('checks against a fetched list read the cached bits; the same list fetched again is verified but not decompressed again', async () => {
    const body = await list();
    let fetches = 0;
    let decompressions = 0;
    let now = NOW;
    const codec = { ...webStatusCodec, decompress: (...a: Parameters<typeof webStatusCodec.decompress>) => (decompressions++, webStatusCodec.decompress(...a)) };
    const status = createStatusSource({ fetch: async () => (fetches++, new Response(body)), now: () => now, trust: () => trust, codec, maxAgeMs: 60_000 });
    expect(status.fresh!(issuer)).toBeUndefined();
    for (const i of [7, 8, 7]) await verifyMark(await mark(i), { trust, pageUrl: page, now, status });
    expect([fetches, decompressions]).toEqual([1, 1]);
    // The answer at hand, without waiting, until its reuse time.
    expect(status.fresh!(issuer)).toMatchObject({ ok: true, size: 131072 });
    now += 61_000; // past maxAge: fetched again, the same version
    expect(await verifyMark(await mark(7), { trust, pageUrl: page, now, status })).toMatchObject({ outcome: 'revoked' });
    expect([fetches, decompressions]).toEqual([2, 1]);
  });

  it('a saved list outlives the source (a worker restart) within its reuse time; a tampered or old one is fetched again', async () => {
    const body = await list();
    const kept = new Map<string, { text: string; at: number }>();
    const saved = { read: async (u: string) => kept.get(u), write: async (u: string, text: string, at: number) => void kept.set(u, { text, at }) };
    let fetches = 0;
    let now = NOW;
    const worker = () => createStatusSource({ fetch: async () => (fetches++, new Response(body)), now: () => now, trust: () => trust, maxAgeMs: 60_000, saved });
    expect(await verifyMark(await mark(7), { trust, pageUrl: page, now, status: worker() })).toMatchObject({ outcome: 'revoked' });
    expect([fetches, kept.get(URL_)?.at]).toEqual([1, NOW]);
    now += 30_000; // a new worker half-way through the reuse time: the saved list, verified again, no fetch
    expect(await verifyMark(await mark(7), { trust, pageUrl: page, now, status: worker() })).toMatchObject({ outcome: 'revoked' });
    expect(fetches).toBe(1);
    // A saved list whose bits were changed (a clear bit 7) fails its signature: fetched again, the true answer.
    const [h, p, sig] = kept.get(URL_)!.text.split('.');
    const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString());
    const cleared = { ...payloadOf(`${h}.${p}.${sig}`), list: payloadOf(await list({ bits: new Uint8Array(16384) })).list };
    kept.set(URL_, { text: [h, Buffer.from(JSON.stringify(cleared)).toString('base64url'), sig].join('.'), at: now });
    expect(await verifyMark(await mark(7), { trust, pageUrl: page, now, status: worker() })).toMatchObject({ outcome: 'revoked' });
    expect(fetches).toBe(2);
    now += 61_000; // past its reuse time: fetched again even though it is saved
    expect(await verifyMark(await mark(7), { trust, pageUrl: page, now, status: worker() })).toMatchObject({ outcome: 'revoked' });
    expect(fetches).toBe(3);
  });

  it('a new list version is decompressed: its own bits count', async () => {
    const bits = new Uint8Array(16384);
    setBit(bits, 8, true);
    let body = await list();
    let now = NOW;
    const status = createStatusSource({ fetch: async () => new Response(body), now: () => now, trust: () => trust, maxAgeMs: 60_000 });
    expect(await verifyMark(await mark(8), { trust, pageUrl: page, now, status })).toMatchObject({ outcome: 'genuine' });
    body = await list({ bits, issued: '2026-11-21T01:00:00+08:00' });
    now += 61_000;
    expect(await verifyMark(await mark(8), { trust, pageUrl: page, now, status })).toMatchObject({ outcome: 'revoked' });
    expect(await verifyMark(await mark(7), { trust, pageUrl: page, now, status })).toMatchObject({ outcome: 'genuine' });
  });

  it('an issuer without a status list keeps the old behaviour', async () => {
    expect(await verifyMark(await mark(), { trust: f.trust, pageUrl: page, now: NOW })).toMatchObject({ outcome: 'genuine' });
  });
});
