import { verifyBytes, type PublicJwk } from '../crypto/ed25519';
import { decodeCompactJws, JwsFormatError } from './jws';
import { TRUST_TYP, TrustList } from './schema';

export type TrustError = 'malformed' | 'wrong-root' | 'bad-signature' | 'not-yet-valid' | 'expired';

/** A failure names its cause and the specifics (`detail`: a key id, a date, the first schema problem); trustErrorText gives the words. */
export type TrustResult =
  | { ok: true; trust: TrustList; rootKid: string }
  | { ok: false; error: TrustError; detail?: string };

const fail = (error: TrustError, detail?: string): TrustResult => ({ ok: false, error, ...(detail ? { detail } : {}) });

/**
 * Verifies a signed trust list (compact JWS, typ `xinbiao-trust+jws`) against the root public key and checks
 * its schema and its issued/expires window at `now`. Never throws for bad input: every failure is named.
 */
export async function verifyTrustList(jws: string, rootPublicJwk: PublicJwk, now: Date | number = Date.now()): Promise<TrustResult> {
  let decoded;
  try {
    decoded = decodeCompactJws(jws, TRUST_TYP);
  } catch (err) {
    if (err instanceof JwsFormatError) return fail('malformed', err.message);
    throw err;
  }
  if (rootPublicJwk.kid !== undefined && decoded.header.kid !== rootPublicJwk.kid) {
    return fail('wrong-root', `${decoded.header.kid} ≠ ${rootPublicJwk.kid}`);
  }
  if (!(await verifyBytes(rootPublicJwk, decoded.signingInput, decoded.signature))) {
    return fail('bad-signature');
  }
  const parsed = TrustList.safeParse(decoded.payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail('malformed', first && `${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  const t = now instanceof Date ? now.getTime() : now;
  if (t < Date.parse(parsed.data.issued)) return fail('not-yet-valid', parsed.data.issued);
  if (t >= Date.parse(parsed.data.expires)) return fail('expired', parsed.data.expires);
  return { ok: true, trust: parsed.data, rootKid: decoded.header.kid };
}
