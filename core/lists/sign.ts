import { base64urlDecode, base64urlEncode } from '../crypto/base64url';
import { signBytes, verifyBytes, type PrivateJwk, type PublicJwk } from '../crypto/ed25519';
import { Sha256, toHex } from '../crypto/sha256';
import type { ListSignature } from './schema';

/** Signs a list file's exact bytes: Ed25519 over their SHA-256 digest, so importers can hash while streaming. */
export async function signList(file: Uint8Array, key: PrivateJwk, keyId = key.kid ?? ''): Promise<ListSignature> {
  if (!keyId) throw new Error('the signing key has no key id (kid)');
  const digest = new Sha256().update(file).digest();
  const signature = await signBytes(key, digest);
  return { format: 'xinbiao-list-sig/1', alg: 'Ed25519-SHA256', keyId, sha256: toHex(digest), size: file.length, signature: base64urlEncode(signature) };
}

/** Checks a digest computed while reading against a signature file and the publisher's key. */
export async function verifyListDigest(sig: ListSignature, digest: Uint8Array, size: number, key: PublicJwk): Promise<'ok' | 'digest-mismatch' | 'bad-signature'> {
  if (toHex(digest) !== sig.sha256 || size !== sig.size) return 'digest-mismatch';
  let raw: Uint8Array;
  try {
    raw = base64urlDecode(sig.signature);
  } catch {
    return 'bad-signature';
  }
  return (await verifyBytes(key, digest, raw)) ? 'ok' : 'bad-signature';
}
