/**
 * Bit `index` of a status bitstring: most significant bit of byte 0 is index 0 (W3C Bitstring Status List §4).
 * Out of range gives undefined, never false: an unknown index must not read as "not revoked".
 */
export function bitAt(bits: Uint8Array, index: number): boolean | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) return undefined;
  return ((bits[index >> 3]! >> (7 - (index & 7))) & 1) === 1;
}

/** Sets or clears bit `index` (same order as bitAt); throws RangeError outside the bitstring. */
export function setBit(bits: Uint8Array, index: number, value: boolean): void {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) throw new RangeError(`status index ${index} is outside 0…${bits.length * 8 - 1}`);
  const mask = 1 << (7 - (index & 7));
  bits[index >> 3] = value ? bits[index >> 3]! | mask : bits[index >> 3]! & ~mask;
}

/** Compression of a status list's bitstring: the two formats CompressionStream and node:zlib share. */
export type StatusCompression = 'gzip' | 'deflate';

/** Compressor/decompressor port: web streams by default (browsers, Node), node:zlib in the CLI for level 9. */
export interface StatusCodec {
  compress(bytes: Uint8Array, format: StatusCompression): Promise<Uint8Array>;
  /** Must throw once more than `maxBytes` come out: a small list may not unfold into gigabytes. */
  decompress(bytes: Uint8Array, format: StatusCompression, maxBytes: number): Promise<Uint8Array>;
}

async function collect(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    total += r.value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`decompresses to more than ${maxBytes} bytes`);
    }
    parts.push(r.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

const through = (bytes: Uint8Array, t: { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> }) => {
  const w = t.writable.getWriter();
  // Errors surface on the readable side; the writer's own promise is only kept from going unhandled.
  w.write(bytes).then(() => w.close()).catch(() => {});
  return t.readable;
};

/** The codec on CompressionStream/DecompressionStream (every current browser, Node ≥ 18). */
export const webStatusCodec: StatusCodec = {
  compress: (bytes, format) => collect(through(bytes, new CompressionStream(format) as never), Number.MAX_SAFE_INTEGER),
  decompress: (bytes, format, maxBytes) => collect(through(bytes, new DecompressionStream(format) as never), maxBytes),
};
