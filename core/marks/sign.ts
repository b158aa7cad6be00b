import type { PrivateJwk, SignPort } from '../crypto/ed25519';
import { signCompactJws } from '../trust/jws';
import { MARK_TYP, MarkPayload } from './schema';
import { firstIssue } from '../model/issue';

/**
 * Signs a shop mark with the platform's private key (compact JWS, EdDSA, typ `xinbiao-mark+jws`, kid from the key).
 * Throws with the offending field when the payload does not match the mark schema. `sign`: see signCompactJws.
 */
export async function signMark(payload: MarkPayload, key: PrivateJwk, sign?: SignPort): Promise<string> {
  const parsed = MarkPayload.safeParse(payload);
  if (!parsed.success) throw new Error(`mark payload: ${firstIssue(parsed.error)}`);
  return signCompactJws(parsed.data, key, MARK_TYP, key.kid, sign);
}
