import type { PrivateJwk } from '../crypto/ed25519';
import { signCompactJws } from './jws';
import { TRUST_TYP, TrustList } from './schema';
import { firstIssue } from '../model/issue';

/** Validates a trust list and signs it with the root key (compact JWS, typ `xinbiao-trust+jws`). */
export async function signTrustList(trust: TrustList, rootKey: PrivateJwk): Promise<string> {
  const parsed = TrustList.safeParse(trust);
  if (!parsed.success) throw new Error(`trust list: ${firstIssue(parsed.error)}`);
  return signCompactJws(parsed.data, rootKey, TRUST_TYP);
}
