import type { PrivateJwk, SignPort } from '../crypto/ed25519';
import { MAX_JWS_LENGTH, signCompactJws, type JwsEncoding } from '../trust/jws';
import { MARK_TYP, MarkPayload } from './schema';
import { firstIssueBoth } from '../model/issue';
import { MARK_RULES_ZH } from './rules';

/** What a host that signs many marks may bring: a faster check, a synchronous signer, native encodings (the CLI). */
export interface MarkSignPorts {
  /**
   * The mark payload check (default the zod schema). Must accept, reject and return exactly what MarkPayload does:
   * the generated validator (core/validate, proven equal in test/unit/core/validate) costs a third as much.
   */
  check?: { safeParse(value: unknown): { success: true; data: MarkPayload } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } };
  /** Must hold the same key as `key` (see signCompactJws); default WebCrypto. */
  sign?: SignPort;
  /** Default the pure one. */
  encoding?: JwsEncoding;
}

/**
 * Signs a shop mark with the platform's private key (compact JWS, EdDSA, typ `xinbiao-mark+jws`, kid from the key).
 * Throws with the offending field when the payload does not match the mark schema (an individual seller's unmasked
 * name, a USCC of the wrong shape, …), and when the token would be longer than verifiers accept (MAX_JWS_LENGTH).
 */
export async function signMark(payload: MarkPayload, key: PrivateJwk, ports: MarkSignPorts = {}): Promise<string> {
  const parsed = (ports.check ?? MarkPayload).safeParse(payload);
  if (!parsed.success) throw new Error(`mark payload: ${firstIssueBoth(parsed.error, '(root)', MARK_RULES_ZH)}`);
  const token = await signCompactJws(parsed.data, key, MARK_TYP, key.kid, ports.sign, ports.encoding);
  // Every verifier refuses a longer token as malformed (decodeCompactJws): such a mark would be signed for nothing.
  if (token.length > MAX_JWS_LENGTH) throw new Error(`mark payload: 签发的标识长 ${token.length} 个字符，超过验证方接受的 ${MAX_JWS_LENGTH} / the mark would be ${token.length} characters long, verifiers accept at most ${MAX_JWS_LENGTH}`);
  return token;
}
