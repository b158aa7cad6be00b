// status-list: checking one mark against an issuer's 1,000,000-mark status list (1% revoked), from the signed list as
// fetched (signature, decompression, the bit) against the floor of reading one bit of the already decompressed list;
// status-list-size: that list's signed size against the entropy of its bits (n·H(p)/8 bytes, no coder does better).
import { generateKeyPair } from '../core/crypto/ed25519';
import { bitAt, setBit, signStatusList, verifyStatusList, webStatusCodec } from '../core/status';
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

    const ours: number[] = [];
    for (let r = 0; r < 15; r++) {
      const t0 = performance.now();
      const v = await verifyStatusList(jws, { trust, issuer, now, codec: webStatusCodec });
      if (!v.ok || bitAt(v.bits, probe) !== bitAt(bits, probe)) throw new Error(`status list refused: ${v.ok ? 'wrong bit' : v.error}`);
      ours.push(performance.now() - t0);
    }
    // The floor: one bit read, timed over many reads of varying indices so the loop is not optimised away.
    const floors: number[] = [];
    let sink = 0;
    for (let r = 0; r < 15; r++) {
      const reps = 1_000_000;
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) sink += bitAt(bits, (probe + i * 7919) % N) ? 1 : 0;
      floors.push((performance.now() - t0) / reps);
    }
    if (sink < 0) throw new Error('unreachable');

    const p = REVOKED / N;
    const entropyBytes = (N * -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p))) / 8;
    return [
      { name: 'status-list', value: median(ours) * 1000, unit: 'µs', floor: median(floors) * 1000 },
      { name: 'status-list-size', value: jws.length, unit: 'bytes', floor: Math.round(entropyBytes) },
    ];
  },
};
export default bench;
