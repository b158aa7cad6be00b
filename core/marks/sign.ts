import type { PrivateJwk } from '../crypto/ed25519';
import { signCompactJws } from '../trust/jws';
import { MARK_TYP, MarkPayload } from './schema';

/**
 * Signs a shop mark with the platform's private key (compact JWS, EdDSA, typ `xinbiao-mark+jws`, kid from the key).
 * Throws with the offending field when the payload does not match the mark schema.
 */
export async function signMark(payload: MarkPayload, key: PrivateJwk): Promise<string> {
  const parsed = MarkPayload.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`mark payload: ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return signCompactJws(parsed.data, key, MARK_TYP);
}
