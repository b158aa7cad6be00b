// status-list: checking one mark against an issuer's 1,000,000-mark status list (1% revoked) already fetched (the
// status source's cached answer, as verifyMark reads it, and the bit) against the floor of reading one bit of the decompressed list (budget: ratio 50);
// status-list-decompress: decompressing that list once per version (web DecompressionStream) against bare node:zlib;
// status-list-size: that list's signed size against the entropy of its bits (n·H(p)/8 bytes, no coder does better).
import { generateKeyPair } from '../core/crypto';
import { gunzipSync } from 'node:zlib';
import { base64urlDecode } from '../core/crypto';
import { bitAt, createStatusSource, setBit, signStatusList, webStatusCodec } from '../core/status';
import type { TrustList } from '../core/trust';
import { nodeStatusCodec } from '../cli/commands/status';
import { median, type Benchmark } from './types';

const N = 1_000_000;
const REVOKED = N / 100;
const URL_ = 'https://mall.example.cn/.well-known/xinbiao-status.jws';

/** Deterministic pseudo-random indices (xorshift32), so every run measures the same list. */
function revokedBits(): Uint8Array {
  const bits = new Uint8Array(N / 8);
  let x = 2463534242;
  for (let set = 0; set < REVOKED;) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const i = x % N;
    if (!bitAt(bits, i)) setBit(bits, i, true), set++;
  }
  return bits;
}

const bench: Benchmark = {
  name: 'status-list',
  async run() {
    const key = await generateKeyPair('bench-platform');
    const trust: TrustList = {
      format: 'xinbiao-trust/1', version: 1, issued: '2026-01-01T00:00:00Z', expires: '2030-01-01T00:00:00Z',
      issuers: [{ id: 'bench', name: '示例商城', kind: 'platform', origins: ['https://mall.example.cn'], statusList: URL_,
        keys: [{ ...key.publicJwk, kid: 'bench-platform', from: '2026-01-01T00:00:00Z', until: '2030-01-01T00:00:00Z' }], revoked: [] }],
    };
    const issuer = trust.issuers[0]!;
    const bits = revokedBits();
    const jws = await signStatusList({ iss: 'bench', url: URL_, issued: '2026-11-21T00:00:00Z', expires: '2026-11-22T00:00:00Z', bits }, key.privateJwk, nodeStatusCodec);
    const now = Date.parse('2026-11-21T12:00:00Z');
    const probe = 123_457;

    const status = createStatusSource({ fetch: async () => new Response(jws), now: () => now, trust: () => trust, codec: webStatusCodec });
    // The answer must be right before any timing counts: every bit of the fetched list equals the issuer's.
    const fetched = await status(issuer);
    if (!fetched.ok) throw new Error(`status list refused: ${fetched.error}`);
    for (let i = 0; i < N; i++) if (bitAt(fetched.bits, i) !== bitAt(bits, i)) throw new Error(`status list: bit ${i} differs`);

    // Ours: checking one mark against the list already fetched (the source's cache, then the bit), many checks a round.
    const CHECKS = 200_000;
    const ours: number[] = [];
    let revokedSeen = 0;
    let expected = 0;
    for (let i = 0; i < CHECKS; i++) expected += bitAt(bits, (probe + i * 7919) % N) ? 1 : 0;
    for (let r = 0; r < 15; r++) {
      revokedSeen = 0;
      const t0 = performance.now();
      for (let i = 0; i < CHECKS; i++) {
        const list = status.fresh!(issuer) ?? (await status(issuer));
        if (list.ok && bitAt(list.bits, (probe + i * 7919) % N)) revokedSeen++;
      }
      ours.push((performance.now() - t0) / CHECKS);
      if (revokedSeen !== expected) throw new Error(`status list: ${revokedSeen} revoked seen, ${expected} expected`);
    }
    // The floor: one bit read of the decompressed list, over the same indices so the loop is not optimised away.
    const floors: number[] = [];
    let sink = 0;
    for (let r = 0; r < 15; r++) {
      const t0 = performance.now();
      for (let i = 0; i < CHECKS; i++) sink += bitAt(bits, (probe + i * 7919) % N) ? 1 : 0;
      floors.push((performance.now() - t0) / CHECKS);
    }
    if (sink !== expected * 15) throw new Error('floor: wrong count');

    // Decompression, once per list version: the web codec (what the extension runs) against bare node:zlib.
    const compressed = base64urlDecode((JSON.parse(new TextDecoder().decode(base64urlDecode(jws.split('.')[1]!))) as { list: string }).list);
    const inflate: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < 9; r++) {
      let t0 = performance.now();
      const out = await webStatusCodec.decompress(compressed, 'gzip', N / 8);
      inflate.push(performance.now() - t0);
      t0 = performance.now();
      const floor = gunzipSync(compressed);
      bare.push(performance.now() - t0);
      if (out.length !== N / 8 || floor.length !== N / 8 || out.some((b, i) => b !== bits[i])) throw new Error('decompression: wrong bits');
    }

    const p = REVOKED / N;
    const entropyBytes = (N * -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p))) / 8;
    return [
      { name: 'status-list', value: median(ours) * 1000, unit: 'µs', floor: median(floors) * 1000, budget: 50 },
      // The browser's streaming DecompressionStream against Node's one-shot zlib, once per list version: ≤ 25×
      // (5–15× measured, up to 25× on a busy machine: a stream's chunks each wait for a turn of the event loop).
      { name: 'status-list-decompress', value: median(inflate) * 1000, unit: 'µs', floor: median(bare) * 1000, budget: 25 },
      // The signed, gzipped list against the bits' entropy: ≤ 3× (DEFLATE on sparse bits; 2.5× measured).
      { name: 'status-list-size', value: jws.length, unit: 'bytes', floor: Math.round(entropyBytes), budget: 3 },
    ];
  },
};
export default bench;
