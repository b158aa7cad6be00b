import type { PrivateJwk } from '../crypto/ed25519';
import { signCompactJws } from './jws';
import { TRUST_TYP, TrustList } from './schema';

/** Validates a trust list and signs it with the root key (compact JWS, typ `xinbiao-trust+jws`). */
export async function signTrustList(trust: TrustList, rootKey: PrivateJwk): Promise<string> {
  const parsed = TrustList.safeParse(trust);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`trust list: ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return signCompactJws(parsed.data, rootKey, TRUST_TYP);
}
