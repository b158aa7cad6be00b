import type { PrivateJwk, SignPort } from '../crypto/ed25519';
import { signCompactJws, type JwsEncoding } from '../trust/jws';
import { MarkPayload as CheckedPayload } from '../validate/generated/marks';
import { MARK_TYP, type MarkPayload } from './schema';
import { firstIssue } from '../model/issue';

/** What a host that signs many marks may bring: a synchronous signer and native encodings (the CLI: node:crypto, Buffer). */
export interface MarkSignPorts {
  /** Must hold the same key as `key` (see signCompactJws); default WebCrypto. */
  sign?: SignPort;
  /** Default the pure one. */
  encoding?: JwsEncoding;
}

/**
 * Signs a shop mark with the platform's private key (compact JWS, EdDSA, typ `xinbiao-mark+jws`, kid from the key).
 * Throws with the offending field when the payload does not match the mark schema (an individual seller's unmasked
 * name, a USCC of the wrong shape, …). The check is the generated validator of core/marks/schema.ts, which accepts,
 * rejects and returns exactly what the zod schema does (test/unit/core/validate) at a third of its cost per mark.
 */
export async function signMark(payload: MarkPayload, key: PrivateJwk, ports: MarkSignPorts = {}): Promise<string> {
  const parsed = CheckedPayload.safeParse(payload);
  if (!parsed.success) throw new Error(`mark payload: ${firstIssue(parsed.error)}`);
  return signCompactJws(parsed.data, key, MARK_TYP, key.kid, ports.sign, ports.encoding);
}
