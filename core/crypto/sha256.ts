// Streaming SHA-256 (FIPS 180-4) from @noble/hashes: WebCrypto's digest() takes the whole message, a 1M-line list must not.
import { sha256 } from '@noble/hashes/sha2.js';

/** Incremental SHA-256: `update()` with chunks of any size, `digest()` once (32 bytes); both throw after `digest()`. */
export class Sha256 {
  private readonly hash = sha256.create();

  update(data: Uint8Array): this {
    this.hash.update(data);
    return this;
  }

  digest(): Uint8Array {
    return this.hash.digest();
  }
}

/** Lower-case hex of `bytes`. */
export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** One-shot SHA-256 of bytes, as 64 lower-case hex characters. */
export function sha256Hex(data: Uint8Array): string {
  return toHex(sha256(data));
}
