/**
 * Binary fuse filter with 8-bit fingerprints (Graf & Lemire, "Binary Fuse Filters: Fast and Smaller Than Xor
 * Filters", 2022): a static set of keys in about 9 bits per key, answering "maybe in the set" (false positive rate
 * about 1/256) or "certainly not". A "maybe" is never a verdict: it must be confirmed against exact data.
 *
 * Keys come in as two 32-bit words (KeyHash); all arithmetic is 32-bit or exact in doubles, so the publisher's
 * Node build and a browser's query agree bit for bit.
 */

/** A key as two independent 32-bit hashes of it (see hashKey). */
export interface KeyHash {
  a: number;
  b: number;
}

/** A built filter: the layout parameters and the fingerprint array. */
export interface FuseFilter {
  seed: number;
  segmentLength: number;
  segmentCount: number;
  fingerprints: Uint8Array;
}

const imul = Math.imul;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function mixK(k: number): number {
  k = imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return imul(k, 0x1b873593);
}

/** MurmurHash3 (x86, 32-bit) over a string's UTF-16 code units, two to a block (any text, CJK names included). */
export function murmur3(text: string, seed: number): number {
  let h = seed >>> 0;
  const n = text.length;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    h ^= mixK(text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
    h = (h << 13) | (h >>> 19);
    h = (imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < n) h ^= mixK(text.charCodeAt(i));
  return fmix32(h ^ (n * 2));
}

/** The filter key of a code or a normalised name: two MurmurHash3 words with fixed seeds. */
export function hashKey(code: string): KeyHash {
  return { a: murmur3(code, 0x9747b28c), b: murmur3(code, 0x5bd1e995) };
}

// The three slots and the fingerprint of a key under a seed (a fixed layout shared by build and query).
function slots(a: number, b: number, seed: number, segmentLength: number, segmentCount: number, out: Uint32Array): number {
  const x = fmix32(a ^ seed);
  const y = fmix32((b ^ imul(seed, 0x27d4eb2d)) >>> 0);
  const mask = segmentLength - 1;
  // x / 2^32 * (segmentCount * segmentLength), floored; IEEE doubles make it the same everywhere.
  const h0 = Math.floor((x / 4294967296) * segmentCount) * segmentLength + (y & mask);
  out[0] = h0;
  out[1] = (h0 + segmentLength) ^ ((y >>> 11) & mask);
  out[2] = (h0 + 2 * segmentLength) ^ ((x >>> 7) & mask);
  return (x ^ y ^ (y >>> 24)) & 0xff;
}

function layout(size: number): { segmentLength: number; segmentCount: number; arrayLength: number } {
  const segmentLength = size === 0 ? 4 : Math.min(1 << Math.floor(Math.log(size) / Math.log(3.33) + 2.25), 1 << 18);
  const sizeFactor = size <= 1 ? 0 : Math.max(1.125, 0.875 + (0.25 * Math.log(1_000_000)) / Math.log(size));
  const capacity = size <= 1 ? 0 : Math.round(size * sizeFactor);
  const initSegmentCount = Math.floor((capacity + segmentLength - 1) / segmentLength) - 2;
  let arrayLength = (initSegmentCount + 2) * segmentLength;
  let segmentCount = Math.floor((arrayLength + segmentLength - 1) / segmentLength);
  segmentCount = segmentCount <= 2 ? 1 : segmentCount - 2;
  arrayLength = (segmentCount + 2) * segmentLength;
  return { segmentLength, segmentCount, arrayLength };
}

/**
 * Builds a filter over distinct keys given as parallel word arrays (`a[i]`, `b[i]`), in typed arrays only (no
 * object per key). Duplicate keys make construction fail: the caller removes them first. Throws when 100 seeds
 * all fail, which for distinct keys does not happen in practice.
 */
export function buildFuse(a: Uint32Array, b: Uint32Array, size = a.length): FuseFilter {
  const { segmentLength, segmentCount, arrayLength } = layout(size);
  if (size === 0) return { seed: 0, segmentLength, segmentCount, fingerprints: new Uint8Array(0) };
  const fingerprints = new Uint8Array(arrayLength);
  const count = new Uint32Array(arrayLength); // (number of keys << 2) | xor of the key's slot position
  const xa = new Uint32Array(arrayLength);
  const queue = new Uint32Array(arrayLength);
  const stackKey = new Uint32Array(size);
  const stackPos = new Uint8Array(size);
  const h = new Uint32Array(3);
  for (let seed = 1; seed <= 100; seed++) {
    count.fill(0), xa.fill(0);
    for (let i = 0; i < size; i++) {
      slots(a[i]!, b[i]!, seed, segmentLength, segmentCount, h);
      for (let p = 0; p < 3; p++) {
        const s = h[p]!;
        count[s] = (count[s]! + 4) ^ p;
        xa[s]! ^= i; // the key's index; xor of indexes recovers the single remaining one
      }
    }
    let q = 0;
    for (let s = 0; s < arrayLength; s++) if (count[s]! >>> 2 === 1) queue[q++] = s;
    let stack = 0;
    while (q > 0) {
      const s = queue[--q]!;
      if (count[s]! >>> 2 !== 1) continue;
      const i = xa[s]!;
      const found = count[s]! & 3;
      stackKey[stack] = i;
      stackPos[stack++] = found;
      slots(a[i]!, b[i]!, seed, segmentLength, segmentCount, h);
      for (let p = 0; p < 3; p++) {
        if (p === found) continue;
        const o = h[p]!;
        count[o] = (count[o]! - 4) ^ p;
        xa[o]! ^= i;
        if (count[o]! >>> 2 === 1) queue[q++] = o;
      }
      count[s] = 0;
    }
    if (stack !== size) continue;
    for (let k = size - 1; k >= 0; k--) {
      const i = stackKey[k]!;
      const fp = slots(a[i]!, b[i]!, seed, segmentLength, segmentCount, h);
      const p = stackPos[k]!;
      fingerprints[h[p]!] = fp ^ fingerprints[h[(p + 1) % 3]!]! ^ fingerprints[h[(p + 2) % 3]!]!;
    }
    return { seed, segmentLength, segmentCount, fingerprints };
  }
  throw new Error('fuse filter: construction failed (duplicate keys?)');
}

const scratch = new Uint32Array(3);

/** True when the key may be in the set (about 1 in 256 for a key that is not), false when it certainly is not. */
export function fuseMayContain(filter: FuseFilter, key: KeyHash): boolean {
  if (filter.fingerprints.length === 0) return false;
  const fp = slots(key.a, key.b, filter.seed, filter.segmentLength, filter.segmentCount, scratch);
  const f = filter.fingerprints;
  return fp === (f[scratch[0]!]! ^ f[scratch[1]!]! ^ f[scratch[2]!]!);
}
