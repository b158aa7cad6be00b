import type { PrivateJwk } from '../crypto/ed25519';
import { MAX_JWS_LENGTH, signCompactJws } from './jws';
import { TRUST_TYP, TrustList } from './schema';
import { firstIssue } from '../model/issue';

/** What a verifier would refuse or misread in a schema-valid trust list: a kid or issuer id used twice (findKey refuses an ambiguous kid). */
export function trustListProblem(trust: TrustList): string | undefined {
  const ids = new Set<string>();
  const kids = new Set<string>();
  for (const [i, issuer] of trust.issuers.entries()) {
    if (ids.has(issuer.id)) return `issuers.${i}.id: issuer id ${issuer.id} appears twice`;
    ids.add(issuer.id);
    for (const [k, key] of issuer.keys.entries()) {
      if (kids.has(key.kid)) return `issuers.${i}.keys.${k}.kid: key id ${key.kid} appears twice (verifiers refuse an ambiguous key)`;
      kids.add(key.kid);
    }
  }
  return undefined;
}

/**
 * Validates a trust list and signs it with the root key (compact JWS, typ `xinbiao-trust+jws`). Refuses what every
 * verifier would refuse: a schema error (e.g. an origin port above 65535), a duplicate kid or issuer id, and a signed
 * token longer than MAX_JWS_LENGTH (64 KiB) characters.
 */
export async function signTrustList(trust: TrustList, rootKey: PrivateJwk): Promise<string> {
  const parsed = TrustList.safeParse(trust);
  if (!parsed.success) throw new Error(`trust list: ${firstIssue(parsed.error)}`);
  const problem = trustListProblem(parsed.data);
  if (problem) throw new Error(`trust list: ${problem}`);
  const jws = await signCompactJws(parsed.data, rootKey, TRUST_TYP);
  if (jws.length > MAX_JWS_LENGTH) throw new Error(`trust list: the signed list has ${jws.length} characters, verifiers accept at most ${MAX_JWS_LENGTH}; split issuers or drop retired keys`);
  return jws;
}
