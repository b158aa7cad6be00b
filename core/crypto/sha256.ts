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

/** An incremental SHA-256 as the streaming readers use it (Sha256 here; a platform's native one may stand in). */
export interface Sha256Hasher {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
}

/** Makes a fresh incremental SHA-256 hasher: `() => new Sha256()` by default; Node passes node:crypto's for speed. */
export type Sha256Factory = () => Sha256Hasher;

/** Lower-case hex of `bytes`. */
export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** One-shot SHA-256 of bytes, as 64 lower-case hex characters. */
export function sha256Hex(data: Uint8Array): string {
  return toHex(sha256(data));
}
