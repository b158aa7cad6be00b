// National-scale lists (10,000,000 entries, deterministic synthetic 经营异常名录 with valid USCC check characters):
// list-pack-size: bytes a subscriber downloads to answer "is this code listed" (filter + shard digests + manifest
//   of core/lists/pack.ts) against gzip -9 of the sorted codes;
// (Only the size so far: import, lookup, delta and memory at this scale are not measured yet.)
import { gzipSync } from 'node:zlib';
import { completeUscc } from '../core/identifiers/uscc';
import { orgCodeCheckChar } from '../core/identifiers/orgcode';
import { buildFuse } from '../core/lists/fuse';
import { encodeFilter, KeyHashes, manifestBytes, PACK_MIN_SHARD, type PackManifest } from '../core/lists/pack';
import { sha256Hex } from '../core/crypto/sha256';
import type { Benchmark } from './types';

const N = Number(process.env.LIST_NATIONAL_ENTRIES ?? 10_000_000);
// Region codes of county-level districts, from the first two digits of each province (enough spread for realism).
const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
const ORG = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The next code of the synthetic list: 91/92/93, a county region, an MA-style organization code with its check. */
function syntheticCode(next: () => number): string {
  const cat = next() < 0.7 ? '91' : next() < 0.9 ? '92' : '93';
  const region = PROVINCES[Math.floor(next() * PROVINCES.length)]! + String(1 + Math.floor(next() * 20)).padStart(2, '0') + String(1 + Math.floor(next() * 30)).padStart(2, '0');
  let body = 'MA';
  for (let k = 0; k < 6; k++) body += ORG[Math.floor(next() * 31)];
  const org = body + orgCodeCheckChar(body)!;
  return completeUscc(cat + region + org);
}

const bench: Benchmark = {
  name: 'list-national',
  async run() {
    const next = rng(20261130);
    const seen = new Set<string>();
    const codes: string[] = [];
    while (codes.length < N) {
      const c = syntheticCode(next);
      if (!seen.has(c)) seen.add(c), codes.push(c);
    }
    const keys = new KeyHashes();
    for (const c of codes) keys.push(c);
    const { a, b } = keys.distinct();
    const filter = encodeFilter(buildFuse(a, b));
    const { bits, min } = keys.prefixBits(PACK_MIN_SHARD);
    const digests = new Uint8Array(32 << bits);
    const ref = (file: string, bytes: Uint8Array) => ({ file, sha256: sha256Hex(bytes), size: bytes.length });
    const index = { keys: a.length, filter: ref('national-abnormal.uscc.filter', filter), prefixBits: bits, digests: ref('national-abnormal.uscc.digests', digests), dir: 'national-abnormal.uscc', minShard: min };
    const manifest: PackManifest = {
      format: 'xinbiao-pack/1',
      list: { format: 'xinbiao-list/1', id: 'national-abnormal', name: '经营异常名录（合成数据）', publisher: { id: 'demo-credit-office', name: '示例信用办' }, kind: 'abnormal', version: 1, issued: '2026-11-01T00:00:00+08:00', expires: '2027-11-01T00:00:00+08:00', keyId: 'demo-credit-office-2026', count: N },
      source: { sha256: '0'.repeat(64), size: N * 200 }, k: PACK_MIN_SHARD, indexes: { uscc: index, name: index },
    };
    const download = filter.length + digests.length + manifestBytes(manifest).length + 300; // + the manifest's .sig
    const sorted = [...codes].sort();
    const floor = gzipSync(Buffer.from(`${sorted.join('\n')}\n`), { level: 9 }).length;
    process.stderr.write(`list-pack-size: ${N} codes, filter ${filter.length} B, ${1 << bits} shards (smallest ${min}), digests ${digests.length} B, gzip -9 of sorted codes ${floor} B\n`);
    return [{ name: 'list-pack-size', value: download / 1e6, unit: 'MB', floor: floor / 1e6, valueBudget: 16 }];
  },
};
export default bench;
