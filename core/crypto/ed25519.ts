import { base64urlDecode, base64urlEncode } from './base64url';

/** An Ed25519 public key as a JWK (RFC 8037), with our key id. */
export interface PublicJwk { kty: 'OKP'; crv: 'Ed25519'; x: string; kid?: string }
/** The private half adds `d`; it never leaves the publisher's machine. */
export interface PrivateJwk extends PublicJwk { d: string }

const ALG = { name: 'Ed25519' } as const;
const subtle = () => globalThis.crypto.subtle; // WebCrypto: the same code in Node, the browser and the extension

export function isPublicJwk(v: unknown): v is PublicJwk {
  const k = v as PublicJwk;
  return !!k && typeof k === 'object' && k.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string' && /^[A-Za-z0-9_-]{43}$/.test(k.x);
}

/** Generates a key pair; both halves returned as JWKs carrying `kid`. */
export async function generateKeyPair(kid: string): Promise<{ publicJwk: PublicJwk; privateJwk: PrivateJwk }> {
  const pair = (await subtle().generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const priv = (await subtle().exportKey('jwk', pair.privateKey)) as JsonWebKey;
  return {
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x!, kid },
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x!, d: priv.d!, kid },
  };
}

// Importing a JWK costs more than a signature: each key (keys come from the trust list or the signer's own file, a
// handful per process) is imported once; a key that failed to import fails the same way again.
const imported = new Map<string, Promise<CryptoKey>>();
const importOnce = (jwk: JsonWebKey, usage: KeyUsage): Promise<CryptoKey> => {
  const id = `${jwk.x} ${jwk.d}`;
  if (!imported.has(id)) imported.set(id, subtle().importKey('jwk', jwk, ALG, false, [usage]));
  return imported.get(id)!;
};

/**
 * Signs bytes with one private key and returns the raw 64-byte Ed25519 signature. signBytes on WebCrypto is the
 * default everywhere; a host that signs in bulk may bring a synchronous one (the CLI: node:crypto).
 */
export type SignPort = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** Signs bytes with a private JWK; returns the raw 64-byte signature. */
export async function signBytes(privateJwk: PrivateJwk, data: Uint8Array): Promise<Uint8Array> {
  const key = await importOnce({ kty: 'OKP', crv: 'Ed25519', x: privateJwk.x, d: privateJwk.d }, 'sign');
  return new Uint8Array(await subtle().sign(ALG, key, data as BufferSource));
}

/** Verifies a raw signature; false (never a throw) for a malformed key or signature. */
export async function verifyBytes(publicJwk: PublicJwk, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (!isPublicJwk(publicJwk) || signature.length !== 64) return false;
  try {
    const key = await importOnce({ kty: 'OKP', crv: 'Ed25519', x: publicJwk.x }, 'verify');
    return await subtle().verify(ALG, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

export { base64urlDecode, base64urlEncode };
