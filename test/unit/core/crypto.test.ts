import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Sha256, sha256Hex, toHex } from '../../../core/crypto/sha256';

const nodeHex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Feeds `data` in pieces at the given cut points (sorted, within bounds). */
function chunked(data: Uint8Array, cuts: number[]): string {
  const h = new Sha256();
  let from = 0;
  for (const at of cuts.map((c) => c % (data.length + 1)).sort((a, b) => a - b)) {
    h.update(data.subarray(from, at));
    from = at;
  }
  h.update(data.subarray(from));
  return toHex(h.digest());
}

describe('Sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(sha256Hex(enc(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(enc('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('matches node:crypto at every length around the block and padding edges', () => {
    const data = randomBytes(300);
    for (let n = 0; n <= 300; n++) expect(sha256Hex(data.subarray(0, n))).toBe(nodeHex(data.subarray(0, n)));
  });

  it('matches node:crypto for random data in random chunkings', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), fc.array(fc.nat(), { maxLength: 12 }), (data, cuts) => {
      expect(chunked(data, cuts)).toBe(nodeHex(data));
    }), { numRuns: 300 });
  });

  it('matches node:crypto on a large input fed one byte, then odd sizes, at a time', () => {
    const data = randomBytes(200_003);
    const h = new Sha256();
    let o = 0;
    for (let size = 1; o < data.length; size = (size * 7 + 3) % 4099 || 1) h.update(data.subarray(o, (o += size)));
    expect(toHex(h.digest())).toBe(nodeHex(data));
  });

  it('refuses to be used after digest', () => {
    const h = new Sha256();
    h.digest();
    expect(() => h.update(new Uint8Array(1))).toThrow();
    expect(() => h.digest()).toThrow();
  });
});
