import type { PrivateJwk } from '../crypto/ed25519';
import { MAX_JWS_LENGTH, signCompactJws } from './jws';
import { TRUST_TYP, TrustList } from './schema';
import { firstIssuePair } from '../model/issue';

/**
 * What a verifier would refuse or misread in a schema-valid trust list, as [中文, English]: a kid or issuer id used
 * twice (findKey refuses an ambiguous kid).
 */
export function trustListProblem(trust: TrustList): [zh: string, en: string] | undefined {
  const ids = new Set<string>();
  const kids = new Set<string>();
  for (const [i, issuer] of trust.issuers.entries()) {
    if (ids.has(issuer.id)) return [`issuers.${i}.id：签发者 ${issuer.id} 出现了两次`, `issuers.${i}.id: issuer id ${issuer.id} appears twice`];
    ids.add(issuer.id);
    for (const [k, key] of issuer.keys.entries()) {
      if (kids.has(key.kid)) return [`issuers.${i}.keys.${k}.kid：密钥 ${key.kid} 出现了两次（验证方拒绝有歧义的密钥）`, `issuers.${i}.keys.${k}.kid: key id ${key.kid} appears twice (verifiers refuse an ambiguous key)`];
      kids.add(key.kid);
    }
  }
  return undefined;
}

/** Why a trust list cannot be signed, in both languages; `message` is `trust list: ` and the English. */
export class TrustListError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`trust list: ${en}`);
  }
}

/**
 * Validates a trust list and signs it with the root key (compact JWS, typ `xinbiao-trust+jws`). Refuses what every
 * verifier would refuse: a schema error (e.g. an origin port above 65535), a duplicate kid or issuer id, and a signed
 * token longer than MAX_JWS_LENGTH (64 KiB) characters, each with a TrustListError.
 */
export async function signTrustList(trust: TrustList, rootKey: PrivateJwk): Promise<string> {
  const parsed = TrustList.safeParse(trust);
  if (!parsed.success) throw new TrustListError(...firstIssuePair(parsed.error));
  const problem = trustListProblem(parsed.data);
  if (problem) throw new TrustListError(...problem);
  const jws = await signCompactJws(parsed.data, rootKey, TRUST_TYP);
  if (jws.length > MAX_JWS_LENGTH) {
    throw new TrustListError(`签署后的名单有 ${jws.length} 个字符，验证方最多接受 ${MAX_JWS_LENGTH} 个；请拆分签发者或删去已退役的密钥`,
      `the signed list has ${jws.length} characters, verifiers accept at most ${MAX_JWS_LENGTH}; split issuers or drop retired keys`);
  }
  return jws;
}
